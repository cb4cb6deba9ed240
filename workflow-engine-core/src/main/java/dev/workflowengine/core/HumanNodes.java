package dev.workflowengine.core;

import dev.workflowengine.api.definition.NodeDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code human} nodes: a templated prompt and the typed input the person must give. */
final class HumanNodes {

  private static final Set<String> SETTINGS = Set.of("prompt", "input");

  private static final Map<String, Class<?>> TYPES =
      Map.of(
          "string", String.class,
          "boolean", Boolean.class,
          "integer", Long.class,
          "number", Double.class,
          "object", Map.class,
          "array", List.class);

  private HumanNodes() {}

  static Optional<HumanStep> compile(
      NodeDefinition node, String location, DefinitionContext context) {
    ConfigReader config = context.config(node.config(), location + ".config");
    config.allowOnly("human", SETTINGS);
    HumanStep.Builder step = HumanStep.builder();
    Optional<String> promptSource = config.optionalString("prompt");
    boolean valid = true;
    if (promptSource.isPresent()) {
      Optional<Template> prompt = context.template(config.location("prompt"), promptSource.get());
      prompt.ifPresent(t -> step.prompt(t::render));
      valid = prompt.isPresent();
    }
    Map<String, String> input = config.stringMap("input");
    if (input.isEmpty()) {
      context.writesUnknownKeys();
    }
    for (Map.Entry<String, String> entry : input.entrySet()) {
      Class<?> type = TYPES.get(entry.getValue());
      context.writes(entry.getKey());
      if (type == null) {
        config.problem(
            "input." + entry.getKey(),
            "unknown type '"
                + entry.getValue()
                + "'; use one of "
                + TYPES.keySet().stream().sorted().toList());
        valid = false;
      } else {
        step.requireInput(entry.getKey(), type);
      }
    }
    return valid ? Optional.of(step.build()) : Optional.empty();
  }
}
