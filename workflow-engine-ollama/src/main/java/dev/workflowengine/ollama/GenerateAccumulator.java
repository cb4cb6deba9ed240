package dev.workflowengine.ollama;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the whole completion from the chunks of a generate stream: the response and thinking
 * joined and, from the final chunk, the statistics, the reason generation stopped and the context.
 * Not thread-safe: feed it from the thread that reads the stream.
 *
 * <pre>{@code
 * GenerateAccumulator completion = new GenerateAccumulator();
 * try (OllamaStream<GenerateResponse> stream = client.generateStream(request)) {
 *   stream.forEach(completion::add);
 * }
 * String text = completion.response();
 * }</pre>
 */
public final class GenerateAccumulator {

  private final StringBuilder response = new StringBuilder();
  private final StringBuilder thinking = new StringBuilder();
  private final List<Logprob> logprobs = new ArrayList<>();
  private String model;
  private Optional<Instant> createdAt = Optional.empty();
  private boolean done;
  private Optional<String> doneReason = Optional.empty();
  private Optional<Metrics> metrics = Optional.empty();
  private List<Integer> context = List.of();
  private int chunks;

  /** Creates an empty accumulator. */
  public GenerateAccumulator() {}

  /**
   * Adds the next chunk.
   *
   * @param chunk the chunk, in stream order
   * @return this accumulator
   * @throws IllegalStateException when a chunk follows the final one
   */
  public GenerateAccumulator add(GenerateResponse chunk) {
    Objects.requireNonNull(chunk, "chunk");
    if (done) {
      throw new IllegalStateException(
          "a chunk came after the final one; use one accumulator per answer");
    }
    chunks++;
    model = chunk.model();
    if (chunk.createdAt().isPresent()) {
      createdAt = chunk.createdAt();
    }
    response.append(chunk.response());
    chunk.thinking().ifPresent(thinking::append);
    logprobs.addAll(chunk.logprobs());
    if (chunk.done()) {
      done = true;
      doneReason = chunk.doneReason();
      metrics = chunk.metrics();
      context = chunk.context();
    }
    return this;
  }

  /**
   * The completion so far.
   *
   * @return the joined response
   */
  public String response() {
    return response.toString();
  }

  /**
   * The thinking so far.
   *
   * @return the joined thinking, absent when the model sent none
   */
  public Optional<String> thinking() {
    return thinking.length() == 0 ? Optional.empty() : Optional.of(thinking.toString());
  }

  /**
   * Whether the final chunk has been added.
   *
   * @return {@code true} once the completion is whole
   */
  public boolean isDone() {
    return done;
  }

  /**
   * Why generation stopped.
   *
   * @return the final chunk's reason, absent until then
   */
  public Optional<String> doneReason() {
    return doneReason;
  }

  /**
   * The statistics.
   *
   * @return the final chunk's statistics, absent until then
   */
  public Optional<Metrics> metrics() {
    return metrics;
  }

  /**
   * The context for a follow-up request.
   *
   * @return the final chunk's context, empty until then
   */
  public List<Integer> context() {
    return context;
  }

  /**
   * How many chunks were added.
   *
   * @return the count
   */
  public int chunkCount() {
    return chunks;
  }

  /**
   * The completion as one response, as the non-streaming call returns it.
   *
   * @return the response
   * @throws IllegalStateException when no chunk was added
   */
  public GenerateResponse toResponse() {
    if (model == null) {
      throw new IllegalStateException("no chunk was added");
    }
    return new GenerateResponse(
        model,
        createdAt,
        response.toString(),
        thinking(),
        done,
        doneReason,
        context,
        metrics,
        logprobs);
  }
}
