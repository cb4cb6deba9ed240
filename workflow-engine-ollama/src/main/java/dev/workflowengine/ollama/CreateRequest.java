package dev.workflowengine.ollama;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to {@code POST /api/create}: a new model from an existing one ({@link Builder#from}) or
 * from uploaded files ({@link Builder#file}, see {@link OllamaClient#uploadBlob}), with its own
 * system prompt, template, parameters or quantization. Immutable.
 *
 * <pre>{@code
 * CreateRequest request = CreateRequest.builder("mario")
 *     .from("llama3.2")
 *     .system("You are Mario from Super Mario Bros.")
 *     .parameter("temperature", 0.8)
 *     .build();
 * client.create(request).last();
 * }</pre>
 *
 * @param model the name of the new model
 * @param from the model to start from, when not built from files
 * @param files file name to blob digest, for models built from uploaded GGUF or safetensors files
 * @param adapters file name to blob digest of LoRA adapters
 * @param template the prompt template
 * @param license the license texts
 * @param system the system prompt
 * @param parameters default model parameters, by wire name (like {@link Options#toMap()})
 * @param messages messages built into the model
 * @param quantize the quantization to apply, such as {@code q4_K_M}
 */
public record CreateRequest(
    String model,
    Optional<String> from,
    Map<String, String> files,
    Map<String, String> adapters,
    Optional<String> template,
    List<String> license,
    Optional<String> system,
    Map<String, Object> parameters,
    List<ChatMessage> messages,
    Optional<String> quantize) {

  /** Validates and copies the components. */
  public CreateRequest {
    Checks.requireModel(model, "model");
    from = Objects.requireNonNullElse(from, Optional.empty());
    files = digests(files, "files");
    adapters = digests(adapters, "adapters");
    template = Objects.requireNonNullElse(template, Optional.empty());
    license = Checks.listOrEmpty(license, "license");
    system = Objects.requireNonNullElse(system, Optional.empty());
    parameters = parameters == null ? Map.of() : JsonCopies.object(parameters, "parameters");
    messages = Checks.listOrEmpty(messages, "messages");
    quantize = Objects.requireNonNullElse(quantize, Optional.empty());
    if (from.isEmpty() && files.isEmpty()) {
      throw new IllegalArgumentException(
          "model '" + model + "' needs a base: set from(model) or add the files it is built from");
    }
  }

  /**
   * A builder for a model of the given name.
   *
   * @param model the new model's name
   * @return a new builder; not thread-safe
   */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  private static Map<String, String> digests(Map<String, String> map, String name) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach(
        (file, digest) -> {
          Checks.requireText(file, name + " file name");
          copy.put(file, Requests.requireDigest(digest, name + "." + file));
        });
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** Builds a {@link CreateRequest}; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private final String model;
    private String from;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> adapters = new LinkedHashMap<>();
    private String template;
    private final List<String> license = new ArrayList<>();
    private String system;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<ChatMessage> messages = new ArrayList<>();
    private String quantize;

    private Builder(String model) {
      this.model = Checks.requireModel(model, "model");
    }

    /**
     * Starts from an existing model.
     *
     * @param from the model's name
     * @return this builder
     */
    public Builder from(String from) {
      this.from = Checks.requireModel(from, "from");
      return this;
    }

    /**
     * Adds a model file uploaded with {@link OllamaClient#uploadBlob}.
     *
     * @param fileName the file's name, such as {@code model.gguf}
     * @param digest the digest {@code uploadBlob} returned
     * @return this builder
     */
    public Builder file(String fileName, String digest) {
      files.put(Checks.requireText(fileName, "fileName"), Requests.requireDigest(digest, "digest"));
      return this;
    }

    /**
     * Adds a LoRA adapter uploaded with {@link OllamaClient#uploadBlob}.
     *
     * @param fileName the file's name
     * @param digest the digest {@code uploadBlob} returned
     * @return this builder
     */
    public Builder adapter(String fileName, String digest) {
      adapters.put(
          Checks.requireText(fileName, "fileName"), Requests.requireDigest(digest, "digest"));
      return this;
    }

    /**
     * Sets the prompt template.
     *
     * @param template the template, in Ollama's Go template syntax
     * @return this builder
     */
    public Builder template(String template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Adds a license text.
     *
     * @param license the text
     * @return this builder
     */
    public Builder license(String license) {
      this.license.add(Checks.requireText(license, "license"));
      return this;
    }

    /**
     * Sets the system prompt.
     *
     * @param system the prompt
     * @return this builder
     */
    public Builder system(String system) {
      this.system = Objects.requireNonNull(system, "system");
      return this;
    }

    /**
     * Sets a default parameter, checked like {@link Options.Builder#option(String, Object)}.
     *
     * @param name the wire name, such as {@code temperature}
     * @param value the value
     * @return this builder
     */
    public Builder parameter(String name, Object value) {
      Options.builder().option(name, Objects.requireNonNull(value, "value"));
      parameters.put(name, value);
      return this;
    }

    /**
     * Sets default parameters from options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder parameters(Options options) {
      parameters.putAll(Objects.requireNonNull(options, "options").toMap());
      return this;
    }

    /**
     * Adds a message built into the model.
     *
     * @param message the message
     * @return this builder
     */
    public Builder message(ChatMessage message) {
      messages.add(Objects.requireNonNull(message, "message"));
      return this;
    }

    /**
     * Quantizes the model.
     *
     * @param quantize the quantization, such as {@code q4_K_M} or {@code q8_0}
     * @return this builder
     */
    public Builder quantize(String quantize) {
      this.quantize = Checks.requireText(quantize, "quantize");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public CreateRequest build() {
      return new CreateRequest(
          model,
          Optional.ofNullable(from),
          files,
          adapters,
          Optional.ofNullable(template),
          license,
          Optional.ofNullable(system),
          parameters,
          messages,
          Optional.ofNullable(quantize));
    }
  }
}
