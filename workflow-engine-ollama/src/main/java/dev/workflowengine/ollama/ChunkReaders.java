package dev.workflowengine.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The readers of the three kinds of NDJSON line Ollama streams: chat, generate and progress. */
final class ChunkReaders {

  private ChunkReaders() {}

  static ChunkReader<ChatResponse> chat() {
    return new Chat();
  }

  static ChunkReader<GenerateResponse> generate() {
    return new Generate();
  }

  static ChunkReader<Progress> progress() {
    return new ProgressLines();
  }

  /** {@code {"model", "created_at", "message": {...}, "done", ...statistics}}. */
  private static final class Chat extends WireReader implements ChunkReader<ChatResponse> {

    @Override
    public ChatResponse read(JsonParser p) throws IOException {
      String modelName = "";
      Optional<Instant> createdAt = Optional.empty();
      ChatMessage message = null;
      boolean done = false;
      Optional<String> reason = Optional.empty();
      List<Logprob> logprobs = List.of();
      String error = null;
      resetMetrics();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "model" -> modelName = orEmpty(model(p));
          case "created_at" -> createdAt = timestamp(p);
          case "message" -> message = message(p);
          case "done" -> done = p.getValueAsBoolean();
          case "done_reason" -> reason = doneReason(p);
          case "logprobs" -> logprobs = logprobs(p);
          case "error" -> error = text(p, "");
          default -> metricOrSkip(field, p);
        }
      }
      if (error != null) {
        throw new ErrorLine(error);
      }
      if (message == null) {
        message = ChatMessage.builder(ChatMessage.Role.ASSISTANT).build();
      }
      return new ChatResponse(modelName, createdAt, message, done, reason, metrics(), logprobs);
    }

    @Override
    public boolean isFinal(ChatResponse chunk) {
      return chunk.done();
    }

    @Override
    public String content(ChatResponse chunk) {
      return chunk.message().content();
    }

    @Override
    public String thinking(ChatResponse chunk) {
      return chunk.message().thinking().orElse("");
    }
  }

  /** {@code {"model", "created_at", "response", "thinking", "done", "context", ...}}. */
  private static final class Generate extends WireReader implements ChunkReader<GenerateResponse> {

    @Override
    public GenerateResponse read(JsonParser p) throws IOException {
      String modelName = "";
      Optional<Instant> createdAt = Optional.empty();
      String response = "";
      String thinking = null;
      boolean done = false;
      Optional<String> reason = Optional.empty();
      List<Integer> context = List.of();
      List<Logprob> logprobs = List.of();
      String error = null;
      resetMetrics();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "model" -> modelName = orEmpty(model(p));
          case "created_at" -> createdAt = timestamp(p);
          case "response" -> response = text(p, "");
          case "thinking" -> thinking = text(p, null);
          case "done" -> done = p.getValueAsBoolean();
          case "done_reason" -> reason = doneReason(p);
          case "context" -> context = integers(p);
          case "logprobs" -> logprobs = logprobs(p);
          case "error" -> error = text(p, "");
          default -> metricOrSkip(field, p);
        }
      }
      if (error != null) {
        throw new ErrorLine(error);
      }
      return new GenerateResponse(
          modelName,
          createdAt,
          response,
          Optional.ofNullable(thinking),
          done,
          reason,
          context,
          metrics(),
          logprobs);
    }

    @Override
    public boolean isFinal(GenerateResponse chunk) {
      return chunk.done();
    }

    @Override
    public String content(GenerateResponse chunk) {
      return chunk.response();
    }

    @Override
    public String thinking(GenerateResponse chunk) {
      return chunk.thinking().orElse("");
    }
  }

  /** {@code {"status", "digest", "total", "completed"}}; the last line's status is success. */
  private static final class ProgressLines implements ChunkReader<Progress> {

    @Override
    public Progress read(JsonParser p) throws IOException {
      String status = "";
      String digest = null;
      OptionalLong total = OptionalLong.empty();
      OptionalLong completed = OptionalLong.empty();
      String error = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "status" -> status = WireReader.text(p, "");
          case "digest" -> digest = WireReader.text(p, null);
          case "total" -> total = OptionalLong.of(p.getValueAsLong());
          case "completed" -> completed = OptionalLong.of(p.getValueAsLong());
          case "error" -> error = WireReader.text(p, "");
          default -> p.skipChildren();
        }
      }
      if (error != null) {
        throw new ErrorLine(error);
      }
      return new Progress(status, Optional.ofNullable(digest), total, completed);
    }

    @Override
    public boolean isFinal(Progress chunk) {
      return chunk.isSuccess();
    }

    @Override
    public String content(Progress chunk) {
      return "";
    }

    @Override
    public String thinking(Progress chunk) {
      return "";
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
