package dev.workflowengine.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.api.spi.CheckpointStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one run's checkpoint log: a snapshot of the state at the start, then each node's update,
 * and a fresh snapshot whenever the updates written since the last one add up to more than that
 * snapshot's size. So the bytes written per step stay proportional to the update, whatever the size
 * of the state, and recovery replays at most about one snapshot's worth of updates.
 *
 * <p>Without a store it only counts steps. Used by one run at a time, from the thread driving it;
 * not thread-safe.
 */
final class CheckpointLog {

  /** Updates below this many characters in total never trigger a snapshot on their own. */
  static final int MIN_SNAPSHOT_INTERVAL = 16 * 1024;

  /**
   * Keeps null map entries, which the shared mapper leaves out: a null in an update removes the
   * key, and a null inside a JSON value is part of it; replay must see both.
   */
  private static final ObjectWriter WRITER =
      Json.MAPPER
          .copy()
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS))
          .writer();

  private final CheckpointStore store;
  private final String workflowId;
  private final String runId;
  private final Clock clock;
  private long step;
  private long writtenSinceSnapshot;
  private long lastSnapshotSize;

  /**
   * A log continuing after {@code lastStep}; -1 for a new run, whose {@link #start} is step 0. The
   * store may be {@code null}.
   */
  CheckpointLog(
      CheckpointStore store, String workflowId, String runId, long lastStep, Clock clock) {
    this.store = store;
    this.workflowId = workflowId;
    this.runId = runId;
    this.step = lastStep;
    this.clock = clock;
  }

  long step() {
    return step;
  }

  /** Writes the state at the start of a run as step 0. */
  void start(Map<String, Object> state, String nextNodeId) {
    if (store == null) {
      step++;
      return;
    }
    writeSnapshot(state, Optional.empty(), nextNodeId);
  }

  /** Writes a node's update, or a snapshot of the new state when one is due. */
  void record(
      String nodeId, Map<String, Object> update, Map<String, Object> newState, String next) {
    if (store == null) {
      step++;
      return;
    }
    String json = toJson(nodeId, update);
    if (writtenSinceSnapshot + json.length() >= Math.max(lastSnapshotSize, MIN_SNAPSHOT_INTERVAL)) {
      writeSnapshot(newState, Optional.of(nodeId), next);
      return;
    }
    store.append(entry(++step, Checkpoint.Kind.UPDATE, Optional.of(nodeId), next, json));
    writtenSinceSnapshot += json.length();
  }

  private void writeSnapshot(Map<String, Object> state, Optional<String> nodeId, String next) {
    String json = toJson(nodeId.orElse(Workflow.START), state);
    store.append(entry(++step, Checkpoint.Kind.SNAPSHOT, nodeId, next, json));
    lastSnapshotSize = json.length();
    writtenSinceSnapshot = 0;
  }

  private Checkpoint entry(
      long position, Checkpoint.Kind kind, Optional<String> nodeId, String next, String json) {
    Optional<String> nextNode = Optional.ofNullable(next).filter(id -> !Workflow.END.equals(id));
    return new Checkpoint(runId, position, kind, nodeId, nextNode, json, clock.instant());
  }

  private String toJson(String nodeId, Map<String, Object> values) {
    try {
      return WRITER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new WorkflowExecutionException(
          workflowId,
          nodeId,
          "the state written by node '"
              + nodeId
              + "' cannot be checkpointed as JSON ("
              + e.getOriginalMessage()
              + "); state values must be immutable and JSON-serialisable: strings, numbers,"
              + " booleans, lists, maps or records",
          e);
    }
  }
}
