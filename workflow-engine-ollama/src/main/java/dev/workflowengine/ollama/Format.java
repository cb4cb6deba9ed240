package dev.workflowengine.ollama;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape Ollama must give its answer, sent as {@code format}: any JSON ({@link #JSON}), or JSON
 * matching a JSON schema ({@link #schema(Map)}). Immutable; the schema is deep-copied.
 *
 * <pre>{@code
 * Format answer = Format.schema(Map.of(
 *     "type", "object",
 *     "properties", Map.of("age", Map.of("type", "integer")),
 *     "required", List.of("age")));
 * }</pre>
 *
 * @param schema the JSON schema, or empty for plain JSON mode
 */
public record Format(Optional<Map<String, Object>> schema) {

  /** JSON mode: {@code "format": "json"}. */
  public static final Format JSON = new Format(Optional.empty());

  /** Copies the schema. */
  public Format {
    schema =
        Objects.requireNonNullElse(schema, Optional.<Map<String, Object>>empty())
            .map(map -> JsonCopies.object(map, "schema"));
  }

  /**
   * Answers matching a JSON schema.
   *
   * @param schema the schema as JSON-shaped maps and lists; not empty
   * @return the format
   */
  public static Format schema(Map<String, ?> schema) {
    Objects.requireNonNull(schema, "schema");
    if (schema.isEmpty()) {
      throw new IllegalArgumentException(
          "schema is empty; give a JSON schema such as {\"type\": \"object\", ...} or use"
              + " Format.JSON");
    }
    return new Format(Optional.of(JsonCopies.object(schema, "schema")));
  }

  /**
   * Answers matching a JSON schema given as JSON text.
   *
   * @param schemaJson the schema, a JSON object
   * @return the format
   */
  public static Format schema(String schemaJson) {
    return schema(OllamaJson.parseObject(schemaJson, "schema"));
  }
}
