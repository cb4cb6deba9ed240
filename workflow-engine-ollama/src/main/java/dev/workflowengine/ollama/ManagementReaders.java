package dev.workflowengine.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the answers of the non-streaming endpoints. Small answers go through a JSON tree and {@code
 * xFrom(node)} helpers that map each field by its wire name, ignoring fields Ollama adds;
 * embeddings are read with the streaming parser straight into {@code float[]}, since a batch can
 * hold millions of numbers.
 */
final class ManagementReaders {

  private ManagementReaders() {}

  static String version(byte[] body) throws IOException {
    return text(tree(body), "version");
  }

  static List<ModelSummary> tags(byte[] body) throws IOException {
    List<ModelSummary> models = new ArrayList<>();
    for (JsonNode node : tree(body).path("models")) {
      models.add(modelSummaryFrom(node));
    }
    return List.copyOf(models);
  }

  static List<RunningModel> ps(byte[] body) throws IOException {
    List<RunningModel> models = new ArrayList<>();
    for (JsonNode node : tree(body).path("models")) {
      models.add(runningModelFrom(node));
    }
    return List.copyOf(models);
  }

  static ShowResponse show(byte[] body) throws IOException {
    JsonNode node = tree(body);
    List<ChatMessage> messages = new ArrayList<>();
    for (JsonNode message : node.path("messages")) {
      messages.add(messageFrom(message));
    }
    List<String> capabilities = new ArrayList<>();
    node.path("capabilities").forEach(capability -> capabilities.add(capability.asText()));
    return new ShowResponse(
        text(node, "license"),
        text(node, "modelfile"),
        text(node, "parameters"),
        text(node, "template"),
        text(node, "system"),
        detailsFrom(node.path("details")),
        messages,
        objectFrom(node.path("model_info")),
        capabilities,
        Timestamps.parse(textOrNull(node, "modified_at")));
  }

  /** {@code {"model", "embeddings": [[...], ...], "total_duration", ...}}. */
  static EmbedResponse embed(byte[] body) throws IOException {
    try (JsonParser p = OllamaJson.FACTORY.createParser(body)) {
      requireObject(p);
      String model = "";
      List<Embedding> embeddings = List.of();
      long total = 0;
      long load = 0;
      long promptTokens = 0;
      boolean metrics = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "model" -> model = WireReader.text(p, "");
          case "embeddings" -> embeddings = vectors(p);
          case "total_duration" -> total = metric(p);
          case "load_duration" -> load = metric(p);
          case "prompt_eval_count" -> promptTokens = metric(p);
          default -> p.skipChildren();
        }
        metrics |= field.endsWith("_duration") || field.equals("prompt_eval_count");
      }
      Optional<Metrics> stats =
          metrics
              ? Optional.of(new Metrics(total, load, (int) promptTokens, 0, 0, 0))
              : Optional.empty();
      return new EmbedResponse(model, embeddings, stats);
    }
  }

  /** The legacy {@code {"embedding": [...]}}. */
  static Embedding embedding(byte[] body) throws IOException {
    try (JsonParser p = OllamaJson.FACTORY.createParser(body)) {
      requireObject(p);
      Embedding embedding = Embedding.wrap(new float[0]);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if ("embedding".equals(field)) {
          embedding = vector(p);
        } else {
          p.skipChildren();
        }
      }
      return embedding;
    }
  }

  /** Ollama's {@code {"error": "..."}}, or the body itself when it is not that. */
  static String errorText(String body) {
    String trimmed = body.strip();
    if (trimmed.startsWith("{")) {
      try {
        JsonNode error = OllamaJson.MAPPER.readTree(trimmed).get("error");
        if (error != null && error.isTextual()) {
          return error.asText();
        }
      } catch (IOException e) {
        // Not JSON after all: the raw text is the best explanation there is.
      }
    }
    return trimmed.isEmpty() ? "(empty body)" : trimmed;
  }

  private static long metric(JsonParser p) throws IOException {
    return p.getValueAsLong();
  }

  private static List<Embedding> vectors(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<Embedding> vectors = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      vectors.add(vector(p));
    }
    return List.copyOf(vectors);
  }

  private static Embedding vector(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return Embedding.wrap(new float[0]);
    }
    float[] values = new float[1024];
    int size = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = p.getFloatValue();
    }
    return Embedding.wrap(size == values.length ? values : java.util.Arrays.copyOf(values, size));
  }

  private static ModelSummary modelSummaryFrom(JsonNode node) {
    return new ModelSummary(
        text(node, "name"),
        text(node, "model"),
        Timestamps.parse(textOrNull(node, "modified_at")),
        node.path("size").asLong(),
        text(node, "digest"),
        detailsFrom(node.path("details")));
  }

  private static RunningModel runningModelFrom(JsonNode node) {
    JsonNode contextLength = node.get("context_length");
    return new RunningModel(
        text(node, "name"),
        text(node, "model"),
        node.path("size").asLong(),
        text(node, "digest"),
        detailsFrom(node.path("details")),
        Timestamps.parse(textOrNull(node, "expires_at")),
        node.path("size_vram").asLong(),
        contextLength == null || !contextLength.isNumber()
            ? OptionalInt.empty()
            : OptionalInt.of(contextLength.asInt()));
  }

  private static ModelDetails detailsFrom(JsonNode node) {
    List<String> families = new ArrayList<>();
    node.path("families").forEach(family -> families.add(family.asText()));
    return new ModelDetails(
        text(node, "parent_model"),
        text(node, "format"),
        text(node, "family"),
        families,
        text(node, "parameter_size"),
        text(node, "quantization_level"));
  }

  private static ChatMessage messageFrom(JsonNode node) {
    return ChatMessage.builder(ChatMessage.Role.fromWire(text(node, "role")))
        .content(text(node, "content"))
        .build();
  }

  private static Map<String, Object> objectFrom(JsonNode node) {
    if (!node.isObject()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = OllamaJson.MAPPER.convertValue(node, Map.class);
    return map;
  }

  private static JsonNode tree(byte[] body) throws IOException {
    JsonNode node = OllamaJson.MAPPER.readTree(body);
    if (node == null || !node.isObject()) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          null, "expected a JSON object but the body was: " + preview(body));
    }
    return node;
  }

  private static void requireObject(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a JSON object");
    }
  }

  private static String text(JsonNode node, String field) {
    String value = textOrNull(node, field);
    return value == null ? "" : value;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static String preview(byte[] body) {
    String text =
        new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
    return body.length > 200 ? text + "..." : text;
  }
}
