package dev.workflowengine.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the in-memory store adds to the ExecutionStore contract: its retention bound. */
class InMemoryExecutionStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void keepsOnlyTheMostRecentlyFinishedExecutions() {
    InMemoryExecutionStore store = new InMemoryExecutionStore(2);
    for (int i = 1; i <= 4; i++) {
      store.insert(queued("e" + i, i));
    }
    // Finish in an order other than creation: eviction follows finishing, not creation.
    finish(store, "e3");
    finish(store, "e1");
    finish(store, "e4");

    assertThat(store.find("e3")).isEmpty();
    assertThat(store.find("e1")).isPresent();
    assertThat(store.find("e4")).isPresent();
    assertThat(store.find("e2"))
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ExecutionStatus.QUEUED));
    assertThat(store.query("u1", ExecutionQuery.recent(10)).executions())
        .extracting(ExecutionRecord::executionId)
        .containsExactly("e4", "e2", "e1");
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void neverEvictsUnfinishedExecutions() {
    InMemoryExecutionStore store = new InMemoryExecutionStore(1);
    for (int i = 0; i < 50; i++) {
      store.insert(queued("active-" + i, i));
    }
    store.insert(queued("waiting", 100));
    assertThat(store.update(queued("waiting", 100).waiting(T0, T0.plusSeconds(1)), 1)).isTrue();
    for (int i = 0; i < 10; i++) {
      store.insert(queued("done-" + i, 200 + i));
      finish(store, "done-" + i);
    }

    assertThat(store.size()).isEqualTo(50 + 1 + 1);
    assertThat(store.find("done-9")).isPresent();
    assertThat(store.find("done-8")).isEmpty();
    assertThat(store.findWaitingPast(T0.plusSeconds(5), 10))
        .containsExactly(store.find("waiting").get());
  }

  @Test
  void evictionForgetsEveryIndexEntry() {
    InMemoryExecutionStore store = new InMemoryExecutionStore(1);
    store.insert(queued("e1", 1));
    finish(store, "e1");
    store.insert(queued("e2", 2));
    finish(store, "e2");

    assertThat(
            store
                .query("u1", ExecutionQuery.builder().status(ExecutionStatus.COMPLETED).build())
                .executions())
        .extracting(ExecutionRecord::executionId)
        .containsExactly("e2");
    store.insert(queued("e1", 3)); // the evicted id is free again
    assertThat(store.find("e1")).hasValueSatisfying(r -> assertThat(r.revision()).isEqualTo(1));
  }

  @Test
  void windowWithEqualBoundsIsEmpty() {
    InMemoryExecutionStore store = new InMemoryExecutionStore();
    store.insert(queued("e1", 0));

    ExecutionQuery query = ExecutionQuery.builder().createdAfter(T0).createdBefore(T0).build();

    assertThat(store.query("u1", query).executions()).isEmpty();
  }

  @Test
  void emptyIdsAreListedLikeAnyOther() {
    InMemoryExecutionStore store = new InMemoryExecutionStore();
    store.insert(ExecutionRecord.queued("", "wf", 1, "u1", T0));

    ExecutionQuery query = ExecutionQuery.builder().createdAfter(T0).build();

    assertThat(store.query("u1", query).executions())
        .extracting(ExecutionRecord::executionId)
        .containsExactly("");
  }

  @Test
  void boundsAreChecked() {
    assertThat(new InMemoryExecutionStore().maxFinished())
        .isEqualTo(InMemoryExecutionStore.DEFAULT_MAX_FINISHED);
    assertThatThrownBy(() -> new InMemoryExecutionStore(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFinished must be >= 1 but was 0");
    assertThatThrownBy(() -> new InMemoryExecutionStore().findWaitingPast(T0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ExecutionRecord queued(String id, int secondsAfterT0) {
    return ExecutionRecord.queued(id, "wf", 1, "u1", T0.plusSeconds(secondsAfterT0));
  }

  private static void finish(InMemoryExecutionStore store, String id) {
    ExecutionRecord current = store.find(id).orElseThrow();
    ExecutionRecord done =
        current.finished(ExecutionStatus.COMPLETED, T0.plusSeconds(999), Map.of(), null);
    assertThat(store.update(done, current.revision())).isTrue();
  }
}
