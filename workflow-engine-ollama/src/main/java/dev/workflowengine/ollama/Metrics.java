package dev.workflowengine.ollama;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The statistics Ollama reports on the final chunk of an answer (and on embeddings): durations in
 * nanoseconds as Ollama sends them, also as {@link Duration}s, and token counts. A value Ollama did
 * not report is 0. Immutable.
 *
 * <pre>{@code
 * Metrics m = accumulator.metrics().orElseThrow();
 * log.info("{} tokens in {} ({} tokens/s)", m.evalCount(), m.evalDuration(),
 *     m.tokensPerSecond().orElse(0));
 * }</pre>
 *
 * @param totalDurationNanos time for the whole request ({@code total_duration})
 * @param loadDurationNanos time spent loading the model ({@code load_duration})
 * @param promptEvalCount tokens in the prompt ({@code prompt_eval_count})
 * @param promptEvalDurationNanos time spent reading the prompt ({@code prompt_eval_duration})
 * @param evalCount tokens generated ({@code eval_count})
 * @param evalDurationNanos time spent generating ({@code eval_duration})
 */
public record Metrics(
    long totalDurationNanos,
    long loadDurationNanos,
    int promptEvalCount,
    long promptEvalDurationNanos,
    int evalCount,
    long evalDurationNanos) {

  /**
   * Time for the whole request.
   *
   * @return {@link #totalDurationNanos()} as a duration
   */
  public Duration totalDuration() {
    return Duration.ofNanos(totalDurationNanos);
  }

  /**
   * Time spent loading the model; near zero when it was already loaded.
   *
   * @return {@link #loadDurationNanos()} as a duration
   */
  public Duration loadDuration() {
    return Duration.ofNanos(loadDurationNanos);
  }

  /**
   * Time spent reading the prompt.
   *
   * @return {@link #promptEvalDurationNanos()} as a duration
   */
  public Duration promptEvalDuration() {
    return Duration.ofNanos(promptEvalDurationNanos);
  }

  /**
   * Time spent generating.
   *
   * @return {@link #evalDurationNanos()} as a duration
   */
  public Duration evalDuration() {
    return Duration.ofNanos(evalDurationNanos);
  }

  /**
   * Tokens in and out: {@code promptEvalCount + evalCount}.
   *
   * @return the total token count
   */
  public int totalTokens() {
    return promptEvalCount + evalCount;
  }

  /**
   * Generation speed: {@code evalCount / evalDuration}.
   *
   * @return tokens per second, absent when no generation time was reported
   */
  public OptionalDouble tokensPerSecond() {
    return evalDurationNanos <= 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(evalCount * 1e9 / evalDurationNanos);
  }
}
