package dev.workflowengine.core.engine;

import dev.workflowengine.api.event.WorkflowEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** Collects events from a publisher until it completes. */
final class EngineTestSupport {

  private EngineTestSupport() {}

  static final class Collector implements Flow.Subscriber<WorkflowEvent> {
    final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(WorkflowEvent item) {
      events.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
      done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    List<WorkflowEvent> awaitCompletion(Duration timeout) throws Exception {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return events;
    }

    List<String> types() {
      return events.stream().map(WorkflowEvent::type).toList();
    }
  }

  static List<WorkflowEvent> allEvents(Flow.Publisher<WorkflowEvent> publisher) throws Exception {
    Collector collector = new Collector();
    publisher.subscribe(collector);
    return collector.awaitCompletion(Duration.ofSeconds(10));
  }
}
