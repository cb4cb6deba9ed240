package dev.workflowengine.core;

import dev.workflowengine.api.ValidationProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a node's {@code config} with typed getters that record a problem, with its location, for
 * every missing, mistyped or unknown setting instead of stopping at the first.
 */
final class ConfigReader {

  private final Map<String, Object> config;
  private final String location;
  private final List<ValidationProblem> problems;

  ConfigReader(Map<String, Object> config, String location, List<ValidationProblem> problems) {
    this.config = config;
    this.location = location;
    this.problems = problems;
  }

  String location(String key) {
    return location + "." + key;
  }

  void problem(String key, String message) {
    problems.add(new ValidationProblem(location(key), message));
  }

  /** Records a problem for every setting not in {@code known}, suggesting the closest one. */
  void allowOnly(String nodeType, Set<String> known) {
    for (String key : config.keySet()) {
      if (!known.contains(key)) {
        problem(
            key,
            "unknown setting for the "
                + nodeType
                + " node type"
                + Suggestions.hint(key, known)
                + "; known settings: "
                + known.stream().sorted().toList());
      }
    }
  }

  Optional<String> optionalString(String key) {
    Object value = config.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text && !text.isBlank()) {
      return Optional.of(text);
    }
    problem(key, "must be a non-empty string");
    return Optional.empty();
  }

  Optional<String> requiredString(String key) {
    if (!config.containsKey(key)) {
      problem(key, "is required");
      return Optional.empty();
    }
    return optionalString(key);
  }

  /** A JSON object setting whose values are all strings. */
  Map<String, String> stringMap(String key) {
    Object value = config.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      problem(key, "must be an object");
      return Map.of();
    }
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach(
        (name, element) -> {
          if (element instanceof String text && !text.isBlank()) {
            strings.put((String) name, text);
          } else {
            problem(key + "." + name, "must be a non-empty string");
          }
        });
    return strings;
  }

  /** A JSON object setting, values as they are. */
  @SuppressWarnings("unchecked")
  Map<String, Object> objectMap(String key) {
    Object value = config.get(key);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    problem(key, "must be an object");
    return Map.of();
  }
}
