package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Where a run stands between two nodes: everything needed to continue it, in this process or
 * another. A run paused at a human step, cancelled, or rebuilt from checkpoints has one.
 *
 * @param state the state after the last node that ran
 * @param lastNodeId the last node that ran, or {@link Workflow#START} if none did
 * @param nextNodeId the node to run next; empty when the run has finished
 * @param step how many checkpoint entries the run has written, minus one; 0 right after the start
 */
public record RunPosition(
    Map<String, Object> state, String lastNodeId, Optional<String> nextNodeId, long step) {

  /** Validates the components. */
  public RunPosition {
    requireNonNull(state, "state");
    requireNonNull(lastNodeId, "lastNodeId");
    nextNodeId = nextNodeId == null ? Optional.empty() : nextNodeId;
  }

  /**
   * Whether the run reached the end.
   *
   * @return {@code true} when no node is left to run
   */
  public boolean isFinished() {
    return nextNodeId.isEmpty();
  }
}
