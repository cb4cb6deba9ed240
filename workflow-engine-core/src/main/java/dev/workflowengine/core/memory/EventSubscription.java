package dev.workflowengine.core.memory;

import dev.workflowengine.api.SubscriberOverflowException;
import dev.workflowengine.api.event.WorkflowEvent;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's cursor into an {@link EventLog}, delivering on an executor.
 *
 * <p>Every signal to the subscriber, {@code onSubscribe} included, comes from {@link #run()}, which
 * at most one thread executes at a time: whoever raises {@code wip} from 0 schedules it, and it
 * loops until it has seen every change made while it ran. So signals are serial, never on the
 * publisher's thread, and a publish costs each subscription a few volatile reads and at most one
 * task submission.
 */
final class EventSubscription implements Flow.Subscription, Runnable {

  private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

  /** Events delivered in one run before yielding the thread to other subscriptions. */
  private static final int BATCH = 256;

  private final EventLog events;
  private final Flow.Subscriber<? super WorkflowEvent> subscriber;
  private final Executor executor;
  private final int bufferSize;
  // Events up to here were in the log before the subscription began: replay, read at the
  // subscriber's pace and never counted against the buffer.
  private final long bufferedFrom;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private volatile long lastDelivered;
  private volatile boolean cancelled;
  private volatile boolean overflowed;
  private volatile Throwable failure;
  // Touched only by run().
  private long next;
  private boolean subscribed;
  private boolean done;

  EventSubscription(
      EventLog events,
      Flow.Subscriber<? super WorkflowEvent> subscriber,
      long afterSequence,
      Executor executor,
      int bufferSize) {
    this.events = events;
    this.subscriber = subscriber;
    this.executor = executor;
    this.bufferSize = bufferSize;
    this.bufferedFrom = Math.max(afterSequence, events.lastSequence());
    this.lastDelivered = afterSequence;
    this.next = afterSequence + 1;
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      failure =
          new IllegalArgumentException(
              "request(n) needs n > 0 (reactive streams rule 3.9) but was " + n);
    } else {
      long current;
      long updated;
      do {
        current = demand.get();
        updated = current + n < 0 ? Long.MAX_VALUE : current + n;
      } while (current != Long.MAX_VALUE && !demand.compareAndSet(current, updated));
    }
    signal();
  }

  @Override
  public void cancel() {
    cancelled = true;
    signal();
  }

  /**
   * Called under the log's monitor after an event was appended.
   *
   * @return true if this subscription no longer wants live events
   */
  boolean published(long lastSequence) {
    if (dropped()) {
      return true;
    }
    if (lastSequence - Math.max(lastDelivered, bufferedFrom) > bufferSize) {
      overflowed = true;
      signal();
      return true;
    }
    if (demand.get() > 0) {
      signal();
    }
    return false;
  }

  /** Whether this subscription was cancelled or overflowed and wants no more live events. */
  boolean dropped() {
    return cancelled || overflowed;
  }

  /** Schedules {@link #run()} unless it is scheduled or running already. */
  void signal() {
    if (wip.getAndIncrement() == 0) {
      schedule();
    }
  }

  private void schedule() {
    try {
      executor.execute(this);
    } catch (RejectedExecutionException e) {
      // Nothing can be delivered any more; the next publish drops the subscription.
      log.warn(
          "event delivery for execution '{}' stopped: the executor refused the task",
          events.executionId,
          e);
      cancelled = true;
    }
  }

  @Override
  public void run() {
    int missed = 1;
    while (true) {
      if (!drain()) {
        schedule(); // wip stays above 0, so this run keeps ownership of the drain
        return;
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  /** Delivers what it may; false if it stopped to yield the thread with work left. */
  private boolean drain() {
    int budget = BATCH;
    try {
      if (!subscribed && !done) {
        subscribed = true;
        subscriber.onSubscribe(this);
      }
      while (!done) {
        if (cancelled) {
          end();
        } else if (failure != null) {
          end();
          subscriber.onError(failure);
        } else if (overflowed) {
          end();
          subscriber.onError(
              new SubscriberOverflowException(events.executionId, lastDelivered, bufferSize));
        } else {
          // Read finished before the size: once finished, the size is final.
          boolean finished = events.finished();
          long last = events.lastSequence();
          if (next > last) {
            if (finished) {
              end();
              subscriber.onComplete();
            }
            return true;
          }
          if (demand.get() == 0) {
            return true;
          }
          if (budget-- == 0) {
            return false;
          }
          deliver(events.get(next));
        }
      }
    } catch (RuntimeException | Error e) {
      // Reactive streams rule 2.13: a subscriber that throws is treated as having cancelled.
      log.warn(
          "event subscriber of execution '{}' threw; its subscription is cancelled",
          events.executionId,
          e);
      cancelled = true;
      end();
    }
    return true;
  }

  private void deliver(WorkflowEvent event) {
    lastDelivered = next++;
    if (demand.get() != Long.MAX_VALUE) {
      demand.decrementAndGet();
    }
    subscriber.onNext(event);
  }

  private void end() {
    if (!done) {
      done = true;
      events.detach(this);
    }
  }
}
