package dev.workflowengine.spring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request before anything reaches the engine, so a caller learns all of
 * them from one 400 rather than one per attempt.
 */
final class RequestChecks {

  // The engine's own rules for workflow ids, and a safe superset of the execution ids it issues.
  private static final Pattern WORKFLOW_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,127}");
  private static final Pattern EXECUTION_ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,199}");

  private final List<ValidationProblem> problems = new ArrayList<>();

  RequestChecks workflowId(String location, String id) {
    if (id == null || !WORKFLOW_ID.matcher(id).matches()) {
      problem(
          location,
          "must be 1 to 128 letters, digits, '_', '.', ':' or '-', starting with a"
              + " letter or digit");
    }
    return this;
  }

  RequestChecks executionId(String id) {
    if (id == null || !EXECUTION_ID.matcher(id).matches()) {
      problem("execution_id", "is not an execution id");
    }
    return this;
  }

  RequestChecks range(String location, int value, int min, int max) {
    if (value < min || value > max) {
      problem(location, "must be from " + min + " to " + max + " but was " + value);
    }
    return this;
  }

  RequestChecks problem(String location, String message) {
    problems.add(new ValidationProblem(location, message));
    return this;
  }

  /** The object at a field, empty if the field is absent; any other value is a problem. */
  Map<String, Object> object(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      problem(field, "must be a JSON object");
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = WireJson.convert(value, Map.class);
    return map;
  }

  /** The text at a field, null if absent; a non-text or over-long value is a problem. */
  String text(JsonNode body, String field, int maxLength, boolean required) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        problem(field, "is required");
      }
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problem(field, "must be a non-blank string");
      return null;
    }
    if (value.asText().length() > maxLength) {
      problem(field, "must be at most " + maxLength + " characters");
      return null;
    }
    return value.asText();
  }

  /** The positive integer at a field, null if absent. */
  Integer positiveInt(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isInt() || value.asInt() < 1) {
      problem(field, "must be a positive integer");
      return null;
    }
    return value.asInt();
  }

  /** Throws the 400 listing every problem, if there is any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException("request", problems);
    }
  }
}
