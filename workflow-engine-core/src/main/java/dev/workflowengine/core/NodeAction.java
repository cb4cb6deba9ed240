package dev.workflowengine.core;

import java.util.Map;

/**
 * What a node does: reads the state and returns the keys it changes. Agents, model calls, tools,
 * human steps and sub-workflows are all node actions; nothing else in a workflow runs code.
 *
 * <pre>{@code
 * NodeAction extract = state -> Map.of("content", Files.readString(Path.of(state.getString("path"))));
 * }</pre>
 *
 * <p>The returned map is the node's update: keys without a reducer are replaced, keys with one are
 * combined by it (see {@link Reducers}). Values must be immutable or JSON-serialisable, because the
 * state is shared between steps without copying and checkpointed as JSON. An action may be called
 * from several threads at once (parallel branches, concurrent executions), so it must be
 * thread-safe; most are, being functions of their input.
 */
@FunctionalInterface
public interface NodeAction {

  /**
   * Runs the node.
   *
   * @param state the state before the node, read-only
   * @return the update; an empty map changes nothing
   * @throws Exception any failure; it fails the node (and is retried if the node's policy says so)
   */
  Map<String, Object> apply(WorkflowState state) throws Exception;
}
