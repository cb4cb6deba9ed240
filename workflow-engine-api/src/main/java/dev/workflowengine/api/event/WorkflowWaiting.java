package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * The execution paused at a human step. Wire name {@code workflow_waiting}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param nodeId the human step
 * @param prompt what the person is asked
 * @param timeoutAt when the wait times out, if it does
 */
public record WorkflowWaiting(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("node_id") String nodeId,
    @JsonProperty("prompt") String prompt,
    @JsonProperty("timeout_at") Optional<Instant> timeoutAt)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public WorkflowWaiting {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(nodeId, "nodeId");
    requireNonNull(prompt, "prompt");
    timeoutAt = timeoutAt == null ? Optional.empty() : timeoutAt;
  }

  @Override
  public String type() {
    return "workflow_waiting";
  }
}
