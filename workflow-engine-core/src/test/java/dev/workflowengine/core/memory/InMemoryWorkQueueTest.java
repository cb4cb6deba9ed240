package dev.workflowengine.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.api.spi.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the in-memory queue adds to the WorkQueue contract: its bound, its clock, its order. */
class InMemoryWorkQueueTest {

  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryWorkQueue queue = InMemoryWorkQueue.builder().clock(clock).build();

  @Test
  void fullQueueSaysWhatToDo() {
    InMemoryWorkQueue small = InMemoryWorkQueue.builder().capacity(2).build();
    small.submit(item("e1"));
    small.submit(item("e2"));

    assertThatThrownBy(() -> small.submit(item("e3")))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).isEmpty();
              assertThat(e.isRetriable()).isTrue();
            })
        .hasMessageContaining("work queue is full")
        .hasMessageContaining("holds 2 unfinished items")
        .hasMessageContaining("try again once workers have caught up")
        .hasMessageContaining("larger capacity");
    assertThat(small.size()).isEqualTo(2);
  }

  @Test
  void leasedItemsCountAgainstTheCapacityUntilAcknowledged() throws InterruptedException {
    InMemoryWorkQueue small = InMemoryWorkQueue.builder().capacity(1).clock(clock).build();
    small.submit(item("e1"));
    Lease lease = small.poll("w", LEASE, Duration.ZERO).orElseThrow();

    assertThat(small.depth()).isZero();
    assertThatThrownBy(() -> small.submit(item("e2"))).isInstanceOf(RateLimitedException.class);

    small.ack(lease);
    small.submit(item("e2"));
    assertThat(small.size()).isEqualTo(1);
  }

  @Test
  void defaultsAndBuilderChecks() {
    assertThat(new InMemoryWorkQueue().capacity()).isEqualTo(InMemoryWorkQueue.DEFAULT_CAPACITY);
    assertThatThrownBy(() -> InMemoryWorkQueue.builder().capacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be >= 1 but was 0");
    assertThatThrownBy(() -> InMemoryWorkQueue.builder().clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> queue.poll("w", Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseDuration must be positive but was PT0S");
    assertThatThrownBy(() -> queue.poll("w", LEASE, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWait must not be negative but was PT-1S");
    assertThatThrownBy(() -> queue.submit(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void leaseExpiresExactlyAtItsExpiryByTheClock() throws InterruptedException {
    queue.submit(item("e1"));
    Lease lease = queue.poll("w1", LEASE, Duration.ZERO).orElseThrow();
    assertThat(lease.expiresAt()).isEqualTo(T0.plus(LEASE));

    clock.advance(LEASE.minusMillis(1));
    assertThat(queue.poll("w2", LEASE, Duration.ZERO)).isEmpty();
    clock.advance(Duration.ofMillis(1));

    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.extend(lease, LEASE)).isEmpty();
    Lease again = queue.poll("w2", LEASE, Duration.ZERO).orElseThrow();
    assertThat(again.deliveryCount()).isEqualTo(2);
    assertThat(again.leaseId()).isNotEqualTo(lease.leaseId());
  }

  @Test
  void extendCountsFromNow() throws InterruptedException {
    queue.submit(item("e1"));
    Lease lease = queue.poll("w1", LEASE, Duration.ZERO).orElseThrow();
    clock.advance(Duration.ofSeconds(20));

    Lease extended = queue.extend(lease, Duration.ofSeconds(60)).orElseThrow();

    assertThat(extended.expiresAt()).isEqualTo(T0.plusSeconds(80));
    clock.advance(Duration.ofSeconds(59));
    assertThat(queue.poll("w2", LEASE, Duration.ZERO)).isEmpty();
    assertThat(queue.ack(lease)).isTrue(); // the lease id stays the same when extended
  }

  @Test
  void nackDelayIsTimedByTheClock() throws InterruptedException {
    queue.submit(item("e1"));
    Lease lease = queue.poll("w1", LEASE, Duration.ZERO).orElseThrow();
    queue.nack(lease, Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(9));
    assertThat(queue.poll("w1", LEASE, Duration.ZERO)).isEmpty();
    clock.advance(Duration.ofSeconds(1));

    assertThat(queue.poll("w1", LEASE, Duration.ZERO))
        .hasValueSatisfying(l -> assertThat(l.deliveryCount()).isEqualTo(2));
  }

  @Test
  void itemsComeInTheOrderTheyBecameAvailable() throws InterruptedException {
    queue.submit(item("a"));
    queue.submit(item("b"));
    Lease a = queue.poll("w", LEASE, Duration.ZERO).orElseThrow();
    queue.submit(item("c"));
    queue.nack(a, Duration.ZERO);

    assertThat(next()).isEqualTo("b");
    assertThat(next()).isEqualTo("c");
    assertThat(next()).isEqualTo("a");
  }

  @Test
  void waitingPollBlocksWithoutSpinningAndWakesOnSubmit() throws Exception {
    InMemoryWorkQueue real = new InMemoryWorkQueue();
    AtomicReference<Thread> poller = new AtomicReference<>();
    CompletableFuture<Optional<Lease>> poll =
        CompletableFuture.supplyAsync(
            () -> {
              poller.set(Thread.currentThread());
              try {
                return real.poll("w", LEASE, Duration.ofMinutes(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            },
            runnable -> new Thread(runnable, "poller").start());
    await()
        .until(() -> poller.get() != null && poller.get().getState() == Thread.State.TIMED_WAITING);

    real.submit(item("e1"));

    assertThat(poll.get(10, TimeUnit.SECONDS))
        .hasValueSatisfying(l -> assertThat(l.item().executionId()).isEqualTo("e1"));
  }

  @Test
  void aLongWaitingPollerTakesOverTimingFromOneThatGaveUp() throws Exception {
    InMemoryWorkQueue real = new InMemoryWorkQueue();
    real.submit(item("e1"));
    Lease lease = real.poll("w0", Duration.ofMillis(300), Duration.ZERO).orElseThrow();
    CompletableFuture<Optional<Lease>> patient = pollAsync(real, Duration.ofSeconds(30));
    CompletableFuture<Optional<Lease>> impatient = pollAsync(real, Duration.ofMillis(50));

    assertThat(impatient.get(10, TimeUnit.SECONDS)).isEmpty();
    Lease again = patient.get(40, TimeUnit.SECONDS).orElseThrow();
    assertThat(again.item()).isEqualTo(lease.item());
    assertThat(again.deliveryCount()).isEqualTo(2);
  }

  @Test
  void hugeDurationsSaturate() throws InterruptedException {
    queue.submit(item("e1"));
    Lease lease = queue.poll("w", Duration.ofSeconds(Long.MAX_VALUE), Duration.ZERO).orElseThrow();

    assertThat(lease.expiresAt()).isEqualTo(Instant.MAX);
    assertThat(queue.nack(lease, Duration.ofSeconds(Long.MAX_VALUE))).isTrue();
    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.poll("w", LEASE, Duration.ZERO)).isEmpty();
  }

  private String next() throws InterruptedException {
    Lease lease = queue.poll("w", LEASE, Duration.ZERO).orElseThrow();
    queue.ack(lease);
    return lease.item().executionId();
  }

  private static CompletableFuture<Optional<Lease>> pollAsync(
      InMemoryWorkQueue queue, Duration maxWait) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return queue.poll("w", LEASE, maxWait);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        },
        runnable -> new Thread(runnable, "poller").start());
  }

  private static WorkItem item(String executionId) {
    return new WorkItem(executionId, "wf", T0);
  }
}
