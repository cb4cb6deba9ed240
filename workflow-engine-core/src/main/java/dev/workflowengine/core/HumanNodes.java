package dev.workflowengine.core;

import dev.workflowengine.api.definition.NodeDefinition;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code human} nodes: a templated prompt, the typed input the person must give, and an optional
 * timeout with the answer given in their place.
 */
final class HumanNodes {

  private static final Set<String> SETTINGS = Set.of("prompt", "input", "timeout", "onTimeout");

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
    if (!valid || !timeout(config, node.config(), step)) {
      return Optional.empty();
    }
    return Optional.of(step.build());
  }

  /** Reads {@code timeout} and {@code onTimeout}; false if they are invalid (and reported). */
  private static boolean timeout(
      ConfigReader config, Map<String, Object> settings, HumanStep.Builder step) {
    Optional<String> limit = config.optionalString("timeout");
    Map<String, Object> answer = config.objectMap("onTimeout");
    if (limit.isEmpty()) {
      if (settings.containsKey("onTimeout")) {
        config.problem("onTimeout", "needs a timeout; add \"timeout\", for example \"PT24H\"");
        return false;
      }
      return !settings.containsKey("timeout");
    }
    Duration duration;
    try {
      duration = Duration.parse(limit.get());
    } catch (DateTimeParseException e) {
      config.problem("timeout", "'" + limit.get() + "' is not an ISO-8601 duration such as PT24H");
      return false;
    }
    try {
      if (settings.containsKey("onTimeout")) {
        step.timeout(duration, answer);
      } else {
        step.timeout(duration);
      }
      step.build(); // checks the answer against the required input
      return true;
    } catch (IllegalArgumentException e) {
      config.problem(settings.containsKey("onTimeout") ? "onTimeout" : "timeout", e.getMessage());
      return false;
    }
  }
}
