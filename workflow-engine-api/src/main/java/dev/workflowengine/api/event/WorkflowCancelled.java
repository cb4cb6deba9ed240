package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * The execution was cancelled on request. Wire name {@code workflow_cancelled}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param nodeId the node that was running or waiting when it was cancelled
 * @param reason why, as given by whoever cancelled it
 */
public record WorkflowCancelled(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("node_id") Optional<String> nodeId,
    @JsonProperty("reason") String reason)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public WorkflowCancelled {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    nodeId = nodeId == null ? Optional.empty() : nodeId;
    requireNonNull(reason, "reason");
  }

  @Override
  public String type() {
    return "workflow_cancelled";
  }
}
