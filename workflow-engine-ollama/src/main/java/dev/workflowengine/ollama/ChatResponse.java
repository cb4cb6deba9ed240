package dev.workflowengine.ollama;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ollama's answer to a chat request: the whole answer from {@link OllamaClient#chat}, or one chunk
 * of it from {@link OllamaClient#chatStream}. A chunk carries a piece of the assistant message
 * (content, thinking, or whole tool calls); the last chunk has {@code done} set, the reason it
 * stopped and the {@link Metrics}. Immutable.
 *
 * <pre>{@code
 * try (OllamaStream<ChatResponse> stream = client.chatStream(request)) {
 *   stream.forEach(chunk -> System.out.print(chunk.content()));
 * }
 * }</pre>
 *
 * @param model the model that answered
 * @param createdAt when Ollama wrote this chunk
 * @param message the message, or this chunk's piece of it
 * @param done whether this is the whole answer or its last chunk
 * @param doneReason why generation stopped ({@code stop}, {@code length}, {@code load}, ...), on
 *     the last chunk
 * @param metrics token counts and durations, on the last chunk
 * @param logprobs log probabilities of this chunk's tokens, when the request asked for them
 */
public record ChatResponse(
    String model,
    Optional<Instant> createdAt,
    ChatMessage message,
    boolean done,
    Optional<String> doneReason,
    Optional<Metrics> metrics,
    List<Logprob> logprobs) {

  /** Validates the components. */
  public ChatResponse {
    Objects.requireNonNull(model, "model");
    createdAt = Objects.requireNonNullElse(createdAt, Optional.empty());
    Objects.requireNonNull(message, "message");
    doneReason = Objects.requireNonNullElse(doneReason, Optional.empty());
    metrics = Objects.requireNonNullElse(metrics, Optional.empty());
    logprobs = Checks.listOrEmpty(logprobs, "logprobs");
  }

  /**
   * The message's text, or this chunk's piece of it.
   *
   * @return {@code message().content()}
   */
  public String content() {
    return message.content();
  }
}
