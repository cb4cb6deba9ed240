package dev.workflowengine.ollama;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One line of progress from {@link OllamaClient#pull}, {@link OllamaClient#push} or {@link
 * OllamaClient#create}: a status such as {@code pulling manifest}, {@code pulling <digest>} (with
 * byte counts), {@code verifying sha256 digest}, {@code writing manifest}, and finally {@code
 * success}. The first lines of a layer carry {@code total} but no {@code completed} yet. Immutable.
 *
 * <pre>{@code
 * try (OllamaStream<Progress> pull = client.pull("llama3.2")) {
 *   for (Progress p : pull) {
 *     System.out.printf("%s %s%n", p.status(), p.fraction().isPresent() ? p.fraction() : "");
 *   }
 * }
 * }</pre>
 *
 * @param status what Ollama is doing
 * @param digest the layer being transferred, when there is one
 * @param total the layer's size in bytes, when known
 * @param completed bytes transferred so far, when known
 */
public record Progress(
    String status, Optional<String> digest, OptionalLong total, OptionalLong completed) {

  /** Validates the components. */
  public Progress {
    Objects.requireNonNull(status, "status");
    digest = Objects.requireNonNullElse(digest, Optional.empty());
    total = Objects.requireNonNullElse(total, OptionalLong.empty());
    completed = Objects.requireNonNullElse(completed, OptionalLong.empty());
  }

  /**
   * Whether this is Ollama's final {@code success} line.
   *
   * @return {@code true} when the operation finished
   */
  public boolean isSuccess() {
    return "success".equals(status);
  }

  /**
   * How far the current layer is, from 0 to 1.
   *
   * @return {@code completed / total}, absent until both are known
   */
  public OptionalDouble fraction() {
    if (total.isEmpty() || completed.isEmpty() || total.getAsLong() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.min(1.0, (double) completed.getAsLong() / total.getAsLong()));
  }
}
