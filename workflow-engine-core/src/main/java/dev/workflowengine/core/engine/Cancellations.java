package dev.workflowengine.core.engine;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels executions: a queued or waiting one at once (nobody else publishes its events then), a
 * running one by asking its worker to stop at the next node, interrupting it if it runs here.
 */
final class Cancellations {

  private static final Logger log = LoggerFactory.getLogger(Cancellations.class);

  private final EngineCore core;

  Cancellations(EngineCore core) {
    this.core = core;
  }

  /** Whether this call cancelled the execution or asked it to stop. */
  boolean cancel(ExecutionRecord record) {
    String executionId = record.executionId();
    Instant now = core.clock.instant();
    Records.Change change =
        Records.update(
                core.executions,
                executionId,
                current -> {
                  if (current.status().isTerminal() || current.cancelRequested()) {
                    return null;
                  }
                  return current.status() == ExecutionStatus.RUNNING
                      ? current.withCancelRequested(now)
                      : current.finished(ExecutionStatus.CANCELLED, now, Map.of(), null);
                })
            .orElseThrow();
    if (!change.changed()) {
      log.info(
          "execution {} is {}; cancelling changes nothing", executionId, change.record().status());
      return change.record().cancelRequested() && !change.record().status().isTerminal();
    }
    if (change.record().status() == ExecutionStatus.CANCELLED) {
      core.checkpoints.delete(executionId);
      core.observer.executionFinished(change.record());
      new EventPublisher(core, executionId, record.workflowId())
          .cancelled(Optional.empty(), "cancelled by its owner");
    } else {
      EngineCore.Running local = core.running.get(executionId);
      if (local != null && local.cancel.compareAndSet(false, true)) {
        local.interrupt();
      }
    }
    return true;
  }
}
