package dev.workflowengine.ollama;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model loaded in memory right now, from {@link OllamaClient#ps()} ({@code GET /api/ps}).
 * Immutable.
 *
 * @param name the model's name
 * @param model the model name Ollama reports
 * @param size bytes of memory it takes
 * @param digest its content digest
 * @param details what it is made of
 * @param expiresAt when Ollama will unload it unless it is used again
 * @param sizeVram bytes of it held in GPU memory
 * @param contextLength the context window it was loaded with, when reported
 */
public record RunningModel(
    String name,
    String model,
    long size,
    String digest,
    ModelDetails details,
    Optional<Instant> expiresAt,
    long sizeVram,
    OptionalInt contextLength) {

  /** Validates the components. */
  public RunningModel {
    Objects.requireNonNull(name, "name");
    model = Objects.requireNonNullElse(model, name);
    digest = Objects.requireNonNullElse(digest, "");
    details = Objects.requireNonNullElse(details, ModelDetails.EMPTY);
    expiresAt = Objects.requireNonNullElse(expiresAt, Optional.empty());
    contextLength = Objects.requireNonNullElse(contextLength, OptionalInt.empty());
  }
}
