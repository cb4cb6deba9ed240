package dev.workflowengine.core;

import dev.workflowengine.api.definition.NodePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Everything a builder was told, frozen. Validated by {@link GraphValidator} and compiled by {@link
 * GraphCompiler}.
 */
record GraphSpec(
    String id,
    int version,
    String description,
    List<NodeSpec> nodes,
    List<EdgeSpec> edges,
    List<RouteSpec> routes,
    Map<String, Reducer> reducers,
    Map<String, NodePolicy> policies,
    Map<String, String> resources,
    Set<String> requiredInput,
    int maxSteps,
    Executor parallelExecutor) {

  /** The first declaration of each node id, in declaration order. */
  Map<String, NodeSpec> nodesById() {
    Map<String, NodeSpec> byId = new LinkedHashMap<>();
    for (NodeSpec node : nodes) {
      byId.putIfAbsent(node.id(), node);
    }
    return byId;
  }

  /** Edges leaving a node or {@link Workflow#START}, in declaration order. */
  List<EdgeSpec> outgoing(String from) {
    List<EdgeSpec> result = new ArrayList<>();
    for (EdgeSpec edge : edges) {
      if (edge.from().equals(from)) {
        result.add(edge);
      }
    }
    return result;
  }

  /** The route leaving a node, if it has one. */
  Optional<RouteSpec> route(String from) {
    return routes.stream().filter(route -> route.from().equals(from)).findFirst();
  }

  /** Whether any node, here or in a sub-workflow, waits for a person. */
  boolean hasHumanSteps() {
    return nodes.stream()
        .anyMatch(
            node ->
                node.kind() == NodeSpec.Kind.HUMAN
                    || (node.child() != null && node.child().spec().hasHumanSteps()));
  }
}
