package dev.workflowengine.ollama;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request to {@code POST /api/embed}: embeddings of one or more texts in one call. Immutable.
 *
 * <pre>{@code
 * EmbedResponse response = client.embed(EmbedRequest.of("all-minilm", "first text", "second text"));
 * EmbedRequest shorter = EmbedRequest.builder("embeddinggemma").input("text").dimensions(256).build();
 * }</pre>
 *
 * @param model the embedding model
 * @param input the texts, one embedding each; not empty
 * @param truncate whether inputs longer than the context are cut (Ollama's default) or refused
 * @param dimensions the length of the vectors, for models that can shorten them
 * @param options model options; {@link Options#NONE} sends none
 * @param keepAlive how long the model stays loaded afterwards, when set
 */
public record EmbedRequest(
    String model,
    List<String> input,
    Optional<Boolean> truncate,
    OptionalInt dimensions,
    Options options,
    Optional<KeepAlive> keepAlive) {

  /** Validates and copies the components. */
  public EmbedRequest {
    Checks.requireModel(model, "model");
    input = Checks.copyList(Objects.requireNonNull(input, "input"), "input");
    if (input.isEmpty()) {
      throw new IllegalArgumentException("input is empty; give at least one text to embed");
    }
    truncate = Objects.requireNonNullElse(truncate, Optional.empty());
    dimensions = Objects.requireNonNullElse(dimensions, OptionalInt.empty());
    dimensions.ifPresent(
        value -> {
          if (value < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1 but was " + value);
          }
        });
    options = Objects.requireNonNullElse(options, Options.NONE);
    keepAlive = Objects.requireNonNullElse(keepAlive, Optional.empty());
  }

  /**
   * A request embedding the given texts, with nothing else set.
   *
   * @param model the embedding model
   * @param input the texts
   * @return the request
   */
  public static EmbedRequest of(String model, String... input) {
    return builder(model).input(List.of(Objects.requireNonNull(input, "input"))).build();
  }

  /**
   * A builder for a request to a model.
   *
   * @param model the embedding model
   * @return a new builder; not thread-safe
   */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** Builds an {@link EmbedRequest}; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private final String model;
    private final List<String> input = new ArrayList<>();
    private Boolean truncate;
    private Integer dimensions;
    private Options options = Options.NONE;
    private KeepAlive keepAlive;

    private Builder(String model) {
      this.model = Checks.requireModel(model, "model");
    }

    /**
     * Adds a text to embed.
     *
     * @param text the text
     * @return this builder
     */
    public Builder input(String text) {
      input.add(Objects.requireNonNull(text, "text"));
      return this;
    }

    /**
     * Adds texts to embed.
     *
     * @param texts the texts
     * @return this builder
     */
    public Builder input(List<String> texts) {
      input.addAll(Checks.copyList(texts, "texts"));
      return this;
    }

    /**
     * Whether inputs longer than the context are cut ({@code true}, Ollama's default) or refused
     * with an error ({@code false}).
     *
     * @param truncate the setting
     * @return this builder
     */
    public Builder truncate(boolean truncate) {
      this.truncate = truncate;
      return this;
    }

    /**
     * Asks for shorter vectors, for models that support it.
     *
     * @param dimensions at least 1
     * @return this builder
     */
    public Builder dimensions(int dimensions) {
      if (dimensions < 1) {
        throw new IllegalArgumentException("dimensions must be at least 1 but was " + dimensions);
      }
      this.dimensions = dimensions;
      return this;
    }

    /**
     * Sets the model options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(Options options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets how long the model stays loaded afterwards; without it, the server's default applies.
     *
     * @param keepAlive the setting
     * @return this builder
     */
    public Builder keepAlive(KeepAlive keepAlive) {
      this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive");
      return this;
    }

    /**
     * Sets how long the model stays loaded afterwards.
     *
     * @param keepAlive the duration; negative keeps it for ever, zero unloads it at once
     * @return this builder
     */
    public Builder keepAlive(Duration keepAlive) {
      return keepAlive(KeepAlive.of(keepAlive));
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public EmbedRequest build() {
      return new EmbedRequest(
          model,
          input,
          Optional.ofNullable(truncate),
          dimensions == null ? OptionalInt.empty() : OptionalInt.of(dimensions),
          options,
          Optional.ofNullable(keepAlive));
    }
  }
}
