package dev.workflowengine.core;

import dev.workflowengine.api.ValidationProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds every structural problem of a graph at once: ids, dangling edges, missing start, dead ends,
 * unreachable nodes, loops without exit and broken fan-outs.
 */
final class GraphValidator {

  static final Pattern NODE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");

  private final GraphSpec spec;
  private final Map<String, NodeSpec> nodes;
  private final List<ValidationProblem> problems = new ArrayList<>();

  private GraphValidator(GraphSpec spec) {
    this.spec = spec;
    this.nodes = spec.nodesById();
  }

  static List<ValidationProblem> validate(GraphSpec spec) {
    GraphValidator validator = new GraphValidator(spec);
    validator.checkNodeIds();
    validator.checkEdgeEnds();
    validator.checkRoutes();
    validator.checkTransitions();
    validator.checkReachability();
    validator.checkPolicies();
    return List.copyOf(validator.problems);
  }

  private void problem(String location, String message) {
    problems.add(new ValidationProblem(location, message));
  }

  private void checkNodeIds() {
    Map<String, NodeSpec> first = new HashMap<>();
    for (NodeSpec node : spec.nodes()) {
      if (!NODE_ID.matcher(node.id()).matches()) {
        problem(
            node.location(),
            "node id '"
                + node.id()
                + "' is invalid: use letters, digits, '_', '-' or '.', start with a letter,"
                + " at most 64 characters");
      }
      NodeSpec earlier = first.putIfAbsent(node.id(), node);
      if (earlier != null) {
        problem(
            node.location(),
            "duplicate node id '" + node.id() + "', first declared at " + earlier.location());
      }
      if (node.child() != null && node.child().spec().hasHumanSteps()) {
        problem(
            node.location(),
            "sub-workflow '"
                + node.child().id()
                + "' of node '"
                + node.id()
                + "' waits for a person; human steps are only supported in the top-level workflow");
      }
    }
  }

  private void checkEdgeEnds() {
    for (EdgeSpec edge : spec.edges()) {
      if (edge.from().equals(Workflow.END)) {
        problem(edge.location(), "an edge cannot leave " + Workflow.END);
      } else if (!edge.from().equals(Workflow.START) && !nodes.containsKey(edge.from())) {
        problem(
            edge.location(), "edge from unknown node '" + edge.from() + "'" + hint(edge.from()));
      }
      if (edge.to().equals(Workflow.START)) {
        problem(edge.location(), "an edge cannot lead to " + Workflow.START);
      } else if (!edge.to().equals(Workflow.END) && !nodes.containsKey(edge.to())) {
        problem(edge.location(), "edge to unknown node '" + edge.to() + "'" + hint(edge.to()));
      }
      if (edge.isConditional() && edge.from().equals(Workflow.START)) {
        problem(edge.location(), "the edge from the start cannot have a condition");
      }
    }
  }

  private void checkRoutes() {
    Set<String> seen = new HashSet<>();
    for (RouteSpec route : spec.routes()) {
      if (!seen.add(route.from())) {
        problem(
            route.location(), "node '" + route.from() + "' has more than one route; merge them");
      }
      if (!nodes.containsKey(route.from())) {
        problem(
            route.location(),
            "route from unknown node '" + route.from() + "'" + hint(route.from()));
      }
      for (String target : route.targets()) {
        if (!target.equals(Workflow.END) && !nodes.containsKey(target)) {
          problem(
              route.location(),
              "route from '"
                  + route.from()
                  + "' names unknown target '"
                  + target
                  + "'"
                  + hint(target));
        }
      }
    }
  }

  private String hint(String unknown) {
    Set<String> candidates = new LinkedHashSet<>(nodes.keySet());
    candidates.add(Workflow.END);
    if (unknown.equalsIgnoreCase("end") || unknown.equalsIgnoreCase("__END__")) {
      return " (the end is written " + Workflow.END + ")";
    }
    return Suggestions.hint(unknown, candidates);
  }

  private void checkTransitions() {
    if (spec.outgoing(Workflow.START).isEmpty()) {
      problem(
          "startNode",
          "the workflow has no start node: set startNode in a definition, or call start(nodeId) on"
              + " the builder");
    } else {
      checkOutgoing(Workflow.START, "startNode");
    }
    for (NodeSpec node : nodes.values()) {
      boolean hasRoute = spec.route(node.id()).isPresent();
      List<EdgeSpec> edges = spec.outgoing(node.id());
      if (!hasRoute && edges.isEmpty()) {
        problem(
            node.location(),
            "node '"
                + node.id()
                + "' has no outgoing edge; add an edge to the next node or to "
                + Workflow.END);
      } else if (hasRoute && !edges.isEmpty()) {
        problem(
            node.location(),
            "node '"
                + node.id()
                + "' has both a route and edges; choose the next node in one place");
      } else if (!hasRoute) {
        checkOutgoing(node.id(), node.location());
      }
    }
  }

  private void checkOutgoing(String from, String location) {
    List<EdgeSpec> edges = spec.outgoing(from);
    List<EdgeSpec> unconditional = edges.stream().filter(e -> !e.isConditional()).toList();
    boolean conditional = unconditional.size() < edges.size();
    if (conditional && unconditional.size() > 1) {
      problem(
          location,
          "'"
              + from
              + "' has conditional edges and "
              + unconditional.size()
              + " unconditional ones; keep at most one unconditional edge as the fallback");
    } else if (!conditional && unconditional.size() > 1) {
      new FanOutRules(spec, nodes, this::problem).check(from, location, unconditional);
    }
  }

  private void checkReachability() {
    if (spec.outgoing(Workflow.START).isEmpty()) {
      return;
    }
    Map<String, Set<String>> successors = successors();
    Set<String> reachable = closure(Set.of(Workflow.START), successors);
    Map<String, Set<String>> predecessors = invert(successors);
    Set<String> canFinish = closure(pathEnds(successors), predecessors);
    for (NodeSpec node : nodes.values()) {
      if (!reachable.contains(node.id())) {
        problem(node.location(), "node '" + node.id() + "' is unreachable from the start");
      } else if (!canFinish.contains(node.id())) {
        problem(
            node.location(),
            "node '"
                + node.id()
                + "' can never reach "
                + Workflow.END
                + ": it is in a loop with no exit; add an edge or condition that leads out of it");
      }
    }
  }

  private Map<String, Set<String>> successors() {
    Map<String, Set<String>> successors = new HashMap<>();
    for (EdgeSpec edge : spec.edges()) {
      successors.computeIfAbsent(edge.from(), k -> new LinkedHashSet<>()).add(edge.to());
    }
    for (RouteSpec route : spec.routes()) {
      Set<String> targets = successors.computeIfAbsent(route.from(), k -> new LinkedHashSet<>());
      if (route.targetsDeclared()) {
        targets.addAll(route.targets());
      } else {
        targets.addAll(nodes.keySet());
        targets.add(Workflow.END);
      }
    }
    return successors;
  }

  /**
   * The end, plus the dead ends already reported as problems of their own (a node without outgoing
   * edge, an unknown target), so that the nodes leading to them are not also reported as stuck in a
   * loop.
   */
  private Set<String> pathEnds(Map<String, Set<String>> successors) {
    Set<String> ends = new HashSet<>();
    ends.add(Workflow.END);
    for (String node : nodes.keySet()) {
      if (!successors.containsKey(node)) {
        ends.add(node);
      }
    }
    for (Set<String> targets : successors.values()) {
      for (String target : targets) {
        if (!target.equals(Workflow.START) && !nodes.containsKey(target)) {
          ends.add(target);
        }
      }
    }
    return ends;
  }

  private static Map<String, Set<String>> invert(Map<String, Set<String>> successors) {
    Map<String, Set<String>> predecessors = new HashMap<>();
    successors.forEach(
        (from, targets) ->
            targets.forEach(
                to -> predecessors.computeIfAbsent(to, k -> new HashSet<>()).add(from)));
    return predecessors;
  }

  private static Set<String> closure(Set<String> origins, Map<String, Set<String>> next) {
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(origins);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      if (seen.add(current)) {
        queue.addAll(next.getOrDefault(current, Set.of()));
      }
    }
    return seen;
  }

  private void checkPolicies() {
    for (String nodeId : spec.resources().keySet()) {
      if (!nodes.containsKey(nodeId)) {
        problem(
            "resources[" + nodeId + "]",
            "resource named for unknown node '" + nodeId + "'" + hint(nodeId));
      }
    }
    for (String nodeId : spec.policies().keySet()) {
      if (!nodes.containsKey(nodeId)) {
        problem(
            "policies[" + nodeId + "]", "policy for unknown node '" + nodeId + "'" + hint(nodeId));
      }
    }
  }
}
