package dev.workflowengine.core;

import dev.workflowengine.api.definition.NodeDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code subworkflow} nodes: a catalog workflow run as one step, with key mappings. */
final class SubworkflowNodes {

  private static final Set<String> SETTINGS = Set.of("workflow", "input", "output");

  private SubworkflowNodes() {}

  /** A compiled sub-workflow node. */
  record Compiled(Workflow child, Map<String, String> input, Map<String, String> output) {}

  static Optional<Compiled> compile(
      NodeDefinition node, String location, DefinitionContext context) {
    ConfigReader config = context.config(node.config(), location + ".config");
    config.allowOnly("subworkflow", SETTINGS);
    Map<String, String> input = config.stringMap("input");
    Map<String, String> output = config.stringMap("output");
    if (output.isEmpty()) {
      context.writesUnknownKeys();
    }
    output.keySet().forEach(context::writes);
    Optional<String> id = config.requiredString("workflow");
    Optional<Workflow> child = id.flatMap(context.catalog::workflow);
    if (id.isPresent() && child.isEmpty()) {
      config.problem(
          "workflow",
          "unknown workflow '"
              + id.get()
              + "'"
              + Suggestions.hint(id.get(), context.catalog.workflowIds())
              + "; the catalog has "
              + context.catalog.workflowIds());
    }
    return child.map(c -> new Compiled(c, input, output));
  }
}
