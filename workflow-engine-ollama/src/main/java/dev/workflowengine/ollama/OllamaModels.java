package dev.workflowengine.ollama;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.workflowengine.ollama.langchain4j.ChatModelBuilder;
import dev.workflowengine.ollama.langchain4j.OllamaClientChatModel;
import dev.workflowengine.ollama.langchain4j.OllamaClientEmbeddingModel;
import dev.workflowengine.ollama.langchain4j.OllamaClientStreamingChatModel;
import java.util.Objects;

/**
 * LangChain4j models by profile name over one {@link OllamaClient}: {@code chatModel("default")},
 * {@code streamingChatModel("creative")}, {@code embeddingModel("embedding")}, with the {@link
 * PullStrategy} applied when a profile's model is first used.
 *
 * <pre>{@code
 * OllamaModels models = OllamaModels.builder(client)
 *     .profiles(ModelProfiles.load(Path.of("config/ollama/models.json")))
 *     .pullStrategy(PullStrategy.WHEN_MISSING)
 *     .build();
 * models.ensureModel("default");                 // at start-up: pull now, fail early
 * ChatModel chat = models.chatModel("default");
 * EmbeddingModel embeddings = models.embeddingModel("embedding");
 * }</pre>
 *
 * <p>Models are pulled at most once per model and {@code OllamaModels}, whichever thread and model
 * object asks first; concurrent first uses wait for the one pull. Keep one {@code OllamaModels} per
 * client. Creating a model object sends nothing; the first request does. Thread-safe.
 */
public final class OllamaModels {

  private final OllamaClient client;
  private final ModelProfiles profiles;
  private final ModelPuller puller;

  private OllamaModels(Builder builder) {
    this.client = builder.client;
    this.profiles = builder.profiles;
    PullStrategy strategy =
        builder.pullStrategy != null
            ? builder.pullStrategy
            : profiles.pullStrategy().orElse(PullStrategy.NEVER);
    this.puller = new ModelPuller(client, strategy, builder.pullListener);
  }

  /**
   * A builder with the built-in profiles ({@link ModelProfiles#defaults()}), the profiles' pull
   * strategy or else {@link PullStrategy#NEVER}, and a logging pull listener.
   *
   * @param client the client every model uses
   * @return a new builder; not thread-safe
   */
  public static Builder builder(OllamaClient client) {
    return new Builder(client);
  }

  /**
   * A chat model for a profile.
   *
   * @param profile the profile's name
   * @return the model
   * @throws UnknownProfileException listing the known profiles
   */
  public ChatModel chatModel(String profile) {
    return chatModelBuilder(profile).build();
  }

  /**
   * A builder for a chat model of a profile, to set thinking, listeners and the like.
   *
   * @param profile the profile's name
   * @return a builder holding the profile and the pull hook
   * @throws UnknownProfileException listing the known profiles
   */
  public ChatModelBuilder<OllamaClientChatModel> chatModelBuilder(String profile) {
    return OllamaClientChatModel.builder(client)
        .profile(profiles.get(profile))
        .beforeRequest(puller::beforeUse);
  }

  /**
   * A streaming chat model for a profile.
   *
   * @param profile the profile's name
   * @return the model
   * @throws UnknownProfileException listing the known profiles
   */
  public StreamingChatModel streamingChatModel(String profile) {
    return streamingChatModelBuilder(profile).build();
  }

  /**
   * A builder for a streaming chat model of a profile.
   *
   * @param profile the profile's name
   * @return a builder holding the profile and the pull hook
   * @throws UnknownProfileException listing the known profiles
   */
  public ChatModelBuilder<OllamaClientStreamingChatModel> streamingChatModelBuilder(
      String profile) {
    return OllamaClientStreamingChatModel.builder(client)
        .profile(profiles.get(profile))
        .beforeRequest(puller::beforeUse);
  }

  /**
   * An embedding model for a profile.
   *
   * @param profile the profile's name
   * @return the model
   * @throws UnknownProfileException listing the known profiles
   */
  public EmbeddingModel embeddingModel(String profile) {
    return OllamaClientEmbeddingModel.builder(client)
        .profile(profiles.get(profile))
        .beforeRequest(puller::beforeUse)
        .build();
  }

  /**
   * Applies the pull strategy to a profile's model now rather than at first use: pulls it ({@code
   * ALWAYS}, or {@code WHEN_MISSING} when the server lacks it), or only checks that the server has
   * it ({@code NEVER}). Counts as the first use.
   *
   * @param profile the profile's name
   * @throws UnknownProfileException listing the known profiles
   * @throws ModelNotFoundException with {@code NEVER}, when the server does not have the model
   */
  public void ensureModel(String profile) {
    puller.ensure(profiles.get(profile).model());
  }

  /**
   * The profiles.
   *
   * @return the profiles
   */
  public ModelProfiles profiles() {
    return profiles;
  }

  /** Configures {@link OllamaModels}. Not thread-safe. */
  public static final class Builder {
    private final OllamaClient client;
    private ModelProfiles profiles = ModelProfiles.defaults();
    private PullStrategy pullStrategy;
    private PullListener pullListener = PullListener.logging();

    private Builder(OllamaClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The profiles, replacing the built-in ones.
     *
     * @param profiles the profiles
     * @return this builder
     */
    public Builder profiles(ModelProfiles profiles) {
      this.profiles = Objects.requireNonNull(profiles, "profiles");
      return this;
    }

    /**
     * The pull strategy, overriding the profiles'.
     *
     * @param strategy the strategy
     * @return this builder
     */
    public Builder pullStrategy(PullStrategy strategy) {
      this.pullStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Who hears pull progress; by default it is logged.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder pullListener(PullListener listener) {
      this.pullListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the facade.
     *
     * @return the facade
     */
    public OllamaModels build() {
      return new OllamaModels(this);
    }
  }
}
