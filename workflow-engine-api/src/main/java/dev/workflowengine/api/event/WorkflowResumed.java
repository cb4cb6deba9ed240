package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A person answered a human step and the execution continues. Wire name {@code workflow_resumed}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param nodeId the human step that was answered
 * @param input what the person provided
 */
public record WorkflowResumed(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("node_id") String nodeId,
    @JsonProperty("input") Map<String, Object> input)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public WorkflowResumed {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(nodeId, "nodeId");
    input = input == null ? Map.of() : Map.copyOf(input);
  }

  @Override
  public String type() {
    return "workflow_resumed";
  }
}
