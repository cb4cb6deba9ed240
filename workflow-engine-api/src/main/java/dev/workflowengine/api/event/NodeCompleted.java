package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node finished and its update was checkpointed. Wire name {@code node_completed}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param nodeId the node
 * @param attempt the attempt that succeeded, from 1
 * @param durationMs how long the attempt took, in milliseconds
 * @param update the state keys the node wrote, with their new values; a key mapped to null was
 *     removed
 * @param details node-specific details such as tool calls and their results; empty for plain nodes
 */
public record NodeCompleted(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("node_id") String nodeId,
    @JsonProperty("attempt") int attempt,
    @JsonProperty("duration_ms") long durationMs,
    @JsonProperty("update") Map<String, Object> update,
    @JsonProperty("details") Map<String, Object> details)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public NodeCompleted {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(nodeId, "nodeId");
    // A null value is part of an update: the node removed that key.
    update = update == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(update));
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  @Override
  public String type() {
    return "node_completed";
  }
}
