package dev.workflowengine.core.engine;

import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.WorkflowTimeoutException;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.RunOptions;
import dev.workflowengine.core.RunPosition;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one leased work item: finds where its execution stands, runs it from there to its end, a
 * human step, a cancellation or a pause, records the outcome and acknowledges the item. Everything
 * it decides is re-read from the stores, so any engine can continue any execution.
 */
final class ExecutionRunner {

  private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);
  private static final Duration LIMIT_WAIT = Duration.ofMillis(250);
  private static final Duration FAILURE_RETRY = Duration.ofSeconds(1);
  private static final Duration UNKNOWN_WORKFLOW_RETRY = Duration.ofMillis(200);
  private static final int UNKNOWN_WORKFLOW_DELIVERIES = 50;

  /**
   * How long after an execution finished its end event is left to whoever finished it. A stale work
   * item of a finished execution (a queued one that was cancelled, say) is looked at after that,
   * and only then does a worker publish an end that is still missing.
   */
  static final Duration END_GRACE = Duration.ofSeconds(5);

  private final EngineCore core;
  private final Outcomes outcomes;
  private final UnpublishedEnds ends;

  ExecutionRunner(EngineCore core, Outcomes outcomes) {
    this.core = core;
    this.outcomes = outcomes;
    this.ends = new UnpublishedEnds(core);
  }

  void process(Lease lease) {
    String executionId = lease.item().executionId();
    MDC.put("executionId", executionId);
    MDC.put("workflowId", lease.item().workflowId());
    try {
      Optional<ExecutionRecord> record = core.executions.find(executionId);
      if (record.isPresent() && recentlyFinished(record.get())) {
        // Whoever just finished it publishes its end; look again once they have had the time.
        core.queue.nack(lease, END_GRACE);
        return;
      }
      if (record.isEmpty() || !isRunnable(record.get())) {
        record.filter(r -> r.status().isTerminal()).ifPresent(ends::publishIfMissing);
        core.queue.ack(lease);
        return;
      }
      MDC.put("userId", record.get().userId());
      dispatch(lease, record.get());
    } catch (EngineCore.EngineKilledException killed) {
      // a crash leaves the lease to expire
    } catch (RuntimeException unexpected) {
      if (core.killed) {
        return;
      }
      log.error("could not process execution {}; it will be retried", executionId, unexpected);
      core.queue.nack(lease, FAILURE_RETRY);
    } finally {
      MDC.clear();
    }
  }

  private boolean recentlyFinished(ExecutionRecord record) {
    return record.status().isTerminal()
        && record.updatedAt().plus(END_GRACE).isAfter(core.clock.instant());
  }

  private static boolean isRunnable(ExecutionRecord record) {
    return record.status() == ExecutionStatus.QUEUED || record.status() == ExecutionStatus.RUNNING;
  }

  private void dispatch(Lease lease, ExecutionRecord record) {
    EventPublisher events = new EventPublisher(core, record.executionId(), record.workflowId());
    if (record.cancelRequested()) {
      outcomes.cancelled(record, events, Optional.empty());
      core.queue.ack(lease);
      return;
    }
    Optional<Workflow> workflow =
        core.registry.forExecution(record.workflowId(), record.workflowVersion());
    if (workflow.isEmpty() && lease.deliveryCount() < UNKNOWN_WORKFLOW_DELIVERIES) {
      // Workers start when the engine is built, before the host registers its workflows, and
      // another engine sharing the queue may know the workflow: hand the item back for a while.
      core.queue.nack(lease, UNKNOWN_WORKFLOW_RETRY);
      return;
    }
    if (workflow.isEmpty()) {
      outcomes.failed(record, events, Optional.empty(), missingWorkflow(record));
      core.queue.ack(lease);
      return;
    }
    if (queueTimedOut(record, lease)) {
      Duration limit = core.limits(record.workflowId()).queueTimeout().orElseThrow();
      outcomes.failed(
          record,
          events,
          Optional.empty(),
          new WorkflowTimeoutException(
              "execution '"
                  + record.executionId()
                  + "' waited in the queue longer than "
                  + limit
                  + " before a worker was free; add workers or raise the workflow's queue timeout",
              limit));
      core.queue.ack(lease);
      return;
    }
    Semaphore permits = core.concurrency(record.workflowId());
    if (permits != null && !acquire(permits)) {
      core.queue.nack(lease, Duration.ZERO); // still at its limit: back to the queue
      return;
    }
    try {
      runFromCheckpoint(lease, record, workflow.get(), events);
    } finally {
      if (permits != null) {
        permits.release();
      }
    }
  }

  /**
   * Waits a little for a permit of the workflow's concurrency limit. Waiting briefly rather than
   * giving the item back at once keeps workers from cycling through a backlog of that workflow.
   */
  private boolean acquire(Semaphore permits) {
    try {
      return permits.tryAcquire(LIMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean queueTimedOut(ExecutionRecord record, Lease lease) {
    Optional<Duration> limit = core.limits(record.workflowId()).queueTimeout();
    return record.status() == ExecutionStatus.QUEUED
        && record.startedAt().isEmpty()
        && limit.isPresent()
        && lease.item().enqueuedAt().plus(limit.get()).isBefore(core.clock.instant());
  }

  private void runFromCheckpoint(
      Lease lease, ExecutionRecord record, Workflow workflow, EventPublisher events) {
    Optional<RunPosition> restored = workflow.restore(record.executionId(), core.checkpoints);
    if (restored.isEmpty()) {
      outcomes.failed(record, events, Optional.empty(), lostCheckpoints(record));
      core.queue.ack(lease);
      return;
    }
    RunPosition position = restored.get();
    if (position.isFinished()) {
      outcomes.completed(record, events, position.state()); // it finished before a crash
      core.queue.ack(lease);
      return;
    }
    Optional<ExecutionRecord> running = markRunning(record, events);
    if (running.isEmpty()) {
      core.queue.ack(lease);
      return;
    }
    announce(record, running.get(), events);
    String next = position.nextNodeId().orElseThrow();
    Optional<HumanStep> human = workflow.humanStep(next);
    if (human.isPresent()) {
      outcomes.waiting(running.get(), events, next, human.get(), position.state());
      core.queue.ack(lease);
      return;
    }
    run(lease, running.get(), workflow, position, events);
  }

  /** Announces an execution whose events are still empty; tells observers of its first start. */
  private void announce(ExecutionRecord before, ExecutionRecord running, EventPublisher events) {
    if (events.nothingPublished()) {
      // not startedAt: an engine may have died between marking it running and announcing it
      events.started(running.workflowVersion(), running.userId());
    }
    if (before.startedAt().isEmpty()) {
      core.observer.executionStarted(running);
    }
  }

  /**
   * Marks the execution running; empty if it must not run: finished meanwhile (whoever finished it
   * recorded it) or asked to stop, which this worker, the only one holding it, then records.
   */
  private Optional<ExecutionRecord> markRunning(ExecutionRecord record, EventPublisher events) {
    Instant now = core.clock.instant();
    Optional<Records.Change> change =
        Records.update(
            core.executions,
            record.executionId(),
            current ->
                isRunnable(current) && !current.cancelRequested() ? current.running(now) : null);
    if (change.isPresent() && !change.get().changed() && change.get().record().cancelRequested()) {
      outcomes.cancelled(change.get().record(), events, Optional.empty());
    }
    return change.filter(Records.Change::changed).map(Records.Change::record);
  }

  private void run(
      Lease lease,
      ExecutionRecord record,
      Workflow workflow,
      RunPosition position,
      EventPublisher events) {
    EngineCore.Running local = runLocally(record.executionId(), lease);
    RunResult result;
    try {
      result =
          workflow.resume(
              position,
              Map.of(),
              RunOptions.builder()
                  .runId(record.executionId())
                  .userId(record.userId())
                  .checkpointStore(core.checkpoints)
                  .listener(events)
                  .cancelWhen(local.cancel::get)
                  .pauseWhen(() -> core.closing || local.leaseLost.get())
                  .build());
    } catch (WorkflowExecutionException failure) {
      finishFailed(local, record, events, failure);
      return;
    } catch (VersionConflictException otherWorker) {
      log.info("another worker took over execution {}; this one stops", record.executionId());
      return;
    } finally {
      core.running.remove(record.executionId());
      local.end();
      Thread.interrupted(); // a cancellation's interrupt must not reach the next poll
    }
    finish(local.lease.get(), record, workflow, result, events);
  }

  /**
   * Registers the run where {@code cancel} finds it. A cancel that came after {@link #markRunning}
   * but before this found no run to stop and only recorded the request, so the record is read
   * again.
   */
  private EngineCore.Running runLocally(String executionId, Lease lease) {
    EngineCore.Running local = new EngineCore.Running(Thread.currentThread(), lease);
    core.running.put(executionId, local);
    try {
      if (core.executions.find(executionId).map(ExecutionRecord::cancelRequested).orElse(false)) {
        local.cancel.set(true);
      }
    } catch (RuntimeException storeFailure) {
      core.running.remove(executionId);
      throw storeFailure;
    }
    return local;
  }

  private void finishFailed(
      EngineCore.Running local,
      ExecutionRecord record,
      EventPublisher events,
      WorkflowExecutionException failure) {
    if (core.killed) {
      return;
    }
    outcomes.failed(record, events, failure.nodeId(), failure);
    core.queue.ack(local.lease.get());
  }

  private void finish(
      Lease lease,
      ExecutionRecord record,
      Workflow workflow,
      RunResult result,
      EventPublisher events) {
    if (core.killed) {
      return;
    }
    switch (result.status()) {
      case COMPLETED -> outcomes.completed(record, events, result.state().asMap());
      case WAITING -> {
        RunResult.Waiting waiting = result.waiting().orElseThrow();
        HumanStep step = workflow.humanStep(waiting.nodeId()).orElseThrow();
        outcomes.waiting(record, events, waiting.nodeId(), step, result.state().asMap());
      }
      case CANCELLED -> outcomes.cancelled(record, events, result.position().nextNodeId());
      case PAUSED -> {
        core.queue.nack(lease, Duration.ZERO); // closing or lease lost: another worker goes on
        return;
      }
    }
    core.queue.ack(lease);
  }

  private static WorkflowException missingWorkflow(ExecutionRecord record) {
    return new NotFoundException(
        "workflow '"
            + record.workflowId()
            + "' version "
            + record.workflowVersion()
            + " is no longer registered or stored; register it again to run its executions");
  }

  private static WorkflowException lostCheckpoints(ExecutionRecord record) {
    return new WorkflowException(
        "execution '"
            + record.executionId()
            + "' has no checkpoints; the checkpoint store lost"
            + " them, so it cannot continue");
  }
}
