package dev.workflowengine.testing.contract;

import dev.workflowengine.api.event.WorkflowEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * A subscriber that records what it receives and every breach of the reactive-streams rules it can
 * see: a signal before {@code onSubscribe} or after the end, {@code onNext} beyond demand, and two
 * signals at once.
 */
final class RecordingSubscriber implements Flow.Subscriber<WorkflowEvent> {

  private final long initialRequest;
  private final BiConsumer<RecordingSubscriber, WorkflowEvent> onEvent;
  private final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Void> end = new CompletableFuture<>();
  private final AtomicReference<Thread> signalling = new AtomicReference<>();
  private int depth; // touched only by the thread in signalling
  private final AtomicLong requested = new AtomicLong();
  private volatile Flow.Subscription subscription;
  private volatile boolean completed;
  private volatile long after;

  private RecordingSubscriber(
      long initialRequest, BiConsumer<RecordingSubscriber, WorkflowEvent> onEvent) {
    this.initialRequest = initialRequest;
    this.onEvent = onEvent;
  }

  /** Requests everything at once. */
  static RecordingSubscriber unbounded() {
    return new RecordingSubscriber(Long.MAX_VALUE, (subscriber, event) -> {});
  }

  /** Requests {@code n} in {@code onSubscribe} and nothing more unless told to. */
  static RecordingSubscriber requesting(long n) {
    return new RecordingSubscriber(n, (subscriber, event) -> {});
  }

  /** Requests {@code n}, then runs {@code onEvent} after recording each event. */
  static RecordingSubscriber requesting(
      long n, BiConsumer<RecordingSubscriber, WorkflowEvent> onEvent) {
    return new RecordingSubscriber(n, onEvent);
  }

  @Override
  public void onSubscribe(Flow.Subscription given) {
    enter("onSubscribe");
    try {
      if (subscription != null) {
        violations.add("onSubscribe was called twice");
      }
      subscription = given;
      if (initialRequest > 0) {
        request(initialRequest);
      }
    } finally {
      exit();
    }
  }

  @Override
  public void onNext(WorkflowEvent event) {
    enter("onNext(" + event.sequence() + ")");
    try {
      events.add(event);
      if (requested.get() != Long.MAX_VALUE && events.size() > requested.get()) {
        violations.add(
            "onNext(" + event.sequence() + ") beyond demand: only " + requested + " requested");
      }
      onEvent.accept(this, event);
    } finally {
      exit();
    }
  }

  @Override
  public void onError(Throwable throwable) {
    enter("onError(" + throwable + ")");
    end.completeExceptionally(throwable);
    exit();
  }

  @Override
  public void onComplete() {
    enter("onComplete");
    completed = true;
    end.complete(null);
    exit();
  }

  private void enter(String signal) {
    Thread me = Thread.currentThread();
    threads.add(me);
    // The same thread may re-enter (a request made in onNext may deliver at once, rule 3.3);
    // another thread may not.
    if (signalling.get() == me) {
      depth++;
    } else if (signalling.compareAndSet(null, me)) {
      depth = 1;
    } else {
      violations.add(signal + " on one thread while another signal was being delivered");
    }
    if (subscription == null && !signal.equals("onSubscribe")) {
      violations.add(signal + " before onSubscribe");
    }
    if (end.isDone()) {
      violations.add(signal + " after the subscription ended");
    }
  }

  private void exit() {
    if (signalling.get() == Thread.currentThread() && --depth == 0) {
      signalling.set(null);
    }
  }

  /** Notes the sequence this subscriber subscribed after, for {@link #caughtUpTo}. */
  RecordingSubscriber after(long sequence) {
    after = sequence;
    return this;
  }

  /** The sequence this subscriber subscribed after. */
  long subscribedAfter() {
    return after;
  }

  /** Whether this subscriber has everything up to {@code sequence}, or has ended. */
  boolean caughtUpTo(long sequence) {
    if (end.isDone() || after >= sequence) {
      return true;
    }
    int count = events.size();
    return count > 0 && events.get(count - 1).sequence() >= sequence;
  }

  /** Asks for {@code n} more events. */
  void request(long n) {
    requested.getAndUpdate(r -> r + n < r ? Long.MAX_VALUE : r + n);
    subscription.request(n);
  }

  /** Cancels the subscription. */
  void cancel() {
    subscription.cancel();
  }

  /** The events received so far. */
  List<WorkflowEvent> events() {
    return new ArrayList<>(events);
  }

  /** The sequences received so far. */
  List<Long> sequences() {
    return events.stream().map(WorkflowEvent::sequence).toList();
  }

  /** What the subscriber saw that breaks reactive-streams rules. */
  List<String> violations() {
    return new ArrayList<>(violations);
  }

  /** The threads signals arrived on. */
  Set<Thread> threads() {
    return Set.copyOf(threads);
  }

  boolean isCompleted() {
    return completed;
  }

  boolean hasEnded() {
    return end.isDone();
  }

  /** Waits until {@code onSubscribe} was called. */
  RecordingSubscriber awaitSubscribed(Duration patience) {
    Fixtures.waitUpTo(patience).alias("onSubscribe").until(() -> subscription != null);
    return this;
  }

  /** Waits until at least {@code count} events arrived. */
  RecordingSubscriber awaitEvents(int count, Duration patience) {
    Fixtures.waitUpTo(patience).alias("events").until(() -> events.size() >= count);
    return this;
  }

  /** Waits for {@code onComplete}, failing if the subscription ended with an error instead. */
  RecordingSubscriber awaitCompletion(Duration patience) {
    try {
      end.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return this;
    } catch (ExecutionException e) {
      throw new AssertionError(
          "expected onComplete but got onError after " + sequences(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("no onComplete within " + patience + "; received " + sequences(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits for {@code onError} and returns its throwable, failing on {@code onComplete}. */
  Throwable awaitError(Duration patience) {
    try {
      end.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("expected onError but got onComplete after " + sequences());
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("no onError within " + patience + "; received " + sequences(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
