package dev.workflowengine.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.api.spi.WorkItem;
import dev.workflowengine.api.spi.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that a {@link WorkQueue} honours its contract: every item is delivered until a lease on it
 * is acknowledged; while leased it goes to nobody else, not even with many workers polling at once;
 * a lease that expires hands the item out again with a new lease id and a higher delivery count,
 * and makes the old lease useless; {@code extend} keeps a claim, {@code nack} gives it back now or
 * later; {@code depth} counts waiting items; a full queue refuses work. Extend it in your
 * implementation's tests:
 *
 * <pre>{@code
 * class PostgresWorkQueueTest extends WorkQueueContract {
 *   protected WorkQueue create() { return new PostgresWorkQueue(emptyDatabase()); }
 *   protected WorkQueue createWithCapacity(int capacity) {
 *     return new PostgresWorkQueue(emptyDatabase(), capacity);
 *   }
 * }
 * }</pre>
 *
 * <p>Expiry is real: tests lease for {@link #shortLease()} and wait for the item to come back
 * through {@code poll}'s own {@code maxWait} (never by sleeping), up to {@link #patience()}. A
 * broker whose shortest lease (NATS's ack wait) is longer can override {@link #shortLease()}; the
 * suite then takes proportionally longer.
 *
 * <p>Where the SPI is silent, the kit takes these readings: {@code extend} keeps the lease id (it
 * is the same delivery); every delivery, after an expiry or a {@code nack}, counts in {@code
 * deliveryCount}; a lease lapses at its expiry even if nobody polled since, so a late {@code ack}
 * returns {@code false} (a NATS implementation must check the expiry itself, since the server may
 * accept an ack for an old delivery). It does not test what counts towards the capacity beyond "an
 * acknowledged item frees room", nor whether the queue deduplicates items of one execution.
 */
public abstract class WorkQueueContract {

  /** A lease that outlives any test. */
  private static final Duration LONG = Duration.ofMinutes(5);

  private WorkQueue queue;

  /** For subclasses. */
  protected WorkQueueContract() {}

  /**
   * Creates the queue under test; called before every test.
   *
   * @return a new, empty queue with room for at least 1,000 items
   */
  protected abstract WorkQueue create();

  /**
   * Creates an empty queue that holds at most {@code capacity} unacknowledged items.
   *
   * @param capacity the capacity; the suite asks for 3
   * @return a new, empty queue
   */
  protected abstract WorkQueue createWithCapacity(int capacity);

  /**
   * A lease short enough to watch expire; every wait for an expiry is a small multiple of it.
   *
   * @return 250 ms unless overridden
   */
  protected Duration shortLease() {
    return Duration.ofMillis(250);
  }

  /**
   * The longest the suite waits for something that should happen; only reached when a test fails.
   *
   * @return 10 s unless overridden
   */
  protected Duration patience() {
    return Duration.ofSeconds(10);
  }

  @BeforeEach
  void createQueue() {
    queue = create();
  }

  /** A submitted item is leased to the polling worker for the lease duration. */
  @Test
  void pollLeasesASubmittedItem() throws InterruptedException {
    WorkItem item = item();
    queue.submit(item);
    Instant before = Instant.now();

    Lease lease = queue.poll("worker-1", LONG, patience()).orElseThrow();

    assertThat(lease.item()).isEqualTo(item);
    assertThat(lease.workerId()).isEqualTo("worker-1");
    assertThat(lease.deliveryCount()).isEqualTo(1);
    assertThat(lease.leaseId()).isNotBlank();
    assertThat(lease.expiresAt())
        .isAfter(before.plus(LONG).minusSeconds(5))
        .isBefore(Instant.now().plus(LONG).plusSeconds(5));
  }

  /** An empty queue returns nothing, at once or after waiting. */
  @Test
  void pollOfAnEmptyQueueReturnsEmpty() throws InterruptedException {
    assertThat(queue.poll("worker-1", LONG, Duration.ZERO)).isEmpty();
    assertThat(queue.poll("worker-1", LONG, shortLease())).isEmpty();
  }

  /** A poll that is waiting receives an item submitted meanwhile. */
  @Test
  void waitingPollReceivesAnItemSubmittedMeanwhile() throws Exception {
    WorkItem item = item();
    CompletableFuture<Optional<Lease>> poll = pollAsync("worker-1", LONG, patience());

    queue.submit(item);

    assertThat(poll.get(patience().toMillis() * 2, TimeUnit.MILLISECONDS))
        .hasValueSatisfying(lease -> assertThat(lease.item()).isEqualTo(item));
  }

  /** A leased item is not handed to anyone else while the lease lasts. */
  @Test
  void leasedItemGoesToNobodyElse() throws InterruptedException {
    queue.submit(item());
    queue.poll("worker-1", LONG, patience()).orElseThrow();

    assertThat(queue.poll("worker-2", LONG, Duration.ZERO)).isEmpty();
    assertThat(queue.poll("worker-2", LONG, shortLease().multipliedBy(2))).isEmpty();
  }

  /** Many workers polling at once share the items out: each item is leased exactly once. */
  @Test
  void concurrentPollersNeverShareAnItem() throws InterruptedException {
    int items = 1_000;
    Set<String> submitted = new HashSet<>();
    for (int i = 0; i < items; i++) {
      WorkItem item = item();
      submitted.add(item.executionId());
      queue.submit(item);
    }
    ConcurrentLinkedQueue<Lease> leases = new ConcurrentLinkedQueue<>();
    AtomicInteger taken = new AtomicInteger();

    List<Object> outcomes =
        Race.run(
            8,
            patience().multipliedBy(3),
            w ->
                () -> {
                  while (taken.get() < items) {
                    queue
                        .poll("worker-" + w, LONG, shortLease())
                        .ifPresent(
                            lease -> {
                              leases.add(lease);
                              taken.incrementAndGet();
                            });
                  }
                  return null;
                });

    assertThat(outcomes).containsOnlyNulls();
    List<String> delivered = leases.stream().map(l -> l.item().executionId()).toList();
    assertThat(delivered).doesNotHaveDuplicates().hasSize(items);
    assertThat(new HashSet<>(delivered)).isEqualTo(submitted);
    assertThat(leases).extracting(Lease::leaseId).doesNotHaveDuplicates();
    assertThat(queue.depth()).isZero();
    for (Lease lease : leases) {
      assertThat(queue.ack(lease)).isTrue();
    }
    assertThat(queue.poll("worker-1", LONG, Duration.ZERO)).isEmpty();
  }

  /** An acknowledged item is never delivered again, not even after its lease would have ended. */
  @Test
  void acknowledgedItemIsNeverDeliveredAgain() throws InterruptedException {
    queue.submit(item());
    Lease lease = queue.poll("worker-1", shortLease(), patience()).orElseThrow();

    assertThat(queue.ack(lease)).isTrue();

    assertThat(queue.poll("worker-2", LONG, shortLease().multipliedBy(3))).isEmpty();
    assertThat(queue.depth()).isZero();
  }

  /** A lease that expires hands the item out again, to anyone, with a new lease id. */
  @Test
  void expiredLeaseMakesTheItemAvailableAgain() throws InterruptedException {
    WorkItem item = item();
    queue.submit(item);
    Lease first = queue.poll("worker-1", shortLease(), patience()).orElseThrow();

    Lease second = queue.poll("worker-2", LONG, patience()).orElseThrow();

    assertThat(second.item()).isEqualTo(item);
    assertThat(second.workerId()).isEqualTo("worker-2");
    assertThat(second.deliveryCount()).isEqualTo(2);
    assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
    assertThat(queue.ack(second)).isTrue();
  }

  /** A lapsed lease can no longer acknowledge, hand back or extend the item. */
  @Test
  void lapsedLeaseChangesNothing() throws InterruptedException {
    queue.submit(item());
    Lease lapsed = queue.poll("worker-1", shortLease(), patience()).orElseThrow();
    Lease current = queue.poll("worker-2", LONG, patience()).orElseThrow();

    assertThat(queue.ack(lapsed)).isFalse();
    assertThat(queue.nack(lapsed, Duration.ZERO)).isFalse();
    assertThat(queue.extend(lapsed, LONG)).isEmpty();

    assertThat(queue.poll("worker-3", LONG, Duration.ZERO)).isEmpty();
    assertThat(queue.ack(current)).isTrue();
  }

  /** A lease lapses when it expires, even if nobody polled since. */
  @Test
  void leaseLapsesWhenItExpiresWithoutAPoll() throws InterruptedException {
    WorkItem item = item();
    queue.submit(item);
    Lease lease = queue.poll("worker-1", shortLease(), patience()).orElseThrow();
    // Waiting for time itself to pass; the margin absorbs a store's clock running behind ours.
    Instant lapsed = lease.expiresAt().plus(shortLease());
    await().atMost(patience()).until(() -> Instant.now().isAfter(lapsed));

    assertThat(queue.ack(lease)).isFalse();

    Lease again = queue.poll("worker-2", LONG, patience()).orElseThrow();
    assertThat(again.item()).isEqualTo(item);
    assertThat(again.deliveryCount()).isEqualTo(2);
  }

  /** Extending a lease keeps the item from being delivered again when the first lease would end. */
  @Test
  void extendKeepsTheClaim() throws InterruptedException {
    queue.submit(item());
    Lease lease = queue.poll("worker-1", shortLease().multipliedBy(4), patience()).orElseThrow();

    Lease extended = queue.extend(lease, LONG).orElseThrow();

    assertThat(extended.leaseId()).isEqualTo(lease.leaseId());
    assertThat(extended.item()).isEqualTo(lease.item());
    assertThat(extended.deliveryCount()).isEqualTo(lease.deliveryCount());
    assertThat(extended.expiresAt()).isAfter(lease.expiresAt());
    assertThat(queue.poll("worker-2", LONG, shortLease().multipliedBy(8))).isEmpty();
    assertThat(queue.ack(extended)).isTrue();
  }

  /** An item handed back without delay is delivered again at once, under a new lease. */
  @Test
  void nackWithoutDelayMakesTheItemAvailableAtOnce() throws InterruptedException {
    WorkItem item = item();
    queue.submit(item);
    Lease first = queue.poll("worker-1", LONG, patience()).orElseThrow();

    assertThat(queue.nack(first, Duration.ZERO)).isTrue();

    Lease second = queue.poll("worker-2", LONG, patience()).orElseThrow();
    assertThat(second.item()).isEqualTo(item);
    assertThat(second.deliveryCount()).isEqualTo(2);
    assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
    assertThat(queue.ack(first)).isFalse();
    assertThat(queue.ack(second)).isTrue();
  }

  /** An item handed back with a delay waits it out, and counts as waiting meanwhile. */
  @Test
  void nackWithDelayHoldsTheItemBack() throws InterruptedException {
    queue.submit(item());
    Lease lease = queue.poll("worker-1", LONG, patience()).orElseThrow();

    assertThat(queue.nack(lease, Duration.ofMinutes(1))).isTrue();

    assertThat(queue.poll("worker-2", LONG, Duration.ZERO)).isEmpty();
    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.ack(lease)).isFalse();
  }

  /** An item handed back with a delay is delivered again once the delay is over. */
  @Test
  void nackedItemComesBackAfterItsDelay() throws InterruptedException {
    WorkItem item = item();
    queue.submit(item);
    Lease lease = queue.poll("worker-1", LONG, patience()).orElseThrow();

    assertThat(queue.nack(lease, shortLease())).isTrue();

    Lease again = queue.poll("worker-2", LONG, patience()).orElseThrow();
    assertThat(again.item()).isEqualTo(item);
    assertThat(again.deliveryCount()).isEqualTo(2);
  }

  /** A lease can be used once: after ack, nothing else it does has effect. */
  @Test
  void acknowledgedLeaseIsSpent() throws InterruptedException {
    queue.submit(item());
    Lease lease = queue.poll("worker-1", LONG, patience()).orElseThrow();
    assertThat(queue.ack(lease)).isTrue();

    assertThat(queue.ack(lease)).isFalse();
    assertThat(queue.nack(lease, Duration.ZERO)).isFalse();
    assertThat(queue.extend(lease, LONG)).isEmpty();
    assertThat(queue.poll("worker-1", LONG, Duration.ZERO)).isEmpty();
  }

  /** Depth counts available and delayed items, not leased ones. */
  @Test
  void depthCountsWaitingItemsOnly() throws InterruptedException {
    assertThat(queue.depth()).isZero();
    for (int i = 0; i < 3; i++) {
      queue.submit(item());
    }
    assertThat(queue.depth()).isEqualTo(3);

    Lease first = queue.poll("worker-1", LONG, patience()).orElseThrow();
    Lease second = queue.poll("worker-1", LONG, patience()).orElseThrow();
    assertThat(queue.depth()).isEqualTo(1);

    queue.nack(first, Duration.ofMinutes(1));
    assertThat(queue.depth()).isEqualTo(2);
    queue.ack(second);
    assertThat(queue.depth()).isEqualTo(2);
  }

  /** A full queue refuses more work, enqueues nothing, and takes work again once there is room. */
  @Test
  void fullQueueRefusesSubmit() throws InterruptedException {
    WorkQueue small = createWithCapacity(3);
    for (int i = 0; i < 3; i++) {
      small.submit(item());
    }

    assertThatThrownBy(() -> small.submit(item())).isInstanceOf(RateLimitedException.class);
    assertThat(small.depth()).isEqualTo(3);

    Lease lease = small.poll("worker-1", LONG, patience()).orElseThrow();
    assertThat(small.ack(lease)).isTrue();
    small.submit(item());
    assertThat(small.depth()).isEqualTo(3);
  }

  /** Items are delivered even with many more submitted than polled at once; none is lost. */
  @Test
  void everySubmittedItemIsDelivered() throws InterruptedException {
    List<String> submitted = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      WorkItem item = item();
      submitted.add(item.executionId());
      queue.submit(item);
    }
    List<String> delivered = new ArrayList<>();
    Optional<Lease> lease;
    while ((lease = queue.poll("worker-1", LONG, Duration.ZERO)).isPresent()) {
      delivered.add(lease.get().item().executionId());
      queue.ack(lease.get());
    }

    assertThat(delivered).containsExactlyInAnyOrderElementsOf(submitted);
  }

  /** A waiting poll ends with InterruptedException when its thread is interrupted. */
  @Test
  void waitingPollIsInterruptible() throws Exception {
    CompletableFuture<Thread> pollerThread = new CompletableFuture<>();
    CompletableFuture<Object> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              pollerThread.complete(Thread.currentThread());
              try {
                return queue.poll("worker-1", LONG, patience().multipliedBy(3));
              } catch (InterruptedException e) {
                return e;
              }
            },
            runnable -> new Thread(runnable, "contract-poller").start());

    pollerThread.get(patience().toMillis(), TimeUnit.MILLISECONDS).interrupt();

    assertThat(outcome.get(patience().toMillis() * 2, TimeUnit.MILLISECONDS))
        .isInstanceOf(InterruptedException.class);
  }

  private CompletableFuture<Optional<Lease>> pollAsync(
      String workerId, Duration leaseDuration, Duration maxWait) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return queue.poll(workerId, leaseDuration, maxWait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        },
        runnable -> new Thread(runnable, "contract-poller").start());
  }

  private static WorkItem item() {
    return new WorkItem(Fixtures.id("exec"), "wf", Fixtures.now());
  }
}
