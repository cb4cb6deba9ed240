package dev.workflowengine.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reading of the pieces Ollama's answers share (messages, tool calls, log probabilities,
 * statistics, timestamps) with a streaming parser. Hand-written rather than data-bound because this
 * runs once per token: it allocates little more than the strings the caller receives, reuses the
 * model name and role that repeat on every line, and skips fields it does not know, which keeps it
 * tolerant of fields Ollama adds. One instance per stream; not thread-safe.
 */
class WireReader {

  private static final ChatMessage EMPTY_ASSISTANT =
      ChatMessage.builder(ChatMessage.Role.ASSISTANT).build();

  private final RepeatedString model = new RepeatedString();
  private final RepeatedString doneReason = new RepeatedString();
  private final long[] metricSlots = new long[6];
  private boolean metricsSeen;

  /** The model name, which is the same on every line of a stream. */
  final String model(JsonParser p) throws IOException {
    return model.read(p);
  }

  final Optional<String> doneReason(JsonParser p) throws IOException {
    return Optional.ofNullable(doneReason.read(p));
  }

  static Optional<Instant> timestamp(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      p.skipChildren();
      return Optional.empty();
    }
    return Timestamps.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  /** Starts collecting the statistics of one object. */
  final void resetMetrics() {
    metricsSeen = false;
    java.util.Arrays.fill(metricSlots, 0L);
  }

  /** Reads the field if it is one of the statistics, and skips it (and what it holds) if not. */
  final void metricOrSkip(String field, JsonParser p) throws IOException {
    int slot =
        switch (field) {
          case "total_duration" -> 0;
          case "load_duration" -> 1;
          case "prompt_eval_count" -> 2;
          case "prompt_eval_duration" -> 3;
          case "eval_count" -> 4;
          case "eval_duration" -> 5;
          default -> -1;
        };
    if (slot < 0) {
      p.skipChildren();
      return;
    }
    metricSlots[slot] = p.getValueAsLong();
    metricsSeen = true;
  }

  final Optional<Metrics> metrics() {
    if (!metricsSeen) {
      return Optional.empty();
    }
    long[] m = metricSlots;
    return Optional.of(new Metrics(m[0], m[1], (int) m[2], m[3], (int) m[4], m[5]));
  }

  final ChatMessage message(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return EMPTY_ASSISTANT;
    }
    ChatMessage.Role role = ChatMessage.Role.ASSISTANT;
    String content = "";
    String thinking = null;
    List<ToolCall> toolCalls = List.of();
    List<String> images = List.of();
    String toolName = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "role" -> role = role(p);
        case "content" -> content = text(p, "");
        case "thinking" -> thinking = text(p, null);
        case "tool_calls" -> toolCalls = toolCalls(p);
        case "images" -> images = strings(p);
        case "tool_name" -> toolName = text(p, null);
        default -> p.skipChildren();
      }
    }
    if (role == ChatMessage.Role.ASSISTANT
        && content.isEmpty()
        && thinking == null
        && toolCalls.isEmpty()
        && images.isEmpty()) {
      return EMPTY_ASSISTANT;
    }
    return new ChatMessage(
        role,
        content,
        Optional.ofNullable(thinking),
        toolCalls,
        images,
        role == ChatMessage.Role.TOOL ? Optional.ofNullable(toolName) : Optional.empty());
  }

  /** Compares characters instead of creating a string: the role is on every line. */
  private static ChatMessage.Role role(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      p.skipChildren();
      return ChatMessage.Role.ASSISTANT;
    }
    if (RepeatedString.matches(p, "assistant")) {
      return ChatMessage.Role.ASSISTANT;
    }
    return ChatMessage.Role.fromWire(p.getText());
  }

  static List<ToolCall> toolCalls(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<ToolCall> calls = new ArrayList<>(2);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      calls.add(toolCall(p));
    }
    return List.copyOf(calls);
  }

  private static ToolCall toolCall(JsonParser p) throws IOException {
    String id = null;
    Integer index = null;
    String name = null;
    Map<String, Object> arguments = Map.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if ("id".equals(field)) {
        id = text(p, null);
      } else if ("function".equals(field) && p.currentToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String inner = p.currentName();
          p.nextToken();
          switch (inner) {
            case "name" -> name = text(p, null);
            case "index" -> index = p.getValueAsInt();
            case "arguments" -> arguments = arguments(p);
            default -> p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    if (name == null || name.isBlank()) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "a tool call has no function name");
    }
    return new ToolCall(
        Optional.ofNullable(id),
        index == null ? OptionalInt.empty() : OptionalInt.of(index),
        name,
        arguments);
  }

  /** Ollama sends an object; an OpenAI-style JSON string is accepted too. */
  private static Map<String, Object> arguments(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      String json = p.getText();
      return json.isBlank() ? Map.of() : OllamaJson.parseObject(json, "arguments");
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    return OllamaJson.OBJECT_READER.readValue(p);
  }

  static List<Logprob> logprobs(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<Logprob> result = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      result.add(logprob(p));
    }
    return List.copyOf(result);
  }

  private static Logprob logprob(JsonParser p) throws IOException {
    String token = "";
    double logprob = 0;
    List<Integer> bytes = List.of();
    List<Logprob> top = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "token" -> token = text(p, "");
        case "logprob" -> logprob = p.getValueAsDouble();
        case "bytes" -> bytes = integers(p);
        case "top_logprobs" -> top = logprobs(p);
        default -> p.skipChildren();
      }
    }
    return new Logprob(token, logprob, bytes, top);
  }

  static List<Integer> integers(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    int[] values = new int[16];
    int size = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = p.getValueAsInt();
    }
    return IntList.of(values, size);
  }

  static List<String> strings(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<String> values = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String value = text(p, null);
      if (value != null) {
        values.add(value);
      }
    }
    return List.copyOf(values);
  }

  /** The string value, or {@code absent} for {@code null} or a non-string. */
  static String text(JsonParser p, String absent) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return absent;
  }

  /**
   * A string that repeats on every line of a stream (the model name, the done reason): the parser's
   * characters are compared with the last value and the same instance is reused.
   */
  static final class RepeatedString {
    private String last;

    String read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        p.skipChildren();
        return null;
      }
      String previous = last;
      if (previous != null && matches(p, previous)) {
        return previous;
      }
      last = p.getText();
      return last;
    }

    static boolean matches(JsonParser p, String expected) throws IOException {
      int length = p.getTextLength();
      if (length != expected.length()) {
        return false;
      }
      char[] chars = p.getTextCharacters();
      int offset = p.getTextOffset();
      for (int i = 0; i < length; i++) {
        if (chars[offset + i] != expected.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
