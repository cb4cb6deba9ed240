package dev.workflowengine.core.memory;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.api.spi.CheckpointStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded {@link CheckpointStore}: each execution's log in memory, pruned to its latest
 * snapshot and the entries after it, so a long run holds about one snapshot and its updates. Lost
 * when the process ends; use a database-backed store to survive restarts.
 *
 * <pre>{@code
 * CheckpointStore store = new InMemoryCheckpointStore();
 * workflow.invoke(input, RunOptions.builder().runId("run-1").checkpointStore(store).build());
 * workflow.restore("run-1", store);
 * }</pre>
 *
 * <p>Thread-safe: appends to one execution are serialised, different executions do not contend.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

  private final Map<String, List<Checkpoint>> logs = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryCheckpointStore() {}

  @Override
  public void append(Checkpoint checkpoint) {
    requireNonNull(checkpoint, "checkpoint");
    logs.compute(
        checkpoint.executionId(),
        (id, log) -> {
          List<Checkpoint> entries = log == null ? new ArrayList<>() : log;
          if (!entries.isEmpty() && entries.get(entries.size() - 1).step() >= checkpoint.step()) {
            throw new VersionConflictException(
                "execution '"
                    + id
                    + "' already has checkpoint step "
                    + checkpoint.step()
                    + "; another worker is running it, so this one must stop");
          }
          if (checkpoint.kind() == Checkpoint.Kind.SNAPSHOT) {
            entries.clear();
          }
          entries.add(checkpoint);
          return entries;
        });
  }

  @Override
  public List<Checkpoint> load(String executionId) {
    requireNonNull(executionId, "executionId");
    List<Checkpoint> copy = new ArrayList<>();
    logs.computeIfPresent(
        executionId,
        (id, log) -> {
          copy.addAll(log);
          return log;
        });
    return List.copyOf(copy);
  }

  @Override
  public void delete(String executionId) {
    logs.remove(requireNonNull(executionId, "executionId"));
  }

  /**
   * How many executions have a log.
   *
   * @return the number of executions
   */
  public int size() {
    return logs.size();
  }
}
