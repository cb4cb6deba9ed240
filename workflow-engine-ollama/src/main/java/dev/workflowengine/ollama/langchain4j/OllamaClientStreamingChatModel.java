package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.workflowengine.ollama.OllamaClient;
import java.util.List;
import java.util.Set;

/**
 * A LangChain4j {@link StreamingChatModel} over this SDK's {@link OllamaClient}: partial responses
 * and partial thinking as Ollama streams them, each tool call complete as Ollama sends it ({@code
 * onCompleteToolCall}; Ollama never streams a call's arguments), and a final {@code ChatResponse}
 * with the token usage ({@code prompt_eval_count}, {@code eval_count}) and finish reason (stop,
 * length, or tool execution). Named {@code OllamaClient...} so that it never clashes with
 * langchain4j-ollama's {@code OllamaStreamingChatModel}.
 *
 * <pre>{@code
 * StreamingChatModel model = OllamaModels.builder(client).build().streamingChatModel("default");
 * model.chat("Tell me a story", new StreamingChatResponseHandler() {
 *   public void onPartialResponse(String text) { System.out.print(text); }
 *   public void onCompleteResponse(ChatResponse response) { done(response); }
 *   public void onError(Throwable error) { failed(error); }
 * });
 * }</pre>
 *
 * <p>{@code doChat} returns at once (except for a pull of a missing model on first use, which runs
 * on the calling thread); the handler is called on the client's callback executor, one call after
 * another. A request that cannot be expressed to Ollama ({@code ToolChoice.REQUIRED}, audio) throws
 * from {@code chat}, as langchain4j-ollama does; everything that goes wrong talking to Ollama,
 * including a pull on first use, reaches {@code onError} as the client's typed exceptions. An
 * exception thrown by the handler stops the stream and is passed to {@code onError}. After {@code
 * StreamingHandle.cancel()} the handler hears nothing more. Immutable and thread-safe.
 */
public final class OllamaClientStreamingChatModel implements StreamingChatModel {

  private final ChatSettings settings;

  private OllamaClientStreamingChatModel(ChatSettings settings) {
    this.settings = settings;
  }

  /**
   * A builder over a client.
   *
   * @param client the client, shared by every model built on it
   * @return a new builder; not thread-safe
   */
  public static ChatModelBuilder<OllamaClientStreamingChatModel> builder(OllamaClient client) {
    return new ChatModelBuilder<>(client, OllamaClientStreamingChatModel::new);
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    dev.workflowengine.ollama.ChatRequest mapped = ToOllama.request(request, settings);
    StreamingResponder responder = new StreamingResponder(handler, settings.returnThinking());
    try {
      settings.beforeRequest().accept(mapped.model());
    } catch (RuntimeException e) {
      responder.onError(e);
      return;
    }
    responder.start(settings.client().chatStream(mapped, responder));
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
    return "OllamaClientStreamingChatModel[" + settings.model() + "]";
  }
}
