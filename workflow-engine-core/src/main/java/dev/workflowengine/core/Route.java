package dev.workflowengine.core;

/**
 * Chooses the next node from the state: the function behind a conditional edge.
 *
 * <pre>{@code
 * Route review = state -> state.getInt("round") < 3 ? "analyze" : Workflow.END;
 * }</pre>
 *
 * <p>Must be a pure function of the state: it may be evaluated again when an execution is
 * recovered, and must then choose the same way.
 */
@FunctionalInterface
public interface Route {

  /**
   * Chooses the next node.
   *
   * @param state the state after the source node ran
   * @return the id of the next node, or {@link Workflow#END}
   * @throws Exception any failure; it fails the source node
   */
  String next(WorkflowState state) throws Exception;
}
