package dev.workflowengine.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.api.spi.CheckpointStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that a {@link CheckpointStore} honours its contract: entries come back as written, in step
 * order, from the latest snapshot on; a step is written at most once (of concurrent writers exactly
 * one wins); logs of different executions are separate; delete removes a whole log. Extend it in
 * your implementation's tests:
 *
 * <pre>{@code
 * class JdbcCheckpointStoreTest extends CheckpointStoreContract {
 *   @Override
 *   protected CheckpointStore create() {
 *     return new JdbcCheckpointStore(emptyDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #create()} runs before every test. Whether entries before the latest snapshot are
 * pruned is left to the implementation; {@code load} must not return them either way.
 */
public abstract class CheckpointStoreContract {

  private CheckpointStore store;

  /** For subclasses. */
  protected CheckpointStoreContract() {}

  /**
   * Creates the store under test; called before every test.
   *
   * @return a new, empty store
   */
  protected abstract CheckpointStore create();

  @BeforeEach
  void createStore() {
    store = create();
  }

  /** A snapshot and the updates after it load in step order, each as it was written. */
  @Test
  void entriesLoadInStepOrderAsWritten() {
    String id = Fixtures.id("exec");
    Checkpoint snapshot = snapshot(id, 0, null, "a");
    Checkpoint first = update(id, 1, "a", "b");
    Checkpoint second = update(id, 2, "b", null);

    store.append(snapshot);
    store.append(first);
    store.append(second);

    assertThat(store.load(id)).containsExactly(snapshot, first, second);
  }

  /** Text is kept exactly: non-ASCII characters, escapes and large values. */
  @Test
  void jsonIsKeptExactly() {
    String id = Fixtures.id("exec");
    String large = "x".repeat(256 * 1024);
    Checkpoint snapshot =
        new Checkpoint(
            id,
            0,
            Checkpoint.Kind.SNAPSHOT,
            Optional.empty(),
            Optional.of("start"),
            "{\"text\":\"Grüße, 世界 \\n \\\"quoted\\\" 😀\",\"big\":\"" + large + "\"}",
            Fixtures.now());

    store.append(snapshot);

    assertThat(store.load(id)).containsExactly(snapshot);
  }

  /** An execution without checkpoints loads as empty. */
  @Test
  void unknownExecutionLoadsEmpty() {
    assertThat(store.load(Fixtures.id("exec"))).isEmpty();
  }

  /** Writing a step that exists fails and keeps the first entry. */
  @Test
  void appendingAnExistingStepConflicts() {
    String id = Fixtures.id("exec");
    Checkpoint snapshot = snapshot(id, 0, null, "a");
    Checkpoint first = update(id, 1, "a", "b");
    store.append(snapshot);
    store.append(first);

    assertThatThrownBy(() -> store.append(update(id, 1, "other", "c")))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.append(snapshot(id, 0, null, "other")))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.load(id)).containsExactly(snapshot, first);
  }

  /** Of many workers writing the same step at once, exactly one wins: the log is fenced. */
  @Test
  void concurrentAppendsOfOneStepHaveExactlyOneWinner() throws InterruptedException {
    String id = Fixtures.id("exec");
    store.append(snapshot(id, 0, null, "a"));
    int workers = 8;

    List<Object> outcomes =
        Race.run(
            workers,
            Duration.ofSeconds(30),
            i ->
                () -> {
                  store.append(update(id, 1, "worker-" + i, null));
                  return "worker-" + i;
                });

    assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(1);
    assertThat(outcomes)
        .filteredOn(VersionConflictException.class::isInstance)
        .hasSize(workers - 1);
    Object winner = outcomes.stream().filter(String.class::isInstance).findFirst().get();
    List<Checkpoint> log = store.load(id);
    assertThat(log).hasSize(2);
    assertThat(log.get(1).nodeId()).contains((String) winner);
  }

  /** Loading starts at the latest snapshot; entries before it are not returned. */
  @Test
  void loadStartsAtTheLatestSnapshot() {
    String id = Fixtures.id("exec");
    store.append(snapshot(id, 0, null, "a"));
    store.append(update(id, 1, "a", "b"));
    store.append(update(id, 2, "b", "c"));
    Checkpoint latest = snapshot(id, 3, "c", "d");
    Checkpoint after = update(id, 4, "d", null);
    store.append(latest);
    store.append(after);

    assertThat(store.load(id)).containsExactly(latest, after);
    assertThatThrownBy(() -> store.append(update(id, 4, "late", null)))
        .isInstanceOf(VersionConflictException.class);
  }

  /** Each execution has its own steps. */
  @Test
  void executionsHaveSeparateLogs() {
    String one = Fixtures.id("exec");
    String two = Fixtures.id("exec");
    Checkpoint oneSnapshot = snapshot(one, 0, null, "a");
    Checkpoint twoSnapshot = snapshot(two, 0, null, "x");
    Checkpoint twoUpdate = update(two, 1, "x", null);

    store.append(oneSnapshot);
    store.append(twoSnapshot);
    store.append(twoUpdate);

    assertThat(store.load(one)).containsExactly(oneSnapshot);
    assertThat(store.load(two)).containsExactly(twoSnapshot, twoUpdate);
  }

  /** Delete removes the whole log and nothing else; the execution may start a new one. */
  @Test
  void deleteRemovesTheWholeLog() {
    String id = Fixtures.id("exec");
    String other = Fixtures.id("exec");
    store.append(snapshot(id, 0, null, "a"));
    store.append(update(id, 1, "a", null));
    Checkpoint kept = snapshot(other, 0, null, "a");
    store.append(kept);

    store.delete(id);

    assertThat(store.load(id)).isEmpty();
    assertThat(store.load(other)).containsExactly(kept);
    store.delete(id); // deleting again is harmless
    store.delete(Fixtures.id("never-written"));
    Checkpoint fresh = snapshot(id, 0, null, "b");
    store.append(fresh);
    assertThat(store.load(id)).containsExactly(fresh);
  }

  private static Checkpoint snapshot(String id, long step, String nodeId, String next) {
    return new Checkpoint(
        id,
        step,
        Checkpoint.Kind.SNAPSHOT,
        Optional.ofNullable(nodeId),
        Optional.ofNullable(next),
        "{\"step\":" + step + ",\"messages\":[\"hello\"],\"count\":" + step + "}",
        Fixtures.now());
  }

  private static Checkpoint update(String id, long step, String nodeId, String next) {
    return new Checkpoint(
        id,
        step,
        Checkpoint.Kind.UPDATE,
        Optional.ofNullable(nodeId),
        Optional.ofNullable(next),
        "{\"count\":" + step + "}",
        Fixtures.now());
  }
}
