package dev.workflowengine.core.memory;

import dev.workflowengine.api.event.WorkflowEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Records events and how the subscription ended; requests a fixed amount up front. */
final class TestSubscriber implements Flow.Subscriber<WorkflowEvent> {

  final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
  final CompletableFuture<Void> end = new CompletableFuture<>();
  final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
  private final long initialRequest;
  private final Consumer<WorkflowEvent> onEvent;

  TestSubscriber(long initialRequest) {
    this(initialRequest, event -> {});
  }

  TestSubscriber(long initialRequest, Consumer<WorkflowEvent> onEvent) {
    this.initialRequest = initialRequest;
    this.onEvent = onEvent;
  }

  @Override
  public void onSubscribe(Flow.Subscription given) {
    subscription.complete(given);
    if (initialRequest > 0) {
      given.request(initialRequest);
    }
  }

  @Override
  public void onNext(WorkflowEvent event) {
    events.add(event);
    onEvent.accept(event);
  }

  @Override
  public void onError(Throwable throwable) {
    end.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    end.complete(null);
  }

  Flow.Subscription awaitSubscription() throws Exception {
    return subscription.get(10, TimeUnit.SECONDS);
  }

  List<Long> sequences() {
    return events.stream().map(WorkflowEvent::sequence).toList();
  }

  /** Waits for onComplete; throws the ExecutionException wrapping onError's throwable. */
  TestSubscriber awaitCompletion() throws Exception {
    end.get(10, TimeUnit.SECONDS);
    return this;
  }

  /** Waits for onError and returns its throwable. */
  Throwable awaitError() throws Exception {
    try {
      end.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("completed instead of failing; received " + sequences());
  }
}
