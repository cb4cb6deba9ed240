package dev.workflowengine.core;

/**
 * An edge as declared to the builder.
 *
 * @param index its position among declared edges, or -1 for the start set by {@code start(id)}
 * @param from the source node id or {@link Workflow#START}
 * @param to the target node id or {@link Workflow#END}
 * @param condition the guard, or {@code null} for an unconditional edge
 * @param label how the guard reads in diagrams; empty when unconditional
 */
record EdgeSpec(int index, String from, String to, Condition condition, String label) {

  boolean isConditional() {
    return condition != null;
  }

  String location() {
    return index < 0 ? "startNode" : "edges[" + index + "]";
  }
}
