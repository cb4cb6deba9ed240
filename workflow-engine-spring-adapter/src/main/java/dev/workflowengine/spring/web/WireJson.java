package dev.workflowengine.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.workflowengine.api.WorkflowValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The SDK's JSON, written and read with its own Jackson 2 mapper rather than the application's
 * message converters: the wire format (snake_case event fields, ISO instants, absent values left
 * out) is a contract of the SDK and must not change with the application's {@code spring.jackson}
 * settings or its choice between Jackson 2 and 3.
 */
final class WireJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS))
          .build();

  private WireJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /** A JSON object from a request body; anything else is a 400 naming the body. */
  static JsonNode readObject(String body) {
    if (body == null || body.isBlank()) {
      throw new WorkflowValidationException("request", "body", "a JSON object is required");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new WorkflowValidationException(
          "request", "body", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new WorkflowValidationException("request", "body", "must be a JSON object");
    }
    return node;
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the SDK wrote JSON it cannot read back", e);
    }
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    return MAPPER.convertValue(node, type);
  }

  static ResponseEntity<String> ok(Object body) {
    return status(200, body);
  }

  static ResponseEntity<String> status(int status, Object body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(write(body));
  }
}
