package dev.workflowengine.ollama;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place that knows Ollama's wire format for requests: every request body is written here,
 * field by field, so that what is sent is exactly what the request holds. Unset values are left out
 * rather than sent as defaults: a {@code keep_alive} the caller did not set must not override the
 * server's, and an option the caller did not set must not override the Modelfile's. Responses are
 * read by {@link ChunkReaders} and {@link ManagementReaders} with the parser factory below.
 */
final class OllamaJson {

  /** Tolerant of fields Ollama adds; used for nested free-form JSON (schemas, arguments). */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  static final JsonFactory FACTORY = MAPPER.getFactory();

  /** Created once: an {@code ObjectReader} is immutable and caches its deserializer. */
  static final ObjectReader OBJECT_READER = MAPPER.readerFor(Map.class);

  private OllamaJson() {}

  static Map<String, Object> parseObject(String json, String name) {
    Objects.requireNonNull(json, name);
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      String start = json.length() > 60 ? json.substring(0, 60) + "..." : json;
      throw new IllegalArgumentException(name + " must be a JSON object but was: " + start);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = MAPPER.convertValue(node, Map.class);
    return JsonCopies.object(map, name);
  }

  static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON-shaped values always serialize", e);
    }
  }

  static byte[] chat(ChatRequest request, boolean stream) {
    return write(
        g -> {
          g.writeStringField("model", request.model());
          g.writeArrayFieldStart("messages");
          for (ChatMessage message : request.messages()) {
            writeMessage(g, message);
          }
          g.writeEndArray();
          if (!request.tools().isEmpty()) {
            g.writeArrayFieldStart("tools");
            for (Tool tool : request.tools()) {
              writeTool(g, tool);
            }
            g.writeEndArray();
          }
          writeFormat(g, request.format().orElse(null));
          writeOptions(g, request.options());
          writeThink(g, request.think().orElse(null));
          writeKeepAlive(g, request.keepAlive().orElse(null));
          writeLogprobs(g, request.logprobs(), request.topLogprobs());
          g.writeBooleanField("stream", stream);
        });
  }

  static byte[] generate(GenerateRequest request, boolean stream) {
    return write(
        g -> {
          g.writeStringField("model", request.model());
          g.writeStringField("prompt", request.prompt());
          if (request.suffix().isPresent()) {
            g.writeStringField("suffix", request.suffix().get());
          }
          writeStrings(g, "images", request.images());
          writeFormat(g, request.format().orElse(null));
          writeOptions(g, request.options());
          if (request.system().isPresent()) {
            g.writeStringField("system", request.system().get());
          }
          if (request.template().isPresent()) {
            g.writeStringField("template", request.template().get());
          }
          if (!request.context().isEmpty()) {
            g.writeArrayFieldStart("context");
            for (int token : request.context()) {
              g.writeNumber(token);
            }
            g.writeEndArray();
          }
          if (request.raw()) {
            g.writeBooleanField("raw", true);
          }
          writeThink(g, request.think().orElse(null));
          writeKeepAlive(g, request.keepAlive().orElse(null));
          writeLogprobs(g, request.logprobs(), request.topLogprobs());
          g.writeBooleanField("stream", stream);
        });
  }

  static byte[] embed(EmbedRequest request) {
    return write(
        g -> {
          g.writeStringField("model", request.model());
          writeStrings(g, "input", request.input());
          if (request.truncate().isPresent()) {
            g.writeBooleanField("truncate", request.truncate().get());
          }
          if (request.dimensions().isPresent()) {
            g.writeNumberField("dimensions", request.dimensions().getAsInt());
          }
          writeOptions(g, request.options());
          writeKeepAlive(g, request.keepAlive().orElse(null));
        });
  }

  static byte[] embeddings(EmbeddingsRequest request) {
    return write(
        g -> {
          g.writeStringField("model", request.model());
          g.writeStringField("prompt", request.prompt());
          writeOptions(g, request.options());
          writeKeepAlive(g, request.keepAlive().orElse(null));
        });
  }

  static byte[] create(CreateRequest request) {
    return write(
        g -> {
          g.writeStringField("model", request.model());
          if (request.from().isPresent()) {
            g.writeStringField("from", request.from().get());
          }
          writeMap(g, "files", request.files());
          writeMap(g, "adapters", request.adapters());
          if (request.template().isPresent()) {
            g.writeStringField("template", request.template().get());
          }
          if (!request.license().isEmpty()) {
            writeStrings(g, "license", request.license());
          }
          if (request.system().isPresent()) {
            g.writeStringField("system", request.system().get());
          }
          writeMap(g, "parameters", request.parameters());
          if (!request.messages().isEmpty()) {
            g.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
              writeMessage(g, message);
            }
            g.writeEndArray();
          }
          if (request.quantize().isPresent()) {
            g.writeStringField("quantize", request.quantize().get());
          }
          g.writeBooleanField("stream", true);
        });
  }

  static byte[] model(String model) {
    return write(g -> g.writeStringField("model", model));
  }

  static byte[] show(String model, boolean verbose) {
    return write(
        g -> {
          g.writeStringField("model", model);
          if (verbose) {
            g.writeBooleanField("verbose", true);
          }
        });
  }

  static byte[] transfer(String model, boolean insecure) {
    return write(
        g -> {
          g.writeStringField("model", model);
          if (insecure) {
            g.writeBooleanField("insecure", true);
          }
          g.writeBooleanField("stream", true);
        });
  }

  static byte[] copy(String source, String destination) {
    return write(
        g -> {
          g.writeStringField("source", source);
          g.writeStringField("destination", destination);
        });
  }

  private static void writeMessage(JsonGenerator g, ChatMessage message) throws IOException {
    g.writeStartObject();
    g.writeStringField("role", message.role().wireName());
    g.writeStringField("content", message.content());
    if (message.thinking().isPresent()) {
      g.writeStringField("thinking", message.thinking().get());
    }
    writeStrings(g, "images", message.images());
    if (!message.toolCalls().isEmpty()) {
      g.writeArrayFieldStart("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        writeToolCall(g, call);
      }
      g.writeEndArray();
    }
    if (message.toolName().isPresent()) {
      g.writeStringField("tool_name", message.toolName().get());
    }
    g.writeEndObject();
  }

  private static void writeToolCall(JsonGenerator g, ToolCall call) throws IOException {
    g.writeStartObject();
    if (call.id().isPresent()) {
      g.writeStringField("id", call.id().get());
    }
    g.writeObjectFieldStart("function");
    if (call.index().isPresent()) {
      g.writeNumberField("index", call.index().getAsInt());
    }
    g.writeStringField("name", call.name());
    g.writeFieldName("arguments");
    MAPPER.writeValue(g, call.arguments());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeTool(JsonGenerator g, Tool tool) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "function");
    g.writeObjectFieldStart("function");
    g.writeStringField("name", tool.name());
    if (!tool.description().isEmpty()) {
      g.writeStringField("description", tool.description());
    }
    g.writeFieldName("parameters");
    MAPPER.writeValue(g, tool.parameters());
    g.writeEndObject();
    g.writeEndObject();
  }

  /** {@code "json"} for JSON mode, the schema object otherwise. */
  private static void writeFormat(JsonGenerator g, Format format) throws IOException {
    if (format == null) {
      return;
    }
    g.writeFieldName("format");
    if (format.schema().isPresent()) {
      MAPPER.writeValue(g, format.schema().get());
    } else {
      g.writeString("json");
    }
  }

  /** A boolean, or the level's name: Ollama reads both. */
  private static void writeThink(JsonGenerator g, Think think) throws IOException {
    if (think == null) {
      return;
    }
    if (think.level().isPresent()) {
      g.writeStringField("think", think.level().get());
    } else {
      g.writeBooleanField("think", think.enabled());
    }
  }

  /** Seconds as a JSON number, which every Ollama version reads; -1 means for ever. */
  private static void writeKeepAlive(JsonGenerator g, KeepAlive keepAlive) throws IOException {
    if (keepAlive != null) {
      g.writeFieldName("keep_alive");
      g.writeNumber(keepAlive.wireSeconds());
    }
  }

  private static void writeOptions(JsonGenerator g, Options options) throws IOException {
    writeMap(g, "options", options.toMap());
  }

  private static void writeLogprobs(JsonGenerator g, boolean logprobs, java.util.OptionalInt top)
      throws IOException {
    if (logprobs) {
      g.writeBooleanField("logprobs", true);
    }
    if (top.isPresent()) {
      g.writeNumberField("top_logprobs", top.getAsInt());
    }
  }

  private static void writeMap(JsonGenerator g, String field, Map<String, ?> map)
      throws IOException {
    if (!map.isEmpty()) {
      g.writeFieldName(field);
      MAPPER.writeValue(g, map);
    }
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    if (!values.isEmpty()) {
      g.writeArrayFieldStart(field);
      for (String value : values) {
        g.writeString(value);
      }
      g.writeEndArray();
    }
  }

  private interface Body {
    void write(JsonGenerator generator) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }
}
