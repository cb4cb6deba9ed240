package dev.workflowengine.testing;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.spi.EventTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads an execution's events up to the last one published so far. */
final class EventCollector implements Flow.Subscriber<WorkflowEvent> {

  private final long last;
  private final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<List<WorkflowEvent>> done = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  private EventCollector(long last) {
    this.last = last;
  }

  static List<WorkflowEvent> upTo(EventTransport transport, String executionId, Duration timeout) {
    long last = transport.lastSequence(executionId);
    if (last == 0) {
      return List.of();
    }
    EventCollector collector = new EventCollector(last);
    transport.subscribe(executionId, 0).subscribe(collector);
    try {
      return collector.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while reading the events of " + executionId, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("could not read the events of " + executionId + ": " + e, e);
    } finally {
      collector.subscription.cancel();
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(WorkflowEvent event) {
    events.add(event);
    if (event.sequence() >= last) {
      done.complete(List.copyOf(events));
    }
  }

  @Override
  public void onError(Throwable failure) {
    done.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    done.complete(List.copyOf(events));
  }
}
