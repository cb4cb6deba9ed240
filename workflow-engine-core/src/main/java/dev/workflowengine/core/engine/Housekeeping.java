package dev.workflowengine.core.engine;

import dev.workflowengine.api.WorkflowTimeoutException;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.RunPosition;
import dev.workflowengine.core.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's periodic chores: keep the leases of running executions alive (and notice when one was
 * lost or its execution cancelled elsewhere), and end the waits of human steps whose timeout has
 * run out.
 */
final class Housekeeping implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
  private static final int TIMEOUTS_PER_SWEEP = 100;

  private final EngineCore core;
  private final Outcomes outcomes;
  private final HumanAnswers answers;
  private final ScheduledExecutorService scheduler;

  Housekeeping(EngineCore core, Outcomes outcomes, HumanAnswers answers, Duration sweepInterval) {
    this.core = core;
    this.outcomes = outcomes;
    this.answers = answers;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "workflow-engine-housekeeping");
              thread.setDaemon(true);
              return thread;
            });
    long leaseTick = Math.max(1, core.leaseDuration.toMillis() / 3);
    scheduler.scheduleWithFixedDelay(this::keepLeases, leaseTick, leaseTick, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::endExpiredWaits,
        sweepInterval.toMillis(),
        sweepInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void keepLeases() {
    core.running.forEach(
        (executionId, running) -> {
          try {
            Lease lease = running.lease.get();
            Optional<Lease> extended = core.queue.extend(lease, core.leaseDuration);
            if (extended.isPresent()) {
              running.lease.set(extended.get());
            } else {
              running.leaseLost.set(true); // another worker may have it: stop at the next node
            }
            if (core.executions
                    .find(executionId)
                    .map(ExecutionRecord::cancelRequested)
                    .orElse(false)
                && running.cancel.compareAndSet(false, true)) {
              running.interrupt();
            }
          } catch (RuntimeException e) {
            log.warn("could not keep the lease of execution {}", executionId, e);
          }
        });
  }

  private void endExpiredWaits() {
    try {
      List<ExecutionRecord> expired =
          core.executions.findWaitingPast(core.clock.instant(), TIMEOUTS_PER_SWEEP);
      expired.forEach(this::endWait);
    } catch (RuntimeException e) {
      log.warn("could not look for human steps whose wait timed out", e);
    }
  }

  private void endWait(ExecutionRecord record) {
    try {
      Optional<Workflow> workflow =
          core.registry.forExecution(record.workflowId(), record.workflowVersion());
      Optional<RunPosition> position =
          workflow.flatMap(w -> w.restore(record.executionId(), core.checkpoints));
      Optional<String> nodeId = position.flatMap(RunPosition::nextNodeId);
      Optional<HumanStep> step = nodeId.flatMap(id -> workflow.get().humanStep(id));
      if (step.isPresent() && step.get().timeoutAnswer().isPresent()) {
        answers.answer(record, step.get().timeoutAnswer().get());
        return;
      }
      Duration limit = step.flatMap(HumanStep::timeout).orElse(Duration.ZERO);
      outcomes.waitExpired(
          record,
          new EventPublisher(core, record.executionId(), record.workflowId()),
          nodeId,
          new WorkflowTimeoutException(
              "nobody answered human step '"
                  + nodeId.orElse("?")
                  + "' of execution '"
                  + record.executionId()
                  + "' within "
                  + limit
                  + "; give the step a longer timeout or an answer to use on timeout",
              limit));
    } catch (RuntimeException e) {
      log.warn("could not end the timed-out wait of execution {}", record.executionId(), e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
