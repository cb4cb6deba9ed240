package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * The execution stopped with an error. Wire name {@code workflow_failed}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param nodeId the node that failed, when a node is to blame
 * @param errorType the simple class name of the failure
 * @param error what went wrong and what to do
 */
public record WorkflowFailed(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("node_id") Optional<String> nodeId,
    @JsonProperty("error_type") String errorType,
    @JsonProperty("error") String error)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public WorkflowFailed {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    nodeId = nodeId == null ? Optional.empty() : nodeId;
    requireNonNull(errorType, "errorType");
    requireNonNull(error, "error");
  }

  @Override
  public String type() {
    return "workflow_failed";
  }
}
