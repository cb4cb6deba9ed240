package dev.workflowengine.core.engine;

import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.NodeFailed;
import dev.workflowengine.api.event.NodeStarted;
import dev.workflowengine.api.event.Token;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.event.WorkflowCancelled;
import dev.workflowengine.api.event.WorkflowCompleted;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowFailed;
import dev.workflowengine.api.event.WorkflowResumed;
import dev.workflowengine.api.event.WorkflowStarted;
import dev.workflowengine.api.event.WorkflowWaiting;
import dev.workflowengine.api.spi.EventTransport;
import dev.workflowengine.core.RunListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes one execution's events with gap-free sequence numbers, continuing after the last one
 * the transport holds (so a worker that takes over after a crash goes on where the other stopped).
 * It is also the run's {@link RunListener}, turning node callbacks into events. Several branch
 * threads may call it at once; numbering and publishing happen under one lock so that sequences
 * reach the transport in order.
 */
final class EventPublisher implements RunListener {

  /** Builds an event once its sequence and time are known. */
  @FunctionalInterface
  private interface Draft {
    WorkflowEvent with(long sequence, Instant timestamp);
  }

  private final EngineCore core;
  private final EventTransport transport;
  private final String executionId;
  private final String workflowId;
  private final Clock clock;
  private final EngineObserver observer;
  private long sequence;
  private List<Draft> held;

  EventPublisher(EngineCore core, String executionId, String workflowId) {
    this.core = core;
    this.transport = core.events;
    this.executionId = executionId;
    this.workflowId = workflowId;
    this.clock = core.clock;
    this.observer = core.observer;
    this.sequence = transport.lastSequence(executionId);
  }

  private synchronized void publish(Draft draft) {
    if (core.killed) {
      throw new EngineCore.EngineKilledException();
    }
    if (held != null) {
      held.add(draft);
      return;
    }
    transport.publish(draft.with(sequence + 1, clock.instant()));
    sequence++;
  }

  /** Whether the execution had no event yet when this publisher was made, nor has one since. */
  synchronized boolean nothingPublished() {
    return sequence == 0 && held == null;
  }

  /** Holds events back until {@link #release}, which publishes its own event first. */
  synchronized void hold() {
    held = new ArrayList<>();
  }

  private synchronized void release(Draft first) {
    List<Draft> pending = held == null ? List.of() : held;
    held = null;
    publish(first);
    pending.forEach(this::publish);
  }

  /** Drops the events held back: what produced them did not happen. */
  synchronized void discardHeld() {
    held = null;
  }

  void started(int version, String userId) {
    publish((seq, at) -> new WorkflowStarted(executionId, workflowId, seq, at, version, userId));
  }

  void waiting(String nodeId, String prompt, Optional<Instant> timeoutAt) {
    publish(
        (seq, at) ->
            new WorkflowWaiting(executionId, workflowId, seq, at, nodeId, prompt, timeoutAt));
  }

  /** Publishes that a human step was answered, before the step's own events held back. */
  void resumed(String nodeId, Map<String, Object> input) {
    release((seq, at) -> new WorkflowResumed(executionId, workflowId, seq, at, nodeId, input));
  }

  void completed(Map<String, Object> output, Duration duration) {
    publish(
        (seq, at) ->
            new WorkflowCompleted(executionId, workflowId, seq, at, output, duration.toMillis()));
  }

  void failed(Optional<String> nodeId, Throwable error) {
    failed(nodeId, error.getClass().getSimpleName(), String.valueOf(error.getMessage()));
  }

  void failed(Optional<String> nodeId, String errorType, String message) {
    publish(
        (seq, at) ->
            new WorkflowFailed(executionId, workflowId, seq, at, nodeId, errorType, message));
  }

  void cancelled(Optional<String> nodeId, String reason) {
    publish((seq, at) -> new WorkflowCancelled(executionId, workflowId, seq, at, nodeId, reason));
  }

  @Override
  public void nodeStarted(String runId, String nodeId, int attempt) {
    publish((seq, at) -> new NodeStarted(executionId, workflowId, seq, at, nodeId, attempt));
  }

  @Override
  public void nodeCompleted(
      String runId, String nodeId, int attempt, Map<String, Object> update, Duration duration) {
    nodeCompleted(runId, nodeId, attempt, update, duration, Map.of());
  }

  @Override
  public void nodeCompleted(
      String runId,
      String nodeId,
      int attempt,
      Map<String, Object> update,
      Duration duration,
      Map<String, Object> details) {
    publish(
        (seq, at) ->
            new NodeCompleted(
                executionId,
                workflowId,
                seq,
                at,
                nodeId,
                attempt,
                duration.toMillis(),
                update,
                details));
    observer.nodeCompleted(workflowId, nodeId, duration);
  }

  @Override
  public void nodeFailed(
      String runId, String nodeId, int attempt, Throwable error, boolean willRetry) {
    publish(
        (seq, at) ->
            new NodeFailed(
                executionId,
                workflowId,
                seq,
                at,
                nodeId,
                attempt,
                error.getClass().getSimpleName(),
                String.valueOf(error.getMessage()),
                willRetry));
    observer.nodeFailed(workflowId, nodeId, error, willRetry);
  }

  @Override
  public void token(
      String runId,
      String nodeId,
      int chunkId,
      String chunk,
      boolean isFinal,
      Optional<TokenMetadata> metadata) {
    publish(
        (seq, at) ->
            new Token(executionId, workflowId, seq, at, nodeId, chunkId, chunk, isFinal, metadata));
  }
}
