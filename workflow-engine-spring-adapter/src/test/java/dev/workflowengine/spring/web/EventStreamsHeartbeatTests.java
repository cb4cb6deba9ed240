package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowStarted;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.MediaType;

/**
 * Regression: one client that stopped reading blocked the shared heartbeat thread. Its event write
 * held the emitter's lock, the heartbeat thread waited for that lock, and every other stream went
 * without heartbeats until proxies closed it as idle.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventStreamsHeartbeatTests {

  @Test
  void aStalledClientDoesNotStopTheOtherStreamsHeartbeats() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (EventStreams streams = new EventStreams(Duration.ofMillis(20), Duration.ofMinutes(1))) {
      RecordingEmitter healthy = new RecordingEmitter(null, null);
      streams.open(healthy, "e1", subscriber -> subscriber.onSubscribe(new NoDemand()));
      RecordingEmitter stalled = new RecordingEmitter(writing, release);
      streams.open(stalled, "e2", EventStreamsHeartbeatTests::oneEventOnAnotherThread);
      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

      int before = healthy.writes.get();

      await().atMost(Duration.ofSeconds(5)).until(() -> healthy.writes.get() >= before + 3);
    } finally {
      release.countDown();
    }
  }

  /**
   * Regression: the event write ran on the thread that delivered the event, so a client that
   * stopped reading held one of the event transport's few delivery threads, which serve every
   * execution.
   */
  @Test
  void aStalledClientDoesNotHoldTheThreadThatDeliversEvents() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Flow.Subscriber<? super WorkflowEvent>> subscribers = new CopyOnWriteArrayList<>();
    try (EventStreams streams = new EventStreams(Duration.ofMinutes(1), Duration.ofMinutes(1))) {
      RecordingEmitter stalled = new RecordingEmitter(writing, release);
      streams.open(
          stalled,
          "e3",
          subscriber -> {
            subscriber.onSubscribe(new NoDemand());
            subscribers.add(subscriber);
          });

      // Called on this thread, as a delivery thread would: it must return while the write blocks.
      subscribers.get(0).onNext(new WorkflowStarted("e3", "triage", 1, Instant.now(), 1, "u1"));

      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(stalled.writes.get()).isEqualTo(1); // only the opening comment so far
    } finally {
      release.countDown();
    }
  }

  /** Counts writes; with latches, blocks writing an event's JSON like a client that stopped. */
  private static final class RecordingEmitter extends EventStreams.StreamEmitter {
    final AtomicInteger writes = new AtomicInteger();
    private final CountDownLatch writing;
    private final CountDownLatch release;

    RecordingEmitter(CountDownLatch writing, CountDownLatch release) {
      super(60_000);
      this.writing = writing;
      this.release = release;
    }

    /** Holds the write lock while it writes, as SseEmitter does, without a servlet response. */
    @Override
    public void send(SseEventBuilder builder) throws IOException {
      boolean event =
          builder.build().stream()
              .anyMatch(item -> MediaType.APPLICATION_JSON.equals(item.getMediaType()));
      writeLock.lock();
      try {
        if (event && release != null) {
          writing.countDown();
          release.await();
        }
        writes.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        writeLock.unlock();
      }
    }
  }

  private record NoDemand() implements Flow.Subscription {
    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }

  /** Delivers one event on a thread of its own, as an event transport's executor does. */
  private static void oneEventOnAnotherThread(Flow.Subscriber<? super WorkflowEvent> subscriber) {
    subscriber.onSubscribe(new NoDemand());
    WorkflowEvent started = new WorkflowStarted("e2", "triage", 1, Instant.now(), 1, "u1");
    Thread thread = new Thread(() -> subscriber.onNext(started), "event-delivery");
    thread.setDaemon(true);
    thread.start();
  }
}
