package dev.workflowengine.ollama;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A model Ollama has locally, from {@link OllamaClient#list()} ({@code GET /api/tags}). Immutable.
 *
 * @param name the name to use in requests, such as {@code llama3.2:latest}
 * @param model the model name Ollama reports (usually equal to {@code name})
 * @param modifiedAt when it was last changed
 * @param size its size on disk in bytes
 * @param digest its content digest
 * @param details what it is made of
 */
public record ModelSummary(
    String name,
    String model,
    Optional<Instant> modifiedAt,
    long size,
    String digest,
    ModelDetails details) {

  /** Validates the components. */
  public ModelSummary {
    Objects.requireNonNull(name, "name");
    model = Objects.requireNonNullElse(model, name);
    modifiedAt = Objects.requireNonNullElse(modifiedAt, Optional.empty());
    digest = Objects.requireNonNullElse(digest, "");
    details = Objects.requireNonNullElse(details, ModelDetails.EMPTY);
  }
}
