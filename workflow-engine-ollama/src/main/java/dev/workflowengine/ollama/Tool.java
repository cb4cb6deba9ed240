package dev.workflowengine.ollama;

import java.util.Map;
import java.util.Objects;

/**
 * A function the model may call, sent in a chat request's {@code tools} as {@code {"type":
 * "function", "function": {...}}}. The parameters are a JSON schema of the arguments. Immutable;
 * the schema is deep-copied.
 *
 * <pre>{@code
 * Tool weather = Tool.of("get_weather", "Current weather in a city", Map.of(
 *     "type", "object",
 *     "properties", Map.of("city", Map.of("type", "string")),
 *     "required", List.of("city")));
 * }</pre>
 *
 * @param name the function name the model calls it by
 * @param description what it does, for the model; may be empty
 * @param parameters the JSON schema of its arguments
 */
public record Tool(String name, String description, Map<String, Object> parameters) {

  /** Validates and copies the components. */
  public Tool {
    Checks.requireText(name, "name");
    description = Objects.requireNonNullElse(description, "");
    parameters = JsonCopies.object(Objects.requireNonNull(parameters, "parameters"), "parameters");
  }

  /**
   * A tool with a schema given as maps and lists.
   *
   * @param name the function name
   * @param description what it does
   * @param parameters the JSON schema of its arguments
   * @return the tool
   */
  public static Tool of(String name, String description, Map<String, ?> parameters) {
    return new Tool(
        name,
        description,
        JsonCopies.object(Objects.requireNonNull(parameters, "parameters"), "parameters"));
  }

  /**
   * A tool with a schema given as JSON text.
   *
   * @param name the function name
   * @param description what it does
   * @param parametersJson the JSON schema of its arguments, a JSON object
   * @return the tool
   */
  public static Tool of(String name, String description, String parametersJson) {
    return new Tool(name, description, OllamaJson.parseObject(parametersJson, "parameters"));
  }
}
