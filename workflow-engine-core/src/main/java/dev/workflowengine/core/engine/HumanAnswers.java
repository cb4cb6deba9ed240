package dev.workflowengine.core.engine;

import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.spi.WorkItem;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.RunOptions;
import dev.workflowengine.core.RunPosition;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the human step an execution waits at, for a person or for the step's timeout. The answer
 * is checked and checkpointed on the caller's thread (the human step is one cheap node), so a wrong
 * answer is refused at once and a right one is never lost; the rest of the run goes back to the
 * queue.
 */
final class HumanAnswers {

  private static final int SUBMIT_ATTEMPTS = 20;

  private final EngineCore core;
  private final Outcomes outcomes;

  HumanAnswers(EngineCore core, Outcomes outcomes) {
    this.core = core;
    this.outcomes = outcomes;
  }

  /**
   * Answers the waiting execution.
   *
   * @throws WorkflowValidationException if it does not wait, or the input does not fit the step;
   *     nothing changes then
   */
  void answer(ExecutionRecord record, Map<String, ?> input) {
    Claim claim = claim(record);
    ExecutionRecord claimed = claim.record();
    Workflow workflow =
        core.registry
            .forExecution(claimed.workflowId(), claimed.workflowVersion())
            .orElseThrow(() -> unclaimAndFail(claim, "its workflow is no longer registered"));
    RunPosition position =
        workflow
            .restore(claimed.executionId(), core.checkpoints)
            .orElseThrow(() -> unclaimAndFail(claim, "its checkpoints are lost"));
    String nodeId = position.nextNodeId().orElseThrow();
    EventPublisher events = new EventPublisher(core, claimed.executionId(), claimed.workflowId());
    events.hold();
    RunResult result;
    try {
      result =
          workflow.resume(
              position,
              input,
              RunOptions.builder()
                  .runId(claimed.executionId())
                  .userId(claimed.userId())
                  .checkpointStore(core.checkpoints)
                  .listener(events)
                  .maxNodes(1)
                  .build());
    } catch (RuntimeException refused) {
      events.discardHeld();
      unclaim(claim);
      throw refused;
    }
    events.resumed(nodeId, Map.copyOf(input));
    continueAfter(claimed, workflow, result, events);
  }

  /**
   * A record this answer moved from WAITING to RUNNING, and the deadline of the wait it ended: a
   * running record has none, so a refused answer must restore it from here.
   */
  private record Claim(ExecutionRecord record, Instant deadline) {}

  /**
   * Moves the record from WAITING to RUNNING, so that nobody else answers it or ends it meanwhile:
   * a cancel only asks a running execution to stop, and whoever runs it next does.
   */
  private Claim claim(ExecutionRecord record) {
    Instant now = core.clock.instant();
    Instant[] deadline = new Instant[1];
    Records.Change change =
        Records.update(
                core.executions,
                record.executionId(),
                current -> {
                  if (current.status() != ExecutionStatus.WAITING) {
                    return null;
                  }
                  deadline[0] = current.waitingUntil().orElse(null);
                  return current.running(now);
                })
            .orElseThrow();
    if (!change.changed()) {
      throw new WorkflowValidationException(
          "the answer to execution '" + record.executionId() + "'",
          "$",
          "the execution is not waiting for a person; it is " + change.record().status());
    }
    return new Claim(change.record(), deadline[0]);
  }

  /**
   * Puts a claimed record back to waiting, keeping its deadline; or, if a cancel asked it to stop
   * meanwhile, ends it, as nobody else will.
   */
  private void unclaim(Claim claim) {
    Instant now = core.clock.instant();
    ExecutionRecord claimed = claim.record();
    Records.Change change =
        Records.update(
                core.executions,
                claimed.executionId(),
                current ->
                    current.revision() == claimed.revision()
                        ? current.waiting(now, claim.deadline())
                        : null)
            .orElseThrow();
    if (!change.changed() && change.record().cancelRequested()) {
      EventPublisher events = new EventPublisher(core, claimed.executionId(), claimed.workflowId());
      outcomes.cancelled(change.record(), events, Optional.empty());
    }
  }

  private WorkflowException unclaimAndFail(Claim claim, String why) {
    unclaim(claim);
    return new WorkflowException(
        "execution '" + claim.record().executionId() + "' cannot continue: " + why);
  }

  private void continueAfter(
      ExecutionRecord record, Workflow workflow, RunResult result, EventPublisher events) {
    switch (result.status()) {
      case COMPLETED -> outcomes.completed(record, events, result.state().asMap());
      case WAITING -> {
        String next = result.waiting().orElseThrow().nodeId();
        HumanStep step = workflow.humanStep(next).orElseThrow();
        outcomes.waiting(record, events, next, step, result.state().asMap());
      }
      default -> queue(record, events);
    }
  }

  /**
   * Hands the rest of the run to the workers. The answer is already checkpointed, so if the queue
   * stays full the execution fails with a message saying so rather than waiting unseen.
   */
  private void queue(ExecutionRecord record, EventPublisher events) {
    WorkItem item = new WorkItem(record.executionId(), record.workflowId(), core.clock.instant());
    RateLimitedException last = null;
    for (int attempt = 0; attempt < SUBMIT_ATTEMPTS; attempt++) {
      try {
        core.queue.submit(item);
        return;
      } catch (RateLimitedException full) {
        last = full;
        sleepQuietly(Duration.ofMillis(50L << Math.min(attempt, 5)));
      }
    }
    outcomes.failed(
        record,
        events,
        Optional.empty(),
        new RateLimitedException(
            "the answer was recorded but the work queue stayed full, so execution '"
                + record.executionId()
                + "' could not continue; "
                + last.getMessage(),
            last.retryAfter().orElse(null)));
  }

  private static void sleepQuietly(Duration pause) {
    try {
      Thread.sleep(pause.toMillis()); // backing off from a full queue, not waiting for a result
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
