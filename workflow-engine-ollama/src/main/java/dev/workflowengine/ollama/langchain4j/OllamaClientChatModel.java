package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.ollama.OllamaClient;
import java.util.List;
import java.util.Set;

/**
 * A LangChain4j {@link ChatModel} over this SDK's {@link OllamaClient}: its timeouts that survive
 * model loading, retries, typed exceptions and profiles, with the whole LangChain4j request mapped
 * (tools and tool results, JSON-schema response format, thinking, images, every sampling
 * parameter). Named {@code OllamaClient...} so that it never clashes with langchain4j-ollama's
 * {@code OllamaChatModel} on a class path or in one file.
 *
 * <pre>{@code
 * ChatModel model = OllamaModels.builder(client).build().chatModel("default");
 * String answer = model.chat("Why is the sky blue?");
 *
 * ChatModel custom = OllamaClientChatModel.builder(client)
 *     .profile(ModelProfiles.defaults().get("code"))
 *     .returnThinking(true)
 *     .build();
 * }</pre>
 *
 * <p>Failures are the client's exceptions ({@code ModelNotFoundException}, {@code
 * OllamaUnavailableException}, ...); what Ollama cannot do ({@code ToolChoice.REQUIRED}, audio,
 * image URLs) is LangChain4j's {@code UnsupportedFeatureException}. Immutable and thread-safe.
 */
public final class OllamaClientChatModel implements ChatModel {

  private final ChatSettings settings;

  private OllamaClientChatModel(ChatSettings settings) {
    this.settings = settings;
  }

  /**
   * A builder over a client.
   *
   * @param client the client, shared by every model built on it
   * @return a new builder; not thread-safe
   */
  public static ChatModelBuilder<OllamaClientChatModel> builder(OllamaClient client) {
    return new ChatModelBuilder<>(client, OllamaClientChatModel::new);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    dev.workflowengine.ollama.ChatRequest mapped = settings.toOllama(request);
    return FromOllama.response(settings.client().chat(mapped), settings.returnThinking());
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return settings.defaultRequestParameters();
  }

  @Override
  public List<ChatModelListener> listeners() {
    return settings.listeners();
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OLLAMA;
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return settings.capabilities();
  }

  @Override
  public String toString() {
    return "OllamaClientChatModel[" + settings.model() + "]";
  }
}
