package dev.workflowengine.api.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of an execution's checkpoint log: either a full snapshot of the state or the update one
 * node made to it. Recovery starts from the latest snapshot and applies the updates after it in
 * step order, so the cost of a step depends on the size of the update, not of the state.
 *
 * @param executionId the execution
 * @param step the entry's position in the execution's log, from 0, strictly increasing
 * @param kind whether {@link #json()} holds the whole state or one node's update
 * @param nodeId the node that produced the update, or that ran last before the snapshot; empty for
 *     the initial snapshot
 * @param nextNodeId the node to run next; empty when the workflow has finished
 * @param json the values as a JSON object, keys to values
 * @param createdAt when the entry was written
 */
public record Checkpoint(
    String executionId,
    long step,
    Kind kind,
    Optional<String> nodeId,
    Optional<String> nextNodeId,
    String json,
    Instant createdAt) {

  /** What a checkpoint's JSON holds. */
  public enum Kind {
    /** The whole state. */
    SNAPSHOT,
    /** The keys one node wrote, before reducers were applied. */
    UPDATE
  }

  /** Validates the components. */
  public Checkpoint {
    requireNonNull(executionId, "executionId");
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0 but was " + step);
    }
    requireNonNull(kind, "kind");
    nodeId = nodeId == null ? Optional.empty() : nodeId;
    nextNodeId = nextNodeId == null ? Optional.empty() : nextNodeId;
    requireNonNull(json, "json");
    requireNonNull(createdAt, "createdAt");
  }

  /**
   * The size of the entry's values as stored, in UTF-16 code units of its JSON text.
   *
   * @return the length of {@link #json()}
   */
  public int size() {
    return json.length();
  }
}
