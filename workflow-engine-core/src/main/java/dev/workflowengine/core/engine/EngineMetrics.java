package dev.workflowengine.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of what an engine has done since it started. An execution is counted right after its
 * record changes, so a caller that has just seen a record finish may read a snapshot a moment
 * before it counts that execution.
 *
 * @param started executions a worker started
 * @param completed executions that completed
 * @param failed executions that failed
 * @param cancelled executions that were cancelled
 * @param averageDuration the mean run time of finished executions, start to end
 * @param p95Duration the 95th percentile of the same, over the most recent executions
 * @param queueDepth executions waiting in the queue now
 * @param running executions this engine's workers are running now
 * @param nodes per node, keyed {@code workflowId/nodeId}
 */
public record EngineMetrics(
    long started,
    long completed,
    long failed,
    long cancelled,
    Duration averageDuration,
    Duration p95Duration,
    int queueDepth,
    int running,
    Map<String, NodeMetrics> nodes) {

  /** Validates the components. */
  public EngineMetrics {
    requireNonNull(averageDuration, "averageDuration");
    requireNonNull(p95Duration, "p95Duration");
    nodes = Map.copyOf(nodes);
  }

  /**
   * The share of finished executions that completed.
   *
   * @return from 0 to 1; 1 when nothing has finished yet
   */
  public double successRate() {
    long finished = completed + failed + cancelled;
    return finished == 0 ? 1.0 : (double) completed / finished;
  }

  /**
   * Timings and failures of one node.
   *
   * @param completed attempts that succeeded
   * @param failures attempts that failed
   * @param averageDuration the mean duration of successful attempts
   * @param maxDuration the longest successful attempt
   */
  public record NodeMetrics(
      long completed, long failures, Duration averageDuration, Duration maxDuration) {

    /** Validates the components. */
    public NodeMetrics {
      requireNonNull(averageDuration, "averageDuration");
      requireNonNull(maxDuration, "maxDuration");
    }
  }
}
