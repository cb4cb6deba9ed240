package dev.workflowengine.api.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * A transition between two nodes of a {@link WorkflowDefinition}.
 *
 * <p>From one node, either every outgoing edge is unconditional and there is one of them (a plain
 * step) or several (a parallel fan-out), or the edges carry {@code when} conditions that are tried
 * in order with at most one unconditional edge as the fallback.
 *
 * @param from the source node id
 * @param to the target node id, or {@code __end__} to finish the workflow
 * @param when a CEL expression over {@code state} that must be true to take this edge
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record EdgeDefinition(String from, String to, Optional<String> when) {

  /** The target that finishes a workflow. */
  public static final String END = "__end__";

  /** Normalises the components. */
  public EdgeDefinition {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    when = when == null ? Optional.empty() : when.filter(condition -> !condition.isBlank());
  }

  /**
   * An unconditional edge.
   *
   * @param from the source node id
   * @param to the target node id
   * @return the edge
   */
  public static EdgeDefinition of(String from, String to) {
    return new EdgeDefinition(from, to, Optional.empty());
  }

  /**
   * A conditional edge.
   *
   * @param from the source node id
   * @param to the target node id
   * @param condition a CEL expression over {@code state}, for example {@code state.score > 0.8}
   * @return the edge
   */
  public static EdgeDefinition when(String from, String to, String condition) {
    return new EdgeDefinition(from, to, Optional.of(requireNonNull(condition, "condition")));
  }
}
