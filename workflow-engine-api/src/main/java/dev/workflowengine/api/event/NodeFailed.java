package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An attempt of a node failed. Wire name {@code node_failed}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param nodeId the node
 * @param attempt the attempt that failed, from 1
 * @param errorType the simple class name of the failure
 * @param error what went wrong
 * @param willRetry whether the node's policy will try again
 */
public record NodeFailed(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("node_id") String nodeId,
    @JsonProperty("attempt") int attempt,
    @JsonProperty("error_type") String errorType,
    @JsonProperty("error") String error,
    @JsonProperty("will_retry") boolean willRetry)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public NodeFailed {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(nodeId, "nodeId");
    requireNonNull(errorType, "errorType");
    requireNonNull(error, "error");
  }

  @Override
  public String type() {
    return "node_failed";
  }
}
