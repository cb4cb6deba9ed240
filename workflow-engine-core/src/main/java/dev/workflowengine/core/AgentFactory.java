package dev.workflowengine.core;

import dev.workflowengine.api.definition.AgentDefinition;

/**
 * Turns an agent declared in a definition into the node action that runs it. The catalog holds one;
 * the SDK's agents module provides the standard factory, and tests can supply their own.
 *
 * <p>Implementations must be thread-safe and should fail with a {@link
 * dev.workflowengine.api.WorkflowValidationException} when the declaration cannot work.
 */
@FunctionalInterface
public interface AgentFactory {

  /**
   * Creates the action of one {@code agent} node.
   *
   * @param agent the declared agent
   * @param node how the node uses it
   * @param catalog where the agent's model and tools are found
   * @return the action
   */
  NodeAction create(AgentDefinition agent, AgentNode node, Catalog catalog);
}
