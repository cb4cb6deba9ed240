package dev.workflowengine.ollama;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ollama's answer to a generate request: the whole answer from {@link OllamaClient#generate}, or
 * one chunk of it from {@link OllamaClient#generateStream}. The last chunk has {@code done} set,
 * the reason it stopped, the {@link Metrics} and, unless the request was raw, the {@code context}.
 * Immutable.
 *
 * <pre>{@code
 * try (OllamaStream<GenerateResponse> stream = client.generateStream(request)) {
 *   stream.forEach(chunk -> System.out.print(chunk.response()));
 * }
 * }</pre>
 *
 * @param model the model that answered
 * @param createdAt when Ollama wrote this chunk
 * @param response the generated text, or this chunk's piece of it
 * @param thinking the thinking, or this chunk's piece of it
 * @param done whether this is the whole answer or its last chunk
 * @param doneReason why generation stopped, on the last chunk
 * @param context the conversation encoding to send with the next request (deprecated by Ollama in
 *     favour of chat), on the last chunk; empty otherwise
 * @param metrics token counts and durations, on the last chunk
 * @param logprobs log probabilities of this chunk's tokens, when the request asked for them
 */
public record GenerateResponse(
    String model,
    Optional<Instant> createdAt,
    String response,
    Optional<String> thinking,
    boolean done,
    Optional<String> doneReason,
    List<Integer> context,
    Optional<Metrics> metrics,
    List<Logprob> logprobs) {

  /** Validates the components. */
  public GenerateResponse {
    Objects.requireNonNull(model, "model");
    createdAt = Objects.requireNonNullElse(createdAt, Optional.empty());
    response = Objects.requireNonNullElse(response, "");
    thinking = Objects.requireNonNullElse(thinking, Optional.empty());
    doneReason = Objects.requireNonNullElse(doneReason, Optional.empty());
    context = Checks.listOrEmpty(context, "context");
    metrics = Objects.requireNonNullElse(metrics, Optional.empty());
    logprobs = Checks.listOrEmpty(logprobs, "logprobs");
  }
}
