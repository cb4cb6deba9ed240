package dev.workflowengine.core.memory;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.execution.ExecutionPage;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.spi.ExecutionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded {@link ExecutionStore}: execution records in memory, indexed like the table the SPI
 * describes (by user and creation time, and by wait deadline). Lost when the process ends; use a
 * database-backed store to survive restarts.
 *
 * <pre>{@code
 * ExecutionStore store = new InMemoryExecutionStore(10_000);   // keep 10,000 finished executions
 * store.insert(ExecutionRecord.queued("e1", "triage", 1, "u1", Instant.now()));
 * ExecutionRecord read = store.find("e1").orElseThrow();
 * boolean won = store.update(read.running(Instant.now()), read.revision());
 * }</pre>
 *
 * <p><b>Retention:</b> keeps at most {@link #maxFinished()} records in a terminal status ({@link
 * ExecutionStatus#isTerminal()}); when one more finishes, the one that finished first is forgotten.
 * Records that are not terminal are never evicted, because the engine still needs them; they are
 * bounded by the work queue's capacity and by how many executions wait at human steps.
 *
 * <p>A query walks the user's records newest first, narrowed to its time window, and filters the
 * rest as it goes, as a database would on an index of {@code (user_id, created_at)}.
 *
 * <p>Thread-safe: {@link #find} never blocks; writes are serialised by one lock, and {@link #query}
 * and {@link #findWaitingPast} read under its shared side.
 */
public final class InMemoryExecutionStore implements ExecutionStore {

  /** How many finished executions {@link #InMemoryExecutionStore()} keeps. */
  public static final int DEFAULT_MAX_FINISHED = 100_000;

  /** Newest first: creation time descending, then execution id descending. */
  private static final Comparator<UserEntry> NEWEST_FIRST =
      (a, b) -> {
        int byTime = b.createdAt().compareTo(a.createdAt());
        return byTime != 0 ? byTime : b.executionId().compareTo(a.executionId());
      };

  private static final Comparator<ExecutionRecord> EARLIEST_DEADLINE =
      Comparator.comparing((ExecutionRecord record) -> record.waitingUntil().orElseThrow())
          .thenComparing(ExecutionRecord::executionId);

  private final int maxFinished;
  private final Map<String, ExecutionRecord> byId = new ConcurrentHashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  // The indexes below are guarded by the lock. The user index holds what never changes between
  // revisions (the record is read from byId), so most updates leave it alone; the waiting index
  // holds the record currently in byId.
  private final Map<String, NavigableSet<UserEntry>> byUser = new HashMap<>();
  private final NavigableSet<ExecutionRecord> waiting = new TreeSet<>(EARLIEST_DEADLINE);
  // Insertion order is the order in which executions finished: the first one is evicted first.
  private final LinkedHashSet<String> finished = new LinkedHashSet<>();

  /** Creates a store that keeps {@value #DEFAULT_MAX_FINISHED} finished executions. */
  public InMemoryExecutionStore() {
    this(DEFAULT_MAX_FINISHED);
  }

  /**
   * Creates a store that keeps at most {@code maxFinished} finished executions.
   *
   * @param maxFinished at least 1
   * @throws IllegalArgumentException if {@code maxFinished} is below 1
   */
  public InMemoryExecutionStore(int maxFinished) {
    if (maxFinished < 1) {
      throw new IllegalArgumentException("maxFinished must be >= 1 but was " + maxFinished);
    }
    this.maxFinished = maxFinished;
  }

  @Override
  public void insert(ExecutionRecord record) {
    requireNonNull(record, "record");
    if (record.revision() != 1) {
      throw new IllegalArgumentException(
          "a new execution's record must be at revision 1 but '"
              + record.executionId()
              + "' was at revision "
              + record.revision());
    }
    lock.writeLock().lock();
    try {
      if (byId.containsKey(record.executionId())) {
        throw new VersionConflictException(
            "execution '"
                + record.executionId()
                + "' exists already; give every execution a new id");
      }
      store(null, record);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<ExecutionRecord> find(String executionId) {
    return Optional.ofNullable(byId.get(requireNonNull(executionId, "executionId")));
  }

  @Override
  public boolean update(ExecutionRecord record, long expectedRevision) {
    requireNonNull(record, "record");
    if (record.revision() != expectedRevision + 1) {
      throw new IllegalArgumentException(
          "the new record of execution '"
              + record.executionId()
              + "' must be at revision "
              + (expectedRevision + 1)
              + " (expected revision + 1) but was at "
              + record.revision());
    }
    lock.writeLock().lock();
    try {
      ExecutionRecord current = byId.get(record.executionId());
      if (current == null || current.revision() != expectedRevision) {
        return false;
      }
      store(current, record);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Replaces {@code old} (null for none) by {@code record} everywhere; holds the write lock. */
  private void store(ExecutionRecord old, ExecutionRecord record) {
    boolean sameOwnerAndTime =
        old != null
            && old.userId().equals(record.userId())
            && old.createdAt().equals(record.createdAt());
    if (old != null) {
      unindexWaiting(old);
      if (!sameOwnerAndTime) {
        unindexUser(old);
      }
    }
    byId.put(record.executionId(), record);
    if (!sameOwnerAndTime) {
      byUser
          .computeIfAbsent(record.userId(), user -> new TreeSet<>(NEWEST_FIRST))
          .add(new UserEntry(record.createdAt(), record.executionId()));
    }
    if (record.status() == ExecutionStatus.WAITING && record.waitingUntil().isPresent()) {
      waiting.add(record);
    }
    if (record.status().isTerminal()) {
      finished.add(record.executionId());
      evictFinished();
    } else if (old != null && old.status().isTerminal()) {
      // A terminal record never becomes active again in the engine, but the SPI allows it. The
      // set holds exactly the ids whose record is terminal, so nothing else needs removing.
      finished.remove(record.executionId());
    }
  }

  private void unindex(ExecutionRecord record) {
    unindexUser(record);
    unindexWaiting(record);
  }

  private void unindexUser(ExecutionRecord record) {
    NavigableSet<UserEntry> own = byUser.get(record.userId());
    if (own != null) {
      own.remove(new UserEntry(record.createdAt(), record.executionId()));
      if (own.isEmpty()) {
        byUser.remove(record.userId());
      }
    }
  }

  private void unindexWaiting(ExecutionRecord record) {
    if (record.status() == ExecutionStatus.WAITING && record.waitingUntil().isPresent()) {
      waiting.remove(record);
    }
  }

  private void evictFinished() {
    while (finished.size() > maxFinished) {
      String oldest = finished.iterator().next();
      finished.remove(oldest);
      ExecutionRecord evicted = byId.remove(oldest);
      if (evicted != null) {
        unindex(evicted);
      }
    }
  }

  @Override
  public ExecutionPage query(String userId, ExecutionQuery query) {
    requireNonNull(userId, "userId");
    requireNonNull(query, "query");
    List<ExecutionRecord> page = new ArrayList<>(Math.min(query.limit(), 64));
    boolean hasMore = false;
    lock.readLock().lock();
    try {
      NavigableSet<UserEntry> own = byUser.get(userId);
      if (own != null) {
        int skipped = 0;
        // The set is newest first; the time window narrows the scan as an index range would.
        for (UserEntry entry : window(own, query)) {
          ExecutionRecord record = byId.get(entry.executionId());
          if (!query.matches(record)) {
            continue;
          }
          if (skipped < query.offset()) {
            skipped++;
          } else if (page.size() < query.limit()) {
            page.add(record);
          } else {
            hasMore = true;
            break;
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return new ExecutionPage(page, query, hasMore);
  }

  /**
   * The records of a user's newest-first set that can fall in the query's time window, narrowed as
   * an index range would; the caller still applies every filter.
   */
  private static NavigableSet<UserEntry> window(NavigableSet<UserEntry> own, ExecutionQuery query) {
    Optional<Instant> after = query.createdAfter();
    Optional<Instant> before = query.createdBefore();
    if (after.isPresent() && before.isPresent() && !after.get().isBefore(before.get())) {
      return Collections.emptyNavigableSet();
    }
    NavigableSet<UserEntry> range = own;
    if (before.isPresent()) {
      // Records created before the bound sort after its probe: older sorts later.
      range = range.tailSet(probe(before.get()), false);
    }
    if (after.isPresent()) {
      // Records created at or after the bound sort before its probe; inclusive in case a record
      // has the empty id and so compares equal to the probe.
      range = range.headSet(probe(after.get()), true);
    }
    return range;
  }

  /** An entry that sorts after every other entry created at {@code at}, newest first. */
  private static UserEntry probe(Instant at) {
    // The empty id is the smallest, and ids sort descending.
    return new UserEntry(at, "");
  }

  @Override
  public List<ExecutionRecord> findWaitingPast(Instant now, int limit) {
    requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
    }
    List<ExecutionRecord> due = new ArrayList<>(Math.min(limit, 64));
    lock.readLock().lock();
    try {
      for (ExecutionRecord record : waiting) {
        if (record.waitingUntil().orElseThrow().isAfter(now) || due.size() == limit) {
          break;
        }
        due.add(record);
      }
    } finally {
      lock.readLock().unlock();
    }
    return List.copyOf(due);
  }

  /**
   * How many records are held, finished or not.
   *
   * @return the number of executions
   */
  public int size() {
    return byId.size();
  }

  /**
   * The most finished executions this store keeps.
   *
   * @return the retention bound
   */
  public int maxFinished() {
    return maxFinished;
  }

  /** What the user index sorts by: neither changes between revisions of a record. */
  private record UserEntry(Instant createdAt, String executionId) {}
}
