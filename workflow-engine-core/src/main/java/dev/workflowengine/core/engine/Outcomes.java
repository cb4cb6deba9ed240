package dev.workflowengine.core.engine;

import dev.workflowengine.api.execution.ExecutionError;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.WorkflowState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Records how an execution ended or paused: the record's new revision, the event, the observers,
 * and, for the end, dropping checkpoints nobody will read again. Each outcome is recorded once: an
 * execution that another party finished meanwhile is left as it is.
 */
final class Outcomes {

  private final EngineCore core;

  Outcomes(EngineCore core) {
    this.core = core;
  }

  void completed(ExecutionRecord record, EventPublisher events, Map<String, Object> state) {
    Instant now = core.clock.instant();
    finish(record, current -> current.finished(ExecutionStatus.COMPLETED, now, state, null))
        .ifPresent(done -> events.completed(state, done.duration().orElse(Duration.ZERO)));
  }

  void failed(
      ExecutionRecord record, EventPublisher events, Optional<String> nodeId, Throwable failure) {
    Instant now = core.clock.instant();
    ExecutionError error = errorOf(failure, nodeId);
    finish(record, current -> current.finished(ExecutionStatus.FAILED, now, Map.of(), error))
        .ifPresent(done -> events.failed(nodeId, failure));
  }

  /**
   * Fails an execution whose wait at a human step ran out, if the record is still the waiting one
   * that was found expired: an answer or a cancel that came first has moved it on.
   */
  void waitExpired(
      ExecutionRecord waiting, EventPublisher events, Optional<String> nodeId, Throwable failure) {
    Instant now = core.clock.instant();
    ExecutionError error = errorOf(failure, nodeId);
    finish(
            waiting,
            current ->
                current.revision() == waiting.revision()
                    ? current.finished(ExecutionStatus.FAILED, now, Map.of(), error)
                    : null)
        .ifPresent(done -> events.failed(nodeId, failure));
  }

  private static ExecutionError errorOf(Throwable failure, Optional<String> nodeId) {
    return new ExecutionError(
        failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()), nodeId);
  }

  void cancelled(ExecutionRecord record, EventPublisher events, Optional<String> nodeId) {
    Instant now = core.clock.instant();
    finish(record, current -> current.finished(ExecutionStatus.CANCELLED, now, Map.of(), null))
        .ifPresent(done -> events.cancelled(nodeId, "cancelled by its owner"));
  }

  /**
   * The execution now waits at a human step, with the step's prompt for this state. The event is
   * published before the record says WAITING: whoever sees that status may answer or cancel the
   * wait and publish the next event, which must come after this one.
   */
  void waiting(
      ExecutionRecord record,
      EventPublisher events,
      String nodeId,
      HumanStep step,
      Map<String, Object> state) {
    String prompt;
    try {
      prompt = step.promptFor(WorkflowState.of(state));
    } catch (RuntimeException promptFailed) {
      failed(record, events, Optional.of(nodeId), promptFailed);
      return;
    }
    Optional<ExecutionRecord> current = core.executions.find(record.executionId());
    if (current.isEmpty() || current.get().status().isTerminal()) {
      return;
    }
    if (current.get().cancelRequested()) {
      cancelled(record, events, Optional.of(nodeId));
      return;
    }
    Instant now = core.clock.instant();
    Optional<Instant> until = step.timeout().map(now::plus);
    events.waiting(nodeId, prompt, until);
    Records.update(
        core.executions,
        record.executionId(),
        latest -> latest.status().isTerminal() ? null : latest.waiting(now, until.orElse(null)));
  }

  /** Moves a record to a terminal status unless it has one; empty if it had. */
  private Optional<ExecutionRecord> finish(
      ExecutionRecord record, java.util.function.UnaryOperator<ExecutionRecord> change) {
    Optional<ExecutionRecord> done =
        Records.update(
                core.executions,
                record.executionId(),
                current -> current.status().isTerminal() ? null : change.apply(current))
            .filter(Records.Change::changed)
            .map(Records.Change::record);
    done.ifPresent(
        finished -> {
          core.checkpoints.delete(finished.executionId());
          notifyFinished(finished);
        });
    return done;
  }

  private void notifyFinished(ExecutionRecord finished) {
    core.observer.executionFinished(finished);
  }
}
