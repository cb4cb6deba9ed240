package dev.workflowengine.core;

/**
 * A node as declared to the builder.
 *
 * @param id the node id
 * @param index its position among declared nodes, used in problem locations
 * @param kind what sort of node
 * @param action what it runs; {@code null} for human steps, whose update is the resume input
 * @param human the human step, for {@link Kind#HUMAN} nodes
 * @param child the child workflow, for {@link Kind#SUBWORKFLOW} nodes
 */
record NodeSpec(
    String id, int index, Kind kind, NodeAction action, HumanStep human, Workflow child) {

  enum Kind {
    ACTION,
    HUMAN,
    SUBWORKFLOW
  }

  String location() {
    return "nodes[" + index + "]";
  }
}
