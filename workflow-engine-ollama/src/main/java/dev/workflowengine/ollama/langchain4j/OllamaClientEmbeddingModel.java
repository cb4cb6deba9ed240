package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingParameter;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.workflowengine.ollama.EmbedRequest;
import dev.workflowengine.ollama.EmbedResponse;
import dev.workflowengine.ollama.KeepAlive;
import dev.workflowengine.ollama.ModelProfile;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.Options;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A LangChain4j {@link EmbeddingModel} over this SDK's {@link OllamaClient}: all inputs of a
 * request in one {@code POST /api/embed}, with the profile's options and keep-alive. Supports the
 * per-call parameters {@code modelName} and {@code dimensions}; Ollama has no input types, so a
 * request with {@code inputType} fails with {@code UnsupportedFeatureException}. Named {@code
 * OllamaClient...} so that it never clashes with langchain4j-ollama's {@code OllamaEmbeddingModel}.
 *
 * <pre>{@code
 * EmbeddingModel embeddings = OllamaModels.builder(client).build().embeddingModel("embedding");
 * List<Embedding> vectors = embeddings.embedAll(segments).content();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class OllamaClientEmbeddingModel implements EmbeddingModel {

  private static final Set<EmbeddingParameter<?>> SUPPORTED =
      Set.of(EmbeddingRequestParameters.MODEL_NAME, EmbeddingRequestParameters.DIMENSIONS);

  private final OllamaClient client;
  private final String model;
  private final Options options;
  private final KeepAlive keepAlive;
  private final Integer dimensions;
  private final List<EmbeddingModelListener> listeners;
  private final Consumer<String> beforeRequest;
  private volatile Integer dimension;

  private OllamaClientEmbeddingModel(Builder builder) {
    this.client = builder.client;
    this.model = builder.model;
    this.options = builder.options;
    this.keepAlive = builder.keepAlive;
    this.dimensions = builder.dimensions;
    this.listeners = builder.listeners;
    this.beforeRequest = builder.beforeRequest;
  }

  /**
   * A builder over a client.
   *
   * @param client the client, shared by every model built on it
   * @return a new builder; not thread-safe
   */
  public static Builder builder(OllamaClient client) {
    return new Builder(client);
  }

  @Override
  public EmbeddingResponse doEmbed(EmbeddingRequest request) {
    EmbeddingRequestParameters parameters = request.parameters();
    String name = parameters.modelName() != null ? parameters.modelName() : model;
    EmbedRequest.Builder embed =
        EmbedRequest.builder(name)
            .input(request.inputs().stream().map(EmbeddingInput::text).toList())
            .options(options);
    if (parameters.dimensions() != null) {
      embed.dimensions(parameters.dimensions());
    }
    if (keepAlive != null) {
      embed.keepAlive(keepAlive);
    }
    beforeRequest.accept(name);
    EmbedResponse response = client.embed(embed.build());
    return EmbeddingResponse.builder()
        .embeddings(
            response.embeddings().stream().map(vector -> new Embedding(vector.toArray())).toList())
        .modelName(response.model())
        .tokenUsage(response.metrics().map(m -> new TokenUsage(m.promptEvalCount())).orElse(null))
        .build();
  }

  @Override
  public EmbeddingRequestParameters defaultRequestParameters() {
    return EmbeddingRequestParameters.builder().modelName(model).dimensions(dimensions).build();
  }

  @Override
  public Set<EmbeddingParameter<?>> supportedParameters() {
    return SUPPORTED;
  }

  @Override
  public List<EmbeddingModelListener> listeners() {
    return listeners;
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OLLAMA;
  }

  @Override
  public String modelName() {
    return model;
  }

  /** The configured dimensions, else the length of a test embedding, asked for once. */
  @Override
  public int dimension() {
    Integer known = dimensions != null ? dimensions : dimension;
    if (known == null) {
      known = embed("test").content().dimension();
      dimension = known;
    }
    return known;
  }

  @Override
  public String toString() {
    return "OllamaClientEmbeddingModel[" + model + "]";
  }

  /** Configures an {@link OllamaClientEmbeddingModel}. Not thread-safe. */
  public static final class Builder {
    private final OllamaClient client;
    private String model;
    private Options options = Options.NONE;
    private KeepAlive keepAlive;
    private Integer dimensions;
    private List<EmbeddingModelListener> listeners = List.of();
    private Consumer<String> beforeRequest = model -> {};

    private Builder(OllamaClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Takes model, options and keep-alive from a profile.
     *
     * @param profile the profile
     * @return this builder
     */
    public Builder profile(ModelProfile profile) {
      Objects.requireNonNull(profile, "profile");
      this.model = profile.model();
      this.options = profile.options();
      this.keepAlive = profile.keepAlive().orElse(null);
      return this;
    }

    /**
     * The model, when not taken from a profile.
     *
     * @param model an embedding model, such as {@code nomic-embed-text}
     * @return this builder
     */
    public Builder modelName(String model) {
      Objects.requireNonNull(model, "model");
      if (model.isBlank()) {
        throw new IllegalArgumentException("model must not be blank");
      }
      this.model = model;
      return this;
    }

    /**
     * The options sent with every request.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(Options options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * How long Ollama keeps the model loaded; unset leaves the server's default.
     *
     * @param keepAlive the duration, or {@code null}
     * @return this builder
     */
    public Builder keepAlive(KeepAlive keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    /**
     * The length of the vectors, for models that can shorten them.
     *
     * @param dimensions at least 1
     * @return this builder
     */
    public Builder dimensions(int dimensions) {
      if (dimensions < 1) {
        throw new IllegalArgumentException("dimensions must be >= 1 but was " + dimensions);
      }
      this.dimensions = dimensions;
      return this;
    }

    /**
     * Listeners notified around every request.
     *
     * @param listeners the listeners
     * @return this builder
     */
    public Builder listeners(List<EmbeddingModelListener> listeners) {
      this.listeners = List.copyOf(Objects.requireNonNull(listeners, "listeners"));
      return this;
    }

    /**
     * Called with the model's name before every request; see {@link
     * ChatModelBuilder#beforeRequest}.
     *
     * @param beforeRequest the hook
     * @return this builder
     */
    public Builder beforeRequest(Consumer<String> beforeRequest) {
      this.beforeRequest = Objects.requireNonNull(beforeRequest, "beforeRequest");
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws IllegalStateException if neither a profile nor a model name was given
     */
    public OllamaClientEmbeddingModel build() {
      if (model == null) {
        throw new IllegalStateException("no model: call profile(...) or modelName(...)");
      }
      return new OllamaClientEmbeddingModel(this);
    }
  }
}
