package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * The execution reached the end. Wire name {@code workflow_completed}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param output the final state
 * @param durationMs how long it ran, in milliseconds
 */
public record WorkflowCompleted(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("output") Map<String, Object> output,
    @JsonProperty("duration_ms") long durationMs)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public WorkflowCompleted {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    output = output == null ? Map.of() : Map.copyOf(output);
  }

  @Override
  public String type() {
    return "workflow_completed";
  }
}
