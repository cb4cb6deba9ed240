package dev.workflowengine.core.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the JSON object in a model's answer. Models asked for "JSON only" still wrap it in a code
 * fence or a sentence of preamble now and then, so the outermost braces are taken.
 */
final class JsonAnswers {

  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private JsonAnswers() {}

  /**
   * The JSON object in the answer.
   *
   * @return the object, or empty with no braces in the answer
   * @throws JsonProcessingException if the text between the outermost braces is not JSON
   */
  static Optional<Map<String, Object>> object(String answer) throws JsonProcessingException {
    int open = answer.indexOf('{');
    int close = answer.lastIndexOf('}');
    if (open < 0 || close < open) {
      return Optional.empty();
    }
    return Optional.ofNullable(MAPPER.readValue(answer.substring(open, close + 1), MAP));
  }

  /** A value as a string, or empty when absent, null or not a scalar. */
  static Optional<String> string(Map<String, Object> object, String... keys) {
    for (String key : keys) {
      for (Map.Entry<String, Object> entry : object.entrySet()) {
        Object value = entry.getValue();
        if (entry.getKey().equalsIgnoreCase(key)
            && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
          return Optional.of(String.valueOf(value).strip());
        }
      }
    }
    return Optional.empty();
  }
}
