package dev.workflowengine.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The rules a parallel fan-out must follow so that its branches can run concurrently and meet
 * again: each branch is one node that is not a human step, with a single unconditional edge, and
 * every branch leads to the same join node.
 */
final class FanOutRules {

  private final GraphSpec spec;
  private final Map<String, NodeSpec> nodes;
  private final BiConsumer<String, String> problems;

  FanOutRules(GraphSpec spec, Map<String, NodeSpec> nodes, BiConsumer<String, String> problems) {
    this.spec = spec;
    this.nodes = nodes;
    this.problems = problems;
  }

  void check(String from, String location, List<EdgeSpec> branches) {
    Set<String> seen = new HashSet<>();
    Map<String, String> joins = new LinkedHashMap<>();
    for (EdgeSpec branch : branches) {
      String target = branch.to();
      if (!seen.add(target)) {
        problems.accept(
            branch.location(), "fan-out from '" + from + "' lists '" + target + "' twice");
        continue;
      }
      if (target.equals(Workflow.END)) {
        problems.accept(
            branch.location(),
            "fan-out from '"
                + from
                + "' cannot have "
                + Workflow.END
                + " as a branch; end after the join");
        continue;
      }
      NodeSpec node = nodes.get(target);
      if (node == null) {
        continue; // reported as an unknown target already
      }
      checkBranch(from, node).ifPresent(join -> joins.put(target, join));
    }
    if (new HashSet<>(joins.values()).size() > 1) {
      List<String> paths = new ArrayList<>();
      joins.forEach((branch, join) -> paths.add(branch + " -> " + join));
      problems.accept(
          location,
          "branches of the fan-out from '"
              + from
              + "' must all lead to the same join node, but "
              + String.join(", ", paths)
              + "; make each branch a single node (a sub-workflow for longer branches)");
    }
  }

  private Optional<String> checkBranch(String from, NodeSpec node) {
    if (node.kind() == NodeSpec.Kind.HUMAN) {
      problems.accept(
          node.location(),
          "human step '" + node.id() + "' cannot be a parallel branch of '" + from + "'");
      return Optional.empty();
    }
    List<EdgeSpec> out = spec.outgoing(node.id());
    boolean single = out.size() == 1 && !out.get(0).isConditional();
    if (!single || spec.route(node.id()).isPresent()) {
      problems.accept(
          node.location(),
          "parallel branch '"
              + node.id()
              + "' of '"
              + from
              + "' must have exactly one unconditional edge, to the join node");
      return Optional.empty();
    }
    return Optional.of(out.get(0).to());
  }
}
