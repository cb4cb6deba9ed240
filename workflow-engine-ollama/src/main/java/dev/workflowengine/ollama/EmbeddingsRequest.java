package dev.workflowengine.ollama;

import java.util.Objects;
import java.util.Optional;

/**
 * A request to the legacy {@code POST /api/embeddings}, which embeds one prompt. New code should
 * use {@link EmbedRequest}: {@code /api/embed} takes several inputs and normalises the vectors.
 * Immutable.
 *
 * <pre>{@code
 * Embedding vector = client.embeddings(EmbeddingsRequest.of("nomic-embed-text", "hello"));
 * }</pre>
 *
 * @param model the embedding model
 * @param prompt the text to embed
 * @param options model options; {@link Options#NONE} sends none
 * @param keepAlive how long the model stays loaded afterwards, when set
 */
public record EmbeddingsRequest(
    String model, String prompt, Options options, Optional<KeepAlive> keepAlive) {

  /** Validates the components. */
  public EmbeddingsRequest {
    Checks.requireModel(model, "model");
    Objects.requireNonNull(prompt, "prompt");
    options = Objects.requireNonNullElse(options, Options.NONE);
    keepAlive = Objects.requireNonNullElse(keepAlive, Optional.empty());
  }

  /**
   * A request embedding a prompt, with nothing else set.
   *
   * @param model the embedding model
   * @param prompt the text
   * @return the request
   */
  public static EmbeddingsRequest of(String model, String prompt) {
    return new EmbeddingsRequest(model, prompt, Options.NONE, Optional.empty());
  }
}
