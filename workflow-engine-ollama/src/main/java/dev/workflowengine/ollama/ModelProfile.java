package dev.workflowengine.ollama;

import java.util.Objects;
import java.util.Optional;

/**
 * A named way of using a model: which model, with which options, so that workflows ask for {@code
 * "code"} or {@code "creative"} and operators decide what that means. Profiles come from code or
 * from a profiles file ({@link ModelProfiles#load(java.nio.file.Path)}). Immutable and thread-safe.
 *
 * <pre>{@code
 * ModelProfile code = ModelProfile.builder("code")
 *     .model("qwen2.5-coder:7b")
 *     .temperature(0.1)
 *     .numCtx(8192)
 *     .build();
 * ModelProfile longer = code.toBuilder().numCtx(32768).build();
 * }</pre>
 *
 * @param name the profile's name, such as {@code default}
 * @param model the Ollama model, such as {@code llama3.2:3b}
 * @param options the options every request of this profile starts from; a request's own options win
 * @param keepAlive how long Ollama keeps the model loaded; absent leaves the server's default
 * @param think whether a thinking model thinks; absent lets the model decide
 */
public record ModelProfile(
    String name,
    String model,
    Options options,
    Optional<KeepAlive> keepAlive,
    Optional<Think> think) {

  /** Validates the components. */
  public ModelProfile {
    Checks.requireText(name, "name");
    Checks.requireModel(model, "model");
    options = Objects.requireNonNullElse(options, Options.NONE);
    keepAlive = Objects.requireNonNullElse(keepAlive, Optional.empty());
    think = Objects.requireNonNullElse(think, Optional.empty());
  }

  /**
   * A builder for a profile of this name.
   *
   * @param name the profile's name
   * @return a new builder; not thread-safe
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A builder holding this profile's settings, to derive a variant.
   *
   * @return a new builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder builder = new Builder(name).model(model).options(options);
    keepAlive.ifPresent(builder::keepAlive);
    think.ifPresent(builder::think);
    return builder;
  }

  /** Builds a {@link ModelProfile}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String model;
    private Options options = Options.NONE;
    private KeepAlive keepAlive;
    private Think think;

    private Builder(String name) {
      this.name = Checks.requireText(name, "name");
    }

    /**
     * The model.
     *
     * @param model an Ollama model name, such as {@code llama3.2:3b}
     * @return this builder
     */
    public Builder model(String model) {
      this.model = Checks.requireModel(model, "model");
      return this;
    }

    /**
     * Replaces all options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(Options options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets one option by its Ollama name, checked as {@link Options.Builder#option} checks it.
     *
     * @param name the wire name, such as {@code num_gpu}
     * @param value its value; {@code null} removes it
     * @return this builder
     */
    public Builder option(String name, Object value) {
      Options.Builder builder = Options.builder();
      options.toMap().forEach(builder::option);
      this.options = builder.option(name, value).build();
      return this;
    }

    /**
     * Sampling temperature.
     *
     * @param temperature at least 0
     * @return this builder
     */
    public Builder temperature(double temperature) {
      return option("temperature", temperature);
    }

    /**
     * Nucleus sampling threshold.
     *
     * @param topP from 0 to 1
     * @return this builder
     */
    public Builder topP(double topP) {
      return option("top_p", topP);
    }

    /**
     * Penalty for repeated tokens.
     *
     * @param repeatPenalty at least 0; 1 is neutral
     * @return this builder
     */
    public Builder repeatPenalty(double repeatPenalty) {
      return option("repeat_penalty", repeatPenalty);
    }

    /**
     * The context window in tokens (the profiles file's {@code context_size}).
     *
     * @param numCtx at least 1
     * @return this builder
     */
    public Builder numCtx(int numCtx) {
      return option("num_ctx", numCtx);
    }

    /**
     * How long Ollama keeps the model loaded after each request.
     *
     * @param keepAlive the duration; {@code null} leaves the server's default
     * @return this builder
     */
    public Builder keepAlive(KeepAlive keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    /**
     * Whether a thinking model thinks.
     *
     * @param think the setting; {@code null} lets the model decide
     * @return this builder
     */
    public Builder think(Think think) {
      this.think = think;
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     * @throws IllegalStateException if no model was set
     */
    public ModelProfile build() {
      if (model == null) {
        throw new IllegalStateException("profile '" + name + "' has no model; call model(...)");
      }
      return new ModelProfile(
          name, model, options, Optional.ofNullable(keepAlive), Optional.ofNullable(think));
    }
  }
}
