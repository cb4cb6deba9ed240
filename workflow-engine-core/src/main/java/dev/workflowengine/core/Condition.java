package dev.workflowengine.core;

/**
 * A test on the state guarding an edge. Of a node's conditional edges, the first whose condition
 * holds is taken; an unconditional edge from the same node is the fallback.
 *
 * <pre>{@code
 * builder.edge("classify", "escalate", state -> state.getString("priority").equals("high"))
 *        .edge("classify", "answer");
 * }</pre>
 *
 * <p>Must be a pure function of the state, for the same reason as {@link Route}.
 */
@FunctionalInterface
public interface Condition {

  /**
   * Tests the state.
   *
   * @param state the state after the source node ran
   * @return whether to take the edge
   * @throws Exception any failure; it fails the source node
   */
  boolean test(WorkflowState state) throws Exception;
}
