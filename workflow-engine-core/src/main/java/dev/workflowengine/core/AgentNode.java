package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * How an {@code agent} node of a definition uses its agent: the node, the task it gives the agent,
 * and where the answer goes.
 *
 * @param nodeId the node
 * @param prompt the task as rendered from the state, if the node sets one
 * @param outputKey the state key the agent's answer is written to
 */
public record AgentNode(
    String nodeId, Optional<Function<WorkflowState, String>> prompt, String outputKey) {

  /** Validates the components. */
  public AgentNode {
    requireNonNull(nodeId, "nodeId");
    prompt = prompt == null ? Optional.empty() : prompt;
    requireNonNull(outputKey, "outputKey");
  }
}
