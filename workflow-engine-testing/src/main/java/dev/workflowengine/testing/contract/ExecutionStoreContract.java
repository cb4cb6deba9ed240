package dev.workflowengine.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.execution.ExecutionError;
import dev.workflowengine.api.execution.ExecutionPage;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.spi.ExecutionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that an {@link ExecutionStore} honours its contract: records come back as stored, an
 * update stores only over the revision it read (of concurrent updaters exactly one wins), queries
 * list a user's executions newest first with filters and stable pages, and timed-out waits are
 * found earliest first. Extend it in your implementation's tests:
 *
 * <pre>{@code
 * class JdbcExecutionStoreTest extends ExecutionStoreContract {
 *   @Override
 *   protected ExecutionStore create() {
 *     return new JdbcExecutionStore(emptyDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #create()} runs before every test and must return an empty store: {@code
 * findWaitingPast} looks at every user's executions. Records must come back {@code equals} to what
 * was stored, outputs included (strings, integers, booleans, lists and maps here).
 */
public abstract class ExecutionStoreContract {

  private ExecutionStore store;

  /** For subclasses. */
  protected ExecutionStoreContract() {}

  /**
   * Creates the store under test; called before every test.
   *
   * @return a new, empty store
   */
  protected abstract ExecutionStore create();

  @BeforeEach
  void createStore() {
    store = create();
  }

  /** An inserted record is found as it was stored. */
  @Test
  void insertedRecordIsFoundUnchanged() {
    ExecutionRecord record = queued(Fixtures.id("user"), "triage", Fixtures.now());

    store.insert(record);

    assertThat(store.find(record.executionId())).contains(record);
  }

  /** Every field survives the round trip, the optional ones and the output included. */
  @Test
  void everyFieldIsKept() {
    Instant created = Fixtures.now();
    ExecutionRecord record = queued(Fixtures.id("user"), "triage", created);
    store.insert(record);
    ExecutionRecord running = record.running(created.plusMillis(5));
    ExecutionRecord failed =
        running
            .withCancelRequested(created.plusMillis(7))
            .finished(
                ExecutionStatus.FAILED,
                created.plusMillis(9),
                Map.of(
                    "answer",
                    "no",
                    "count",
                    3,
                    "ok",
                    false,
                    "items",
                    List.of("a", "b"),
                    "nested",
                    Map.of("k", "v")),
                new ExecutionError("WorkflowTimeoutException", "took too long", Optional.of("n1")));

    assertThat(store.update(running, 1)).isTrue();
    assertThat(store.update(running.withCancelRequested(created.plusMillis(7)), 2)).isTrue();
    assertThat(store.update(failed, 3)).isTrue();

    assertThat(store.find(record.executionId())).contains(failed);
  }

  /** Nothing is found for an unknown id. */
  @Test
  void unknownExecutionIsEmpty() {
    assertThat(store.find(Fixtures.id("missing"))).isEmpty();
  }

  /** A new execution's record must be at revision 1. */
  @Test
  void insertRequiresRevisionOne() {
    ExecutionRecord record = queued(Fixtures.id("user"), "triage", Fixtures.now());

    assertThatThrownBy(() -> store.insert(record.running(Fixtures.now())))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.find(record.executionId())).isEmpty();
  }

  /** Inserting an id that exists fails and keeps the stored record. */
  @Test
  void insertingAnExistingIdConflicts() {
    String user = Fixtures.id("user");
    ExecutionRecord first = queued(user, "triage", Fixtures.now());
    store.insert(first);
    ExecutionRecord second =
        ExecutionRecord.queued(first.executionId(), "other", 2, user, Fixtures.now());

    assertThatThrownBy(() -> store.insert(second)).isInstanceOf(VersionConflictException.class);

    assertThat(store.find(first.executionId())).contains(first);
  }

  /** Of many inserts of one id at once, exactly one wins. */
  @Test
  void concurrentInsertsOfOneIdHaveExactlyOneWinner() throws InterruptedException {
    String id = Fixtures.id("exec");
    String user = Fixtures.id("user");
    int writers = 8;

    List<Object> outcomes =
        Race.run(
            writers,
            Duration.ofSeconds(30),
            i ->
                () -> {
                  store.insert(ExecutionRecord.queued(id, "wf-" + i, 1, user, Fixtures.now()));
                  return "wf-" + i;
                });

    assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(1);
    assertThat(outcomes)
        .filteredOn(VersionConflictException.class::isInstance)
        .hasSize(writers - 1);
    Object winner = outcomes.stream().filter(String.class::isInstance).findFirst().get();
    assertThat(store.find(id))
        .hasValueSatisfying(r -> assertThat(r.workflowId()).isEqualTo(winner));
  }

  /** Updates over the revision read chain from one revision to the next; reads see the latest. */
  @Test
  void updateOverTheRevisionReadStoresTheRecord() {
    Instant created = Fixtures.now();
    ExecutionRecord queued = queued(Fixtures.id("user"), "triage", created);
    store.insert(queued);
    ExecutionRecord running = queued.running(created.plusMillis(1));
    ExecutionRecord done =
        running.finished(ExecutionStatus.COMPLETED, created.plusMillis(2), Map.of("x", 1), null);

    assertThat(store.update(running, 1)).isTrue();
    assertThat(store.find(queued.executionId())).contains(running);
    assertThat(store.update(done, 2)).isTrue();
    assertThat(store.find(queued.executionId())).contains(done);
  }

  /** An update over a revision that is no longer stored changes nothing. */
  @Test
  void updateOverAStaleRevisionChangesNothing() {
    Instant created = Fixtures.now();
    ExecutionRecord queued = queued(Fixtures.id("user"), "triage", created);
    store.insert(queued);
    ExecutionRecord running = queued.running(created.plusMillis(1));
    assertThat(store.update(running, 1)).isTrue();
    ExecutionRecord cancelledFromStaleRead =
        queued.finished(ExecutionStatus.CANCELLED, created.plusMillis(2), Map.of(), null);

    assertThat(store.update(cancelledFromStaleRead, 1)).isFalse();

    assertThat(store.find(queued.executionId())).contains(running);
  }

  /** The new record's revision must be the expected one plus one. */
  @Test
  void updateRequiresTheNextRevision() {
    Instant created = Fixtures.now();
    ExecutionRecord queued = queued(Fixtures.id("user"), "triage", created);
    store.insert(queued);
    ExecutionRecord revisionThree = queued.running(created).requeued(created.plusMillis(1));

    assertThatThrownBy(() -> store.update(revisionThree, 1))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.find(queued.executionId())).contains(queued);
  }

  /** Updating an execution that does not exist returns false and creates nothing. */
  @Test
  void updateOfAnUnknownExecutionReturnsFalse() {
    ExecutionRecord queued = queued(Fixtures.id("user"), "triage", Fixtures.now());

    assertThat(store.update(queued.running(Fixtures.now()), 1)).isFalse();

    assertThat(store.find(queued.executionId())).isEmpty();
  }

  /** Of many updaters that read the same revision, exactly one stores; the rest learn they lost. */
  @Test
  void concurrentUpdatesHaveExactlyOneWinner() throws InterruptedException {
    Instant created = Fixtures.now();
    ExecutionRecord queued = queued(Fixtures.id("user"), "triage", created);
    store.insert(queued);
    int updaters = 8;
    List<ExecutionRecord> candidates = new ArrayList<>();
    for (int i = 0; i < updaters; i++) {
      candidates.add(queued.running(created.plusMillis(i + 1)));
    }

    List<Object> outcomes =
        Race.run(updaters, Duration.ofSeconds(30), i -> () -> store.update(candidates.get(i), 1));

    assertThat(outcomes).containsOnly(true, false);
    assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(1);
    ExecutionRecord winner = candidates.get(outcomes.indexOf(true));
    assertThat(store.find(queued.executionId())).contains(winner);
  }

  /** Queries list newest first; executions created at the same instant by id, descending. */
  @Test
  void queryListsNewestFirstWithIdsBreakingTies() {
    String user = Fixtures.id("user");
    Instant t = Fixtures.now();
    ExecutionRecord older = record("a-" + Fixtures.id("e"), user, "wf", t.minusSeconds(60));
    ExecutionRecord tieLow = record("b-" + Fixtures.id("e"), user, "wf", t);
    ExecutionRecord tieHigh = record("c-" + Fixtures.id("e"), user, "wf", t);
    ExecutionRecord newest = record("a-" + Fixtures.id("e"), user, "wf", t.plusSeconds(60));
    for (ExecutionRecord record : List.of(tieLow, older, newest, tieHigh)) {
      store.insert(record);
    }

    ExecutionPage page = store.query(user, ExecutionQuery.recent(10));

    assertThat(page.executions()).containsExactly(newest, tieHigh, tieLow, older);
    assertThat(page.hasMore()).isFalse();
  }

  /** A user's query never shows another user's executions. */
  @Test
  void queryShowsOnlyTheUsersExecutions() {
    String alice = Fixtures.id("alice");
    String bob = Fixtures.id("bob");
    ExecutionRecord mine = queued(alice, "wf", Fixtures.now());
    store.insert(mine);
    store.insert(queued(bob, "wf", Fixtures.now()));

    assertThat(store.query(alice, ExecutionQuery.recent(10)).executions()).containsExactly(mine);
    assertThat(store.query(Fixtures.id("nobody"), ExecutionQuery.recent(10)).executions())
        .isEmpty();
  }

  /** Filters by workflow, status and a window that includes its start and excludes its end. */
  @Test
  void queryFiltersByWorkflowStatusAndTimeWindow() {
    String user = Fixtures.id("user");
    Instant t = Fixtures.now();
    ExecutionRecord atStart = record(Fixtures.id("e"), user, "triage", t);
    ExecutionRecord inside = record(Fixtures.id("e"), user, "triage", t.plusSeconds(30));
    ExecutionRecord atEnd = record(Fixtures.id("e"), user, "triage", t.plusSeconds(60));
    ExecutionRecord before = record(Fixtures.id("e"), user, "triage", t.minusMillis(1));
    ExecutionRecord otherWorkflow = record(Fixtures.id("e"), user, "review", t.plusSeconds(10));
    for (ExecutionRecord record : List.of(atStart, inside, atEnd, before, otherWorkflow)) {
      store.insert(record);
    }
    ExecutionRecord runningInside = inside.running(t.plusSeconds(31));
    assertThat(store.update(runningInside, 1)).isTrue();

    ExecutionQuery window =
        ExecutionQuery.builder()
            .workflowId("triage")
            .createdAfter(t)
            .createdBefore(t.plusSeconds(60))
            .build();
    assertThat(store.query(user, window).executions()).containsExactly(runningInside, atStart);

    ExecutionQuery queuedTriage =
        ExecutionQuery.builder().workflowId("triage").status(ExecutionStatus.QUEUED).build();
    assertThat(store.query(user, queuedTriage).executions())
        .containsExactly(atEnd, atStart, before);

    ExecutionQuery runningOrQueuedReview =
        ExecutionQuery.builder()
            .status(ExecutionStatus.RUNNING, ExecutionStatus.QUEUED)
            .workflowId("review")
            .build();
    assertThat(store.query(user, runningOrQueuedReview).executions())
        .containsExactly(otherWorkflow);

    ExecutionQuery emptyWindow =
        ExecutionQuery.builder().createdAfter(t.plusSeconds(60)).createdBefore(t).build();
    assertThat(store.query(user, emptyWindow).executions()).isEmpty();
  }

  /** Pages follow each other without gaps or repeats, and say whether more follow. */
  @Test
  void queryPagesAreStable() {
    String user = Fixtures.id("user");
    Instant t = Fixtures.now();
    List<ExecutionRecord> newestFirst = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      // Three at a time share an instant, so ties cross the page boundaries.
      ExecutionRecord record =
          record(
              String.format("e-%02d-%s", i, Fixtures.id("")),
              user,
              "wf",
              t.minusSeconds(i - i % 3));
      store.insert(record);
      newestFirst.add(record);
    }
    newestFirst.sort(
        Comparator.comparing(ExecutionRecord::createdAt)
            .thenComparing(ExecutionRecord::executionId)
            .reversed());

    List<ExecutionRecord> seen = new ArrayList<>();
    List<Boolean> hasMore = new ArrayList<>();
    Optional<ExecutionQuery> query = Optional.of(ExecutionQuery.builder().limit(10).build());
    while (query.isPresent()) {
      ExecutionPage page = store.query(user, query.get());
      seen.addAll(page.executions());
      hasMore.add(page.hasMore());
      query = page.next();
    }

    assertThat(seen).isEqualTo(newestFirst);
    assertThat(hasMore).containsExactly(true, true, false);
    ExecutionQuery exactlyAll = ExecutionQuery.builder().limit(25).build();
    assertThat(store.query(user, exactlyAll).hasMore()).isFalse();
    ExecutionQuery pastTheEnd = ExecutionQuery.builder().offset(25).limit(5).build();
    assertThat(store.query(user, pastTheEnd).executions()).isEmpty();
  }

  /** Waits whose deadline is at or before now come back earliest first; nothing else does. */
  @Test
  void findWaitingPastReturnsDueWaitsEarliestFirst() {
    String user = Fixtures.id("user");
    Instant now = Fixtures.now();
    ExecutionRecord dueEarly = waiting(user, now.minusSeconds(120), now.minusSeconds(60));
    ExecutionRecord dueNow = waiting(user, now.minusSeconds(120), now);
    ExecutionRecord dueLate = waiting(user, now.minusSeconds(120), now.minusSeconds(1));
    ExecutionRecord notDue = waiting(user, now.minusSeconds(120), now.plusSeconds(1));
    ExecutionRecord noDeadline = waiting(user, now.minusSeconds(120), null);
    ExecutionRecord notWaiting =
        new ExecutionRecord(
            Fixtures.id("e"),
            "wf",
            1,
            user,
            ExecutionStatus.RUNNING,
            now,
            now,
            Optional.of(now),
            Optional.empty(),
            Optional.of(now.minusSeconds(600)),
            false,
            Map.of(),
            Optional.empty(),
            1);
    for (ExecutionRecord record :
        List.of(notDue, dueNow, noDeadline, dueEarly, notWaiting, dueLate)) {
      store.insert(record);
    }

    assertThat(store.findWaitingPast(now, 10)).containsExactly(dueEarly, dueLate, dueNow);
    assertThat(store.findWaitingPast(now, 2)).containsExactly(dueEarly, dueLate);
    assertThat(store.findWaitingPast(now.minusSeconds(3600), 10)).isEmpty();
  }

  /** A wait that was resumed or ended is no longer found. */
  @Test
  void findWaitingPastForgetsWaitsThatEnded() {
    String user = Fixtures.id("user");
    Instant now = Fixtures.now();
    ExecutionRecord resumed = waiting(user, now.minusSeconds(120), now.minusSeconds(60));
    ExecutionRecord stillWaiting = waiting(user, now.minusSeconds(120), now.minusSeconds(30));
    store.insert(resumed);
    store.insert(stillWaiting);

    assertThat(store.update(resumed.requeued(now), 1)).isTrue();

    assertThat(store.findWaitingPast(now, 10)).containsExactly(stillWaiting);
  }

  private static ExecutionRecord queued(String user, String workflowId, Instant createdAt) {
    return ExecutionRecord.queued(Fixtures.id("exec"), workflowId, 1, user, createdAt);
  }

  private static ExecutionRecord record(
      String id, String user, String workflowId, Instant createdAt) {
    return ExecutionRecord.queued(id, workflowId, 1, user, createdAt);
  }

  private static ExecutionRecord waiting(String user, Instant createdAt, Instant until) {
    return new ExecutionRecord(
        Fixtures.id("exec"),
        "wf",
        1,
        user,
        ExecutionStatus.WAITING,
        createdAt,
        createdAt,
        Optional.of(createdAt),
        Optional.empty(),
        Optional.ofNullable(until),
        false,
        Map.of(),
        Optional.empty(),
        1);
  }
}
