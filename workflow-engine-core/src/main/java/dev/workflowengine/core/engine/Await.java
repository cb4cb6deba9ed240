package dev.workflowengine.core.engine;

import dev.workflowengine.api.WorkflowTimeoutException;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowWaiting;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Waits for an execution to finish or to wait for a person, by listening to its events (which works
 * whichever engine runs it) and then reading its record.
 */
final class Await {

  private static final Duration RECHECK = Duration.ofSeconds(1);

  private Await() {}

  /**
   * Waits for the execution.
   *
   * @param lastSequence the execution's last published sequence, read before its status so that
   *     nothing that happens after the status was read is missed
   * @param eventsAfter subscribes to the events after a sequence
   */
  static ExecutionRecord until(
      Supplier<ExecutionRecord> status,
      long lastSequence,
      LongFunction<Flow.Publisher<WorkflowEvent>> eventsAfter,
      String executionId,
      Duration timeout) {
    ExecutionRecord now = status.get();
    if (settled(now.status())) {
      return now;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Listener listener = new Listener();
    eventsAfter.apply(lastSequence).subscribe(listener);
    try {
      while (!listener.settled.isDone()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new WorkflowTimeoutException(
              "execution '"
                  + executionId
                  + "' neither finished nor waited for a person within "
                  + timeout
                  + " (it is "
                  + status.get().status()
                  + "); wait longer or subscribe to its events",
              timeout);
        }
        try {
          listener.settled.get(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slice) {
          // Events are how a wait usually ends; the record is asked now and then as well, so a
          // transport that lags or drops a subscriber cannot keep a caller waiting.
          if (settled(status.get().status())) {
            break;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowTimeoutException(
          "interrupted while waiting for execution '" + executionId + "'", timeout);
    } catch (ExecutionException e) {
      // the event stream failed (a slow reader overflowed, say): the record still tells
    } finally {
      listener.cancel();
    }
    return settledRecord(status, deadline);
  }

  /**
   * The record once it shows what the events showed. A wait is announced before its record says
   * WAITING, so for a moment the event can be ahead; re-reading briefly closes that gap.
   */
  private static ExecutionRecord settledRecord(Supplier<ExecutionRecord> status, long deadline) {
    long pause = 10_000; // nanoseconds
    ExecutionRecord record = status.get();
    while (!settled(record.status()) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, 10_000_000);
      record = status.get();
    }
    return record;
  }

  private static boolean settled(ExecutionStatus status) {
    return status.isTerminal() || status == ExecutionStatus.WAITING;
  }

  private static final class Listener implements Flow.Subscriber<WorkflowEvent> {
    final CompletableFuture<Void> settled = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(WorkflowEvent event) {
      if (event.isTerminal() || event instanceof WorkflowWaiting) {
        settled.complete(null);
      }
    }

    @Override
    public void onError(Throwable failure) {
      settled.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      settled.complete(null);
    }

    void cancel() {
      Flow.Subscription current = subscription;
      if (current != null) {
        current.cancel();
      }
    }
  }
}
