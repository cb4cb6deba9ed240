package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A worker started running the execution; the first event of every execution. Wire name {@code
 * workflow_started}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param workflowVersion the version of the workflow being run
 * @param userId the owner of the execution
 */
public record WorkflowStarted(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("workflow_version") int workflowVersion,
    @JsonProperty("user_id") String userId)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public WorkflowStarted {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(userId, "userId");
  }

  @Override
  public String type() {
    return "workflow_started";
  }
}
