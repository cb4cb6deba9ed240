package dev.workflowengine.api.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Something that happened to an execution, in the order it happened. Every transition of an
 * execution publishes one; subscribers can start from any {@link #sequence()} and receive the rest
 * exactly once, in order.
 *
 * <p>On the wire (JSON, and SSE event names) each event is an object whose {@code type} is its wire
 * name ({@code workflow_started}, {@code node_completed}, {@code token}, …) and whose fields are
 * snake_case. The hierarchy is sealed, so the set of event types is closed:
 *
 * <pre>{@code
 * if (event instanceof Token token) {
 *   System.out.print(token.chunk());
 * } else if (event.isTerminal()) {
 *   System.out.println("\n" + event.type());
 * }
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WorkflowStarted.class, name = "workflow_started"),
  @JsonSubTypes.Type(value = NodeStarted.class, name = "node_started"),
  @JsonSubTypes.Type(value = NodeCompleted.class, name = "node_completed"),
  @JsonSubTypes.Type(value = NodeFailed.class, name = "node_failed"),
  @JsonSubTypes.Type(value = Token.class, name = "token"),
  @JsonSubTypes.Type(value = WorkflowWaiting.class, name = "workflow_waiting"),
  @JsonSubTypes.Type(value = WorkflowResumed.class, name = "workflow_resumed"),
  @JsonSubTypes.Type(value = WorkflowCompleted.class, name = "workflow_completed"),
  @JsonSubTypes.Type(value = WorkflowFailed.class, name = "workflow_failed"),
  @JsonSubTypes.Type(value = WorkflowCancelled.class, name = "workflow_cancelled")
})
public sealed interface WorkflowEvent
    permits WorkflowStarted,
        NodeStarted,
        NodeCompleted,
        NodeFailed,
        Token,
        WorkflowWaiting,
        WorkflowResumed,
        WorkflowCompleted,
        WorkflowFailed,
        WorkflowCancelled {

  /**
   * The execution the event belongs to.
   *
   * @return the execution id
   */
  String executionId();

  /**
   * The workflow the execution runs.
   *
   * @return the workflow id
   */
  String workflowId();

  /**
   * The event's position in its execution's stream: 1, 2, 3 … with no gaps.
   *
   * @return the sequence
   */
  long sequence();

  /**
   * When it happened.
   *
   * @return the instant
   */
  Instant timestamp();

  /**
   * The wire name, used as the JSON {@code type} and the SSE event name.
   *
   * @return for example {@code node_completed}
   */
  @JsonIgnore
  String type();

  /**
   * Whether this event ends its execution's stream: nothing follows it.
   *
   * @return {@code true} for completed, failed and cancelled
   */
  @JsonIgnore
  default boolean isTerminal() {
    return this instanceof WorkflowCompleted
        || this instanceof WorkflowFailed
        || this instanceof WorkflowCancelled;
  }
}
