package dev.workflowengine.core;

import dev.failsafe.event.ExecutionAttemptedEvent;
import dev.workflowengine.api.WorkflowExecutionException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one node once, under its policy: tells the listener about each attempt, stops when the run
 * is cancelled, and turns any failure into a {@link WorkflowExecutionException} naming the node.
 * Shared by every run of the workflow; thread-safe.
 */
final class NodeExecution {

  private final String workflowId;
  private final NodeSpec node;
  private final NodePolicies policies;

  NodeExecution(String workflowId, NodeSpec node, NodePolicies policies) {
    this.workflowId = workflowId;
    this.node = node;
    this.policies = policies;
  }

  String nodeId() {
    return node.id();
  }

  String workflowId() {
    return workflowId;
  }

  /**
   * Runs the node.
   *
   * @throws WorkflowExecutionException if it failed for good
   * @throws RunCancelledException if the run was cancelled before or while it ran
   */
  Completion run(WorkflowState state, RunContext run) {
    AtomicInteger attempts = new AtomicInteger();
    long[] startedAt = new long[1];
    NodeContext[] lastContext = new NodeContext[1];
    try {
      Map<String, Object> update =
          policies == null
              ? attempt(state, run, attempts, startedAt, lastContext)
              : policies
                  .executor(event -> failedAttempt(run, event), run::cancelRequested)
                  .get(() -> attempt(state, run, attempts, startedAt, lastContext));
      Map<String, Object> details = lastContext[0] == null ? Map.of() : lastContext[0].details();
      return new Completion(
          node.id(), attempts.get(), update, System.nanoTime() - startedAt[0], details);
    } catch (RunCancelledException cancelled) {
      throw cancelled;
    } catch (Throwable failure) {
      if (run.cancelRequested()) {
        throw new RunCancelledException(node.id());
      }
      Throwable translated =
          policies == null ? failure : Failures.translate(node.id(), policies.policy(), failure);
      if (policies == null || !Failures.isRetriable(failure)) {
        // the retry policy reports only the failures it handles, the retriable ones
        run.listener().nodeFailed(run.runId(), node.id(), attempts.get(), translated, false);
      }
      throw Failures.nodeFailed(workflowId, node.id(), translated);
    }
  }

  private Map<String, Object> attempt(
      WorkflowState state,
      RunContext run,
      AtomicInteger attempts,
      long[] startedAt,
      NodeContext[] lastContext)
      throws Exception {
    if (run.cancelRequested()) {
      throw new RunCancelledException(node.id());
    }
    int attempt = attempts.incrementAndGet();
    run.listener().nodeStarted(run.runId(), node.id(), attempt);
    startedAt[0] = System.nanoTime();
    lastContext[0] = null; // details come from the successful attempt only
    if (node.kind() == NodeSpec.Kind.HUMAN) {
      return Updates.checked(node.id(), run.takeHumanInput(node.id()));
    }
    NodeContext context =
        new NodeContext(run.runId(), workflowId, node.id(), attempt, run.userId(), run.listener());
    lastContext[0] = context;
    return Updates.checked(node.id(), context.run(() -> node.action().apply(state)));
  }

  private void failedAttempt(RunContext run, ExecutionAttemptedEvent<Map<String, Object>> event) {
    Throwable failure = Failures.translate(node.id(), policies.policy(), event.getLastException());
    if (failure instanceof RunCancelledException) {
      return;
    }
    int attempt = event.getAttemptCount();
    boolean retry = policies.willRetry(attempt, failure, run.cancelRequested());
    run.listener().nodeFailed(run.runId(), node.id(), attempt, failure, retry);
  }
}
