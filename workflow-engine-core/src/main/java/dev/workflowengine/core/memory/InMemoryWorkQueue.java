package dev.workflowengine.core.memory;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.api.spi.WorkItem;
import dev.workflowengine.api.spi.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded {@link WorkQueue}: items in memory, leased to workers in this process. Lost when the
 * process ends; use a database- or broker-backed queue to survive restarts and to share work
 * between processes.
 *
 * <pre>{@code
 * WorkQueue queue = InMemoryWorkQueue.builder().capacity(10_000).build();
 * queue.submit(new WorkItem("e1", "triage", Instant.now()));
 * Optional<Lease> lease = queue.poll("worker-1", Duration.ofSeconds(30), Duration.ofSeconds(1));
 * lease.ifPresent(l -> { run(l.item()); queue.ack(l); });
 * }</pre>
 *
 * <p><b>Capacity</b> counts every item not yet acknowledged, leased or waiting, so that memory is
 * bounded whatever the workers do; {@link #submit} throws {@link RateLimitedException} when it is
 * reached. {@link #depth()} counts only the waiting ones, as the SPI says.
 *
 * <p><b>Time:</b> lease expiries and {@code nack} delays are read from the {@link Clock} given to
 * the builder. A lease is lapsed from the instant it expires: {@code ack}, {@code nack} and {@code
 * extend} notice that themselves, without waiting for a poll. A {@code poll} that waits wakes when
 * an item is submitted or handed back, or when the next delay or lease is due by the clock; with a
 * clock that a test moves by hand, move it and then poll.
 *
 * <p>Every item is delivered in the order it became available (submitted, handed back, or freed by
 * an expired lease). The queue does not deduplicate: {@link WorkItem}'s "one item per execution" is
 * for the engine to keep, and two items of the same execution are simply two items.
 *
 * <p>Thread-safe. One lock guards everything and every operation is O(log n) in the number of
 * items: a ready deque, a heap of delayed items and an expiry-ordered set of leases, so nothing is
 * scanned on a poll.
 */
public final class InMemoryWorkQueue implements WorkQueue {

  /** How many items a queue holds unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private static final Comparator<QueuedItem> BY_AVAILABLE_AT =
      Comparator.comparing((QueuedItem entry) -> entry.availableAt)
          .thenComparingLong(entry -> entry.id);
  private static final Comparator<QueuedItem> BY_EXPIRY =
      Comparator.comparing((QueuedItem entry) -> entry.expiresAt)
          .thenComparingLong(entry -> entry.id);

  private final int capacity;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Everything below is guarded by the lock.
  private final ArrayDeque<QueuedItem> ready = new ArrayDeque<>();
  private final PriorityQueue<QueuedItem> delayed = new PriorityQueue<>(BY_AVAILABLE_AT);
  private final TreeSet<QueuedItem> leasedByExpiry = new TreeSet<>(BY_EXPIRY);
  private final Map<String, QueuedItem> leases = new HashMap<>();
  private long nextId;
  // The one waiting poller that times the next release (delay or lease expiry), as in
  // java.util.concurrent.DelayQueue; the others wait for a signal or their own deadline.
  private Thread timer;

  /** Creates a queue of {@value #DEFAULT_CAPACITY} items on the system UTC clock. */
  public InMemoryWorkQueue() {
    this(builder());
  }

  private InMemoryWorkQueue(Builder builder) {
    this.capacity = builder.capacity;
    this.clock = builder.clock;
  }

  /**
   * A builder for a queue of {@value #DEFAULT_CAPACITY} items on the system UTC clock.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void submit(WorkItem item) {
    requireNonNull(item, "item");
    lock.lock();
    try {
      int held = ready.size() + delayed.size() + leases.size();
      if (held >= capacity) {
        throw new RateLimitedException(
            "the work queue is full: it holds "
                + held
                + " unfinished items, its capacity; try again once workers have caught up, "
                + "add workers, or build the queue with a larger capacity",
            null);
      }
      ready.addLast(new QueuedItem(nextId++, item));
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<Lease> poll(String workerId, Duration leaseDuration, Duration maxWait)
      throws InterruptedException {
    requireNonNull(workerId, "workerId");
    Durations.requirePositive(leaseDuration, "leaseDuration");
    Durations.requireNotNegative(maxWait, "maxWait");
    long waitNanos = Durations.saturatedNanos(maxWait);
    long start = System.nanoTime();
    Thread me = Thread.currentThread();
    lock.lockInterruptibly();
    try {
      while (true) {
        Instant now = clock.instant();
        release(now);
        QueuedItem entry = ready.pollFirst();
        if (entry != null) {
          return Optional.of(grant(entry, workerId, now, leaseDuration));
        }
        long remaining = waitNanos - (System.nanoTime() - start);
        if (remaining <= 0) {
          return Optional.empty();
        }
        long untilNext = nanosUntilNextRelease(now);
        if (untilNext == Long.MAX_VALUE || (timer != null && timer != me)) {
          changed.awaitNanos(remaining);
        } else {
          timer = me;
          try {
            changed.awaitNanos(Math.min(remaining, untilNext));
          } finally {
            if (timer == me) {
              timer = null;
            }
          }
        }
      }
    } finally {
      handOver();
      lock.unlock();
    }
  }

  /**
   * Wakes another poller if there is something for it to take, or if nobody is timing the next
   * delay or lease expiry any more (the one leaving may have been doing it).
   */
  private void handOver() {
    boolean untimed = timer == null && (!delayed.isEmpty() || !leasedByExpiry.isEmpty());
    if ((!ready.isEmpty() || untimed) && lock.hasWaiters(changed)) {
      changed.signal();
    }
  }

  /** The next release is earlier than the one a poller may be timing: have one time it anew. */
  private void earlierRelease() {
    timer = null;
    changed.signal();
  }

  private Lease grant(QueuedItem entry, String workerId, Instant now, Duration leaseDuration) {
    entry.deliveries++;
    entry.leaseId = entry.id + "." + entry.deliveries;
    entry.workerId = workerId;
    entry.expiresAt = Durations.saturatedPlus(now, leaseDuration);
    leases.put(entry.leaseId, entry);
    leasedByExpiry.add(entry);
    if (leasedByExpiry.first() == entry) {
      timer = null; // the poller leaving now hands the timing over to a waiting one
    }
    return entry.lease();
  }

  @Override
  public Optional<Lease> extend(Lease lease, Duration leaseDuration) {
    requireNonNull(lease, "lease");
    Durations.requirePositive(leaseDuration, "leaseDuration");
    lock.lock();
    try {
      Instant now = clock.instant();
      QueuedItem entry = current(lease, now);
      if (entry == null) {
        return Optional.empty();
      }
      leasedByExpiry.remove(entry);
      entry.expiresAt = Durations.saturatedPlus(now, leaseDuration);
      leasedByExpiry.add(entry);
      if (leasedByExpiry.first() == entry) {
        earlierRelease();
      }
      return Optional.of(entry.lease());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean ack(Lease lease) {
    requireNonNull(lease, "lease");
    lock.lock();
    try {
      QueuedItem entry = current(lease, clock.instant());
      if (entry == null) {
        return false;
      }
      unlease(entry);
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean nack(Lease lease, Duration delay) {
    requireNonNull(lease, "lease");
    Durations.requireNotNegative(delay, "delay");
    lock.lock();
    try {
      Instant now = clock.instant();
      QueuedItem entry = current(lease, now);
      if (entry == null) {
        return false;
      }
      unlease(entry);
      if (delay.isZero()) {
        ready.addLast(entry);
        changed.signal();
      } else {
        entry.availableAt = Durations.saturatedPlus(now, delay);
        delayed.add(entry);
        if (delayed.peek() == entry) {
          earlierRelease();
        }
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int depth() {
    lock.lock();
    try {
      if (release(clock.instant())) {
        changed.signal();
      }
      return ready.size() + delayed.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * How many items are held: waiting or leased, everything not yet acknowledged.
   *
   * @return the number of items counted against the capacity
   */
  public int size() {
    lock.lock();
    try {
      return ready.size() + delayed.size() + leases.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The most items this queue holds.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  /** The entry a lease still holds, or null once it lapsed; frees everything due first. */
  private QueuedItem current(Lease lease, Instant now) {
    if (release(now)) {
      changed.signal();
    }
    return leases.get(lease.leaseId());
  }

  private void unlease(QueuedItem entry) {
    leases.remove(entry.leaseId);
    leasedByExpiry.remove(entry);
    entry.leaseId = null;
    entry.workerId = null;
  }

  /** Makes due delayed items and items of expired leases available; true if any moved. */
  private boolean release(Instant now) {
    boolean moved = false;
    QueuedItem entry;
    while ((entry = delayed.peek()) != null && !entry.availableAt.isAfter(now)) {
      ready.addLast(delayed.poll());
      moved = true;
    }
    while (!leasedByExpiry.isEmpty() && !leasedByExpiry.first().expiresAt.isAfter(now)) {
      entry = leasedByExpiry.pollFirst();
      leases.remove(entry.leaseId);
      entry.leaseId = null;
      entry.workerId = null;
      ready.addLast(entry);
      moved = true;
    }
    return moved;
  }

  /** Nanoseconds from now until the next delayed item or lease is due; MAX_VALUE if none. */
  private long nanosUntilNextRelease(Instant now) {
    Instant next = null;
    if (!delayed.isEmpty()) {
      next = delayed.peek().availableAt;
    }
    if (!leasedByExpiry.isEmpty()) {
      Instant expiry = leasedByExpiry.first().expiresAt;
      next = next == null || expiry.isBefore(next) ? expiry : next;
    }
    return next == null ? Long.MAX_VALUE : Durations.saturatedNanos(Duration.between(now, next));
  }

  /** Builds an {@link InMemoryWorkQueue}. Not thread-safe. */
  public static final class Builder {
    private int capacity = DEFAULT_CAPACITY;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The most unfinished items the queue holds, leased or not.
     *
     * @param capacity at least 1; default {@value InMemoryWorkQueue#DEFAULT_CAPACITY}
     * @return this builder
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public Builder capacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be >= 1 but was " + capacity);
      }
      this.capacity = capacity;
      return this;
    }

    /**
     * The clock that times leases and delays.
     *
     * @param clock the clock; default {@link Clock#systemUTC()}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the queue.
     *
     * @return a new, empty queue
     */
    public InMemoryWorkQueue build() {
      return new InMemoryWorkQueue(this);
    }
  }
}
