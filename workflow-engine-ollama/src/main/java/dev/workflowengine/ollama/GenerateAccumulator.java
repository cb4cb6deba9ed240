package dev.workflowengine.ollama;

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

  private final StreamTally tally = new StreamTally();
  private final StringBuilder response = new StringBuilder();
  private List<Integer> context = List.of();

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
    tally.add(chunk.model(), chunk.createdAt(), chunk.thinking(), chunk.logprobs());
    response.append(chunk.response());
    if (chunk.done()) {
      tally.finish(chunk.doneReason(), chunk.metrics());
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
    return tally.thinking();
  }

  /**
   * Whether the final chunk has been added.
   *
   * @return {@code true} once the completion is whole
   */
  public boolean isDone() {
    return tally.done();
  }

  /**
   * Why generation stopped.
   *
   * @return the final chunk's reason, absent until then
   */
  public Optional<String> doneReason() {
    return tally.doneReason();
  }

  /**
   * The statistics.
   *
   * @return the final chunk's statistics, absent until then
   */
  public Optional<Metrics> metrics() {
    return tally.metrics();
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
    return tally.chunks();
  }

  /**
   * The completion as one response, as the non-streaming call returns it.
   *
   * @return the response
   * @throws IllegalStateException when no chunk was added
   */
  public GenerateResponse toResponse() {
    return new GenerateResponse(
        tally.model(),
        tally.createdAt(),
        response.toString(),
        tally.thinking(),
        tally.done(),
        tally.doneReason(),
        context,
        tally.metrics(),
        tally.logprobs());
  }
}
