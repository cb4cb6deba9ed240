package dev.workflowengine.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An agent's output schema: the {@link ResponseFormat} that asks the model for JSON matching it,
 * and the validation of what comes back (JSON Schema 2020-12 through networknt's validator, then,
 * for a record type, conversion to the record). Immutable and thread-safe.
 */
final class StructuredOutput {

  private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final ResponseFormat format;
  private final com.networknt.schema.JsonSchema validator;
  private final Class<?> recordType; // null for a plain schema

  private StructuredOutput(String name, JsonSchemaElement schema, Class<?> recordType) {
    this.format =
        ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name(name).rootElement(schema).build())
            .build();
    Map<String, Object> schemaMap = JsonSchemaElementUtils.toMap(schema);
    this.validator = SCHEMAS.getSchema(MAPPER.valueToTree(schemaMap));
    this.recordType = recordType;
  }

  static StructuredOutput of(String name, JsonSchemaElement schema) {
    return new StructuredOutput(name, schema, null);
  }

  static StructuredOutput of(String name, Class<? extends Record> type) {
    return new StructuredOutput(name, JsonSchemaElementUtils.jsonSchemaElementFrom(type), type);
  }

  ResponseFormat format() {
    return format;
  }

  /** The answer as a JSON value, or the reasons it is not acceptable. */
  Result check(String answer) {
    String text = withoutCodeFence(answer);
    JsonNode json;
    try {
      json = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return Result.invalid(List.of("not JSON: " + e.getOriginalMessage()));
    }
    if (json == null || json.isMissingNode()) {
      return Result.invalid(List.of("not JSON: the answer is empty"));
    }
    List<String> errors =
        validator.validate(json).stream()
            .map(ValidationMessage::getMessage)
            .sorted()
            .collect(Collectors.toList());
    if (!errors.isEmpty()) {
      return Result.invalid(errors);
    }
    if (recordType != null) {
      try {
        MAPPER.treeToValue(json, recordType);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return Result.invalid(
            List.of("does not convert to " + recordType.getSimpleName() + ": " + e.getMessage()));
      }
    }
    return new Result(MAPPER.convertValue(json, Object.class), List.of());
  }

  /** Models often wrap JSON in a Markdown code fence even when asked for JSON only. */
  private static String withoutCodeFence(String answer) {
    String text = answer.strip();
    if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
      return text;
    }
    int firstLineEnd = text.indexOf('\n');
    return firstLineEnd < 0 ? text : text.substring(firstLineEnd + 1, text.length() - 3).strip();
  }

  /** A parsed value, or the errors; never both. */
  record Result(Object value, List<String> errors) {
    static Result invalid(List<String> errors) {
      return new Result(null, errors);
    }

    boolean valid() {
      return errors.isEmpty();
    }
  }
}
