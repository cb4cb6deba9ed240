package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A node began an attempt. Wire name {@code node_started}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param nodeId the node
 * @param attempt the attempt number, from 1
 */
public record NodeStarted(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("node_id") String nodeId,
    @JsonProperty("attempt") int attempt)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public NodeStarted {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(nodeId, "nodeId");
  }

  @Override
  public String type() {
    return "node_started";
  }
}
