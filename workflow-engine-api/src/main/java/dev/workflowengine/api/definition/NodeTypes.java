package dev.workflowengine.api.definition;

import java.util.Set;

/**
 * The node types a {@link NodeDefinition} can have. Each type's {@code config} is documented in
 * {@code docs/workflow-definition.md}.
 */
public final class NodeTypes {

  /** One call to a chat model with a templated prompt; config {@code prompt}, {@code model}. */
  public static final String LLM = "llm";

  /**
   * An agent, by name from the definition's {@code agents} or the catalog; config {@code agent}.
   */
  public static final String AGENT = "agent";

  /** A tool, by name from the catalog, with templated arguments; config {@code tool}. */
  public static final String TOOL = "tool";

  /** Waits for a person; config {@code prompt} and optional {@code input} keys and timeout. */
  public static final String HUMAN = "human";

  /** Runs another workflow as one step; config {@code workflow}. */
  public static final String SUBWORKFLOW = "subworkflow";

  /** Computes new state values with CEL expressions; config {@code set}. */
  public static final String TRANSFORM = "transform";

  /** Every type above. */
  public static final Set<String> ALL = Set.of(LLM, AGENT, TOOL, HUMAN, SUBWORKFLOW, TRANSFORM);

  private NodeTypes() {}
}
