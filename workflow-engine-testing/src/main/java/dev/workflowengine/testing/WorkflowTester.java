package dev.workflowengine.testing;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.ExecutionHandle;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a workflow the way the engine does, but to completion before returning, so that a test can
 * assert on the path it took, its events and its output. Models and tools are whatever the workflow
 * was built with: usually {@link ScriptedChatModel}s and small lambdas.
 *
 * <pre>{@code
 * try (WorkflowTester tester = WorkflowTester.of(workflow)) {
 *   tester.run(Map.of("ticket", "I was charged twice"))
 *       .assertWaitingAt("approve")
 *       .resume(Map.of("approved", true))
 *       .assertCompleted()
 *       .assertPath("classify", "draft", "approve", "send")
 *       .assertOutput("receipt", "sent");
 * }
 * }</pre>
 *
 * <p>Each tester has its own in-memory engine with one worker. Thread-safe, but meant for one test.
 */
public final class WorkflowTester implements AutoCloseable {

  static final String USER = "tester";

  private final Workflow workflow;
  private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
  private final InMemoryEventTransport events = new InMemoryEventTransport();
  private final WorkflowEngine engine;
  private final Duration timeout;

  private WorkflowTester(Workflow workflow, Duration timeout) {
    this.workflow = workflow;
    this.timeout = timeout;
    this.engine =
        WorkflowEngine.builder()
            .checkpointStore(checkpoints)
            .eventTransport(events)
            .workers(1)
            .build();
    engine.register(workflow);
  }

  /**
   * A tester for a workflow, giving each run up to 30 seconds.
   *
   * @param workflow the workflow
   * @return the tester
   */
  public static WorkflowTester of(Workflow workflow) {
    return new WorkflowTester(requireNonNull(workflow, "workflow"), Duration.ofSeconds(30));
  }

  /**
   * The same tester with another limit for each run.
   *
   * @param limit how long a run may take before the test fails
   * @return a new tester; close this one if you no longer need it
   */
  public WorkflowTester withTimeout(Duration limit) {
    return new WorkflowTester(workflow, requireNonNull(limit, "limit"));
  }

  /**
   * Starts a run and waits until it completes, fails, is cancelled or waits for a person.
   *
   * @param input the initial state
   * @return what happened
   */
  public TestRun run(Map<String, ?> input) {
    ExecutionHandle handle =
        engine.start(StartRequest.of(workflow.id(), Map.copyOf(input)).user(USER));
    return settle(handle.executionId());
  }

  TestRun resume(String executionId, Map<String, ?> input) {
    engine.resume(executionId, USER, input);
    return settle(executionId);
  }

  private TestRun settle(String executionId) {
    ExecutionHandle handle = engine.handle(executionId, USER);
    var record = handle.await(timeout);
    List<WorkflowEvent> published = EventCollector.upTo(events, executionId, timeout);
    var state = workflow.restore(executionId, checkpoints).map(p -> p.state());
    return new TestRun(this, record, published, state.orElse(record.output()));
  }

  @Override
  public void close() {
    engine.close();
  }
}
