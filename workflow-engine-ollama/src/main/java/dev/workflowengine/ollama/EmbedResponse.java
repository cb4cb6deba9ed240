package dev.workflowengine.ollama;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ollama's answer to {@link OllamaClient#embed}: one embedding per input, in input order.
 * Immutable.
 *
 * @param model the model that computed them
 * @param embeddings one vector per input
 * @param metrics durations and the prompt token count, when Ollama reported them (generation counts
 *     are 0)
 */
public record EmbedResponse(String model, List<Embedding> embeddings, Optional<Metrics> metrics) {

  /** Validates the components. */
  public EmbedResponse {
    Objects.requireNonNull(model, "model");
    embeddings = Checks.listOrEmpty(embeddings, "embeddings");
    metrics = Objects.requireNonNullElse(metrics, Optional.empty());
  }
}
