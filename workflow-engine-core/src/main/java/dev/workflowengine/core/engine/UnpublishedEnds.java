package dev.workflowengine.core.engine;

import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionError;
import dev.workflowengine.api.execution.ExecutionRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends the event stream of an execution whose end was recorded but never published: the process
 * that recorded it died in between. Such a crash leaves the execution's work item unacknowledged,
 * so the worker that gets it next finds the finished record, and publishes the end the record tells
 * if the stream's last event is not terminal.
 */
final class UnpublishedEnds {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final EngineCore core;

  UnpublishedEnds(EngineCore core) {
    this.core = core;
  }

  void publishIfMissing(ExecutionRecord finished) {
    String executionId = finished.executionId();
    if (endsWithTerminalEvent(executionId)) {
      return;
    }
    EventPublisher events = new EventPublisher(core, executionId, finished.workflowId());
    switch (finished.status()) {
      case COMPLETED ->
          events.completed(finished.output(), finished.duration().orElse(Duration.ZERO));
      case FAILED -> {
        ExecutionError error =
            finished
                .error()
                .orElse(new ExecutionError("WorkflowException", "failed", Optional.empty()));
        events.failed(error.nodeId(), error.type(), error.message());
      }
      case CANCELLED -> events.cancelled(Optional.empty(), "cancelled by its owner");
      default -> throw new IllegalArgumentException(finished.status() + " is not terminal");
    }
  }

  /** Reads the stream's last event, through the transport's replay. */
  private boolean endsWithTerminalEvent(String executionId) {
    long last = core.events.lastSequence(executionId);
    if (last == 0) {
      return false;
    }
    LastEvent reader = new LastEvent();
    core.events.subscribe(executionId, last - 1).subscribe(reader);
    try {
      WorkflowEvent event = reader.event.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return event != null && event.isTerminal();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowException("interrupted while reading the events of " + executionId, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new WorkflowException(
          "could not read the last event of execution '" + executionId + "'", e);
    } finally {
      reader.cancel();
    }
  }

  /** Takes one event and cancels. */
  private static final class LastEvent implements Flow.Subscriber<WorkflowEvent> {
    final CompletableFuture<WorkflowEvent> event = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(WorkflowEvent item) {
      event.complete(item);
    }

    @Override
    public void onError(Throwable failure) {
      event.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      event.complete(null);
    }

    void cancel() {
      Flow.Subscription current = subscription;
      if (current != null) {
        current.cancel();
      }
    }
  }
}
