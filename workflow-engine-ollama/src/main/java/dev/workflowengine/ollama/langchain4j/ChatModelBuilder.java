package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.workflowengine.ollama.KeepAlive;
import dev.workflowengine.ollama.ModelProfile;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.Options;
import dev.workflowengine.ollama.Think;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Configures an {@link OllamaClientChatModel} or {@link OllamaClientStreamingChatModel}: the model
 * and options (usually from a {@link ModelProfile}), thinking, listeners. Each setter checks its
 * value at once; {@link #build()} copies the configuration, so a builder can be reused. Not
 * thread-safe.
 *
 * <pre>{@code
 * ChatModel model = OllamaClientChatModel.builder(client)
 *     .profile(profiles.get("default"))
 *     .think(Think.ENABLED)
 *     .returnThinking(true)
 *     .build();
 * }</pre>
 *
 * @param <M> the model built
 */
public final class ChatModelBuilder<M> {

  private final OllamaClient client;
  private final Function<ChatSettings, M> factory;
  private String model;
  private Options options = Options.NONE;
  private KeepAlive keepAlive;
  private Think think;
  private boolean returnThinking;
  private boolean sendThinking;
  private ChatRequestParameters defaultRequestParameters;
  private List<ChatModelListener> listeners = List.of();
  private Set<Capability> capabilities = Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
  private Consumer<String> beforeRequest = model -> {};

  ChatModelBuilder(OllamaClient client, Function<ChatSettings, M> factory) {
    this.client = Objects.requireNonNull(client, "client");
    this.factory = factory;
  }

  /**
   * Takes model, options, keep-alive and thinking from a profile, replacing any set before.
   *
   * @param profile the profile
   * @return this builder
   */
  public ChatModelBuilder<M> profile(ModelProfile profile) {
    Objects.requireNonNull(profile, "profile");
    this.model = profile.model();
    this.options = profile.options();
    this.keepAlive = profile.keepAlive().orElse(null);
    this.think = profile.think().orElse(null);
    return this;
  }

  /**
   * The model, when not taken from a profile.
   *
   * @param model an Ollama model name, such as {@code llama3.2:3b}
   * @return this builder
   */
  public ChatModelBuilder<M> modelName(String model) {
    Objects.requireNonNull(model, "model");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    this.model = model;
    return this;
  }

  /**
   * The Ollama options every request starts from; LangChain4j parameters of a request win.
   *
   * @param options the options
   * @return this builder
   */
  public ChatModelBuilder<M> options(Options options) {
    this.options = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * How long Ollama keeps the model loaded; unset leaves the server's own default.
   *
   * @param keepAlive the duration, or {@code null} to unset
   * @return this builder
   */
  public ChatModelBuilder<M> keepAlive(KeepAlive keepAlive) {
    this.keepAlive = keepAlive;
    return this;
  }

  /**
   * Whether a thinking model thinks: on, off or a level; unset lets the model decide.
   *
   * @param think the setting, or {@code null} to unset
   * @return this builder
   */
  public ChatModelBuilder<M> think(Think think) {
    this.think = think;
    return this;
  }

  /**
   * Whether the model's thinking goes into {@code AiMessage.thinking()} and, when streaming, to
   * {@code onPartialThinking}. Off by default, as in LangChain4j: thinking kept in the message is
   * kept in chat memory too. Does not make the model think; see {@link #think(Think)}.
   *
   * @param returnThinking the setting
   * @return this builder
   */
  public ChatModelBuilder<M> returnThinking(boolean returnThinking) {
    this.returnThinking = returnThinking;
    return this;
  }

  /**
   * Whether the thinking of earlier AI messages is sent back to Ollama in the history ({@code
   * thinking} of assistant messages), which some models use to continue their reasoning after a
   * tool call. Off by default.
   *
   * @param sendThinking the setting
   * @return this builder
   */
  public ChatModelBuilder<M> sendThinking(boolean sendThinking) {
    this.sendThinking = sendThinking;
    return this;
  }

  /**
   * LangChain4j parameters laid over the profile's for every request: tools, response format,
   * temperature, and so on.
   *
   * @param parameters the parameters
   * @return this builder
   */
  public ChatModelBuilder<M> defaultRequestParameters(ChatRequestParameters parameters) {
    this.defaultRequestParameters = Objects.requireNonNull(parameters, "parameters");
    ToOllama.validate(parameters);
    return this;
  }

  /**
   * Listeners notified around every request, as LangChain4j defines.
   *
   * @param listeners the listeners
   * @return this builder
   */
  public ChatModelBuilder<M> listeners(List<ChatModelListener> listeners) {
    this.listeners = List.copyOf(Objects.requireNonNull(listeners, "listeners"));
    return this;
  }

  /**
   * What the model tells LangChain4j's AI services it can do. By default {@code
   * RESPONSE_FORMAT_JSON_SCHEMA}, which Ollama supports through {@code format}.
   *
   * @param capabilities the capabilities
   * @return this builder
   */
  public ChatModelBuilder<M> supportedCapabilities(Set<Capability> capabilities) {
    this.capabilities = Set.copyOf(Objects.requireNonNull(capabilities, "capabilities"));
    return this;
  }

  /**
   * Called with the model's name before every request is sent, on the calling thread; an exception
   * it throws fails the request. {@link dev.workflowengine.ollama.OllamaModels} uses it to pull a
   * missing model on first use.
   *
   * @param beforeRequest the hook
   * @return this builder
   */
  public ChatModelBuilder<M> beforeRequest(Consumer<String> beforeRequest) {
    this.beforeRequest = Objects.requireNonNull(beforeRequest, "beforeRequest");
    return this;
  }

  /**
   * Builds the model.
   *
   * @return the model; immutable and thread-safe
   * @throws IllegalStateException if neither a profile nor a model name was given
   */
  public M build() {
    if (model == null) {
      throw new IllegalStateException("no model: call profile(...) or modelName(...)");
    }
    return factory.apply(
        new ChatSettings(
            client,
            model,
            options,
            Optional.ofNullable(keepAlive),
            Optional.ofNullable(think),
            returnThinking,
            sendThinking,
            defaultRequestParameters,
            listeners,
            capabilities,
            beforeRequest));
  }
}
