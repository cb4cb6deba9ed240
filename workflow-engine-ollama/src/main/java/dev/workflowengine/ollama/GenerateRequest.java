package dev.workflowengine.ollama;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request to {@code POST /api/generate}: a completion of one prompt. Whether the answer streams
 * is decided by the method it is passed to ({@link OllamaClient#generate} or {@link
 * OllamaClient#generateStream}). Anything left unset is not sent; {@code keep_alive} only when set.
 * Immutable.
 *
 * <pre>{@code
 * GenerateRequest request = GenerateRequest.builder("codellama:code")
 *     .prompt("def compute_gcd(a, b):")
 *     .suffix("    return result")
 *     .options(Options.builder().temperature(0).build())
 *     .build();
 * }</pre>
 *
 * @param model the model
 * @param prompt the prompt; empty only loads the model
 * @param suffix text after the insertion point, for fill-in-the-middle models
 * @param images base64-encoded images, for vision models
 * @param format the shape of the answer, when constrained
 * @param options model options; {@link Options#NONE} sends none
 * @param system a system prompt replacing the model's
 * @param template a prompt template replacing the model's
 * @param context the context returned by a previous generate call (deprecated by Ollama)
 * @param raw whether the prompt is sent without any template applied
 * @param think whether a thinking model thinks, when set
 * @param keepAlive how long the model stays loaded afterwards, when set
 * @param logprobs whether to return log probabilities of the generated tokens
 * @param topLogprobs how many likeliest alternatives to return per token (0 to 20), when set
 */
public record GenerateRequest(
    String model,
    String prompt,
    Optional<String> suffix,
    List<String> images,
    Optional<Format> format,
    Options options,
    Optional<String> system,
    Optional<String> template,
    List<Integer> context,
    boolean raw,
    Optional<Think> think,
    Optional<KeepAlive> keepAlive,
    boolean logprobs,
    OptionalInt topLogprobs) {

  /** Validates and copies the components. */
  public GenerateRequest {
    Checks.requireModel(model, "model");
    prompt = Objects.requireNonNullElse(prompt, "");
    suffix = Objects.requireNonNullElse(suffix, Optional.empty());
    images = Checks.listOrEmpty(images, "images");
    format = Objects.requireNonNullElse(format, Optional.empty());
    options = Objects.requireNonNullElse(options, Options.NONE);
    system = Objects.requireNonNullElse(system, Optional.empty());
    template = Objects.requireNonNullElse(template, Optional.empty());
    context = Checks.listOrEmpty(context, "context");
    think = Objects.requireNonNullElse(think, Optional.empty());
    keepAlive = Objects.requireNonNullElse(keepAlive, Optional.empty());
    topLogprobs = Objects.requireNonNullElse(topLogprobs, OptionalInt.empty());
    Requests.checkLogprobs(logprobs, topLogprobs);
    images.forEach(Requests::requireBase64);
  }

  /**
   * A request for a completion of a prompt, with nothing else set.
   *
   * @param model the model
   * @param prompt the prompt
   * @return the request
   */
  public static GenerateRequest of(String model, String prompt) {
    return builder(model).prompt(prompt).build();
  }

  /**
   * A builder for a request to a model.
   *
   * @param model the model, such as {@code llama3.2}
   * @return a new builder; not thread-safe
   */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** Builds a {@link GenerateRequest}; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private final String model;
    private String prompt = "";
    private String suffix;
    private final List<String> images = new ArrayList<>();
    private Format format;
    private Options options = Options.NONE;
    private String system;
    private String template;
    private List<Integer> context = List.of();
    private boolean raw;
    private Think think;
    private KeepAlive keepAlive;
    private boolean logprobs;
    private Integer topLogprobs;

    private Builder(String model) {
      this.model = Checks.requireModel(model, "model");
    }

    /**
     * Sets the prompt.
     *
     * @param prompt the prompt
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /**
     * Sets the text after the insertion point, for fill-in-the-middle models.
     *
     * @param suffix the suffix
     * @return this builder
     */
    public Builder suffix(String suffix) {
      this.suffix = Objects.requireNonNull(suffix, "suffix");
      return this;
    }

    /**
     * Adds an image, encoding it as base64.
     *
     * @param image the image file's bytes
     * @return this builder
     */
    public Builder image(byte[] image) {
      images.add(Requests.encodeImage(image));
      return this;
    }

    /**
     * Adds an image that is already base64-encoded.
     *
     * @param base64 the encoded image
     * @return this builder
     */
    public Builder imageBase64(String base64) {
      Requests.requireBase64(base64);
      images.add(base64);
      return this;
    }

    /**
     * Constrains the answer to JSON or to a JSON schema.
     *
     * @param format the format
     * @return this builder
     */
    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format");
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
     * Replaces the model's system prompt.
     *
     * @param system the system prompt
     * @return this builder
     */
    public Builder system(String system) {
      this.system = Objects.requireNonNull(system, "system");
      return this;
    }

    /**
     * Replaces the model's prompt template.
     *
     * @param template the template, in Ollama's Go template syntax
     * @return this builder
     */
    public Builder template(String template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Continues from the context a previous generate call returned.
     *
     * @param context the context tokens
     * @return this builder
     */
    public Builder context(List<Integer> context) {
      this.context = Checks.copyList(context, "context");
      return this;
    }

    /**
     * Sends the prompt without applying any template.
     *
     * @param raw whether the prompt is already fully templated
     * @return this builder
     */
    public Builder raw(boolean raw) {
      this.raw = raw;
      return this;
    }

    /**
     * Turns thinking on or off, or sets its level.
     *
     * @param think the setting
     * @return this builder
     */
    public Builder think(Think think) {
      this.think = Objects.requireNonNull(think, "think");
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
     * Asks for the log probability of every generated token.
     *
     * @param enabled whether to return them
     * @return this builder
     */
    public Builder logprobs(boolean enabled) {
      this.logprobs = enabled;
      return this;
    }

    /**
     * Asks for log probabilities with the likeliest alternatives at each position.
     *
     * @param top how many alternatives, 0 to 20
     * @return this builder
     */
    public Builder topLogprobs(int top) {
      Requests.checkTopLogprobs(top);
      this.logprobs = true;
      this.topLogprobs = top;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public GenerateRequest build() {
      return new GenerateRequest(
          model,
          prompt,
          Optional.ofNullable(suffix),
          images,
          Optional.ofNullable(format),
          options,
          Optional.ofNullable(system),
          Optional.ofNullable(template),
          context,
          raw,
          Optional.ofNullable(think),
          Optional.ofNullable(keepAlive),
          logprobs,
          topLogprobs == null ? OptionalInt.empty() : OptionalInt.of(topLogprobs));
    }
  }
}
