package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.workflowengine.ollama.KeepAlive;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.Options;
import dev.workflowengine.ollama.Think;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything a chat model adapter is configured with; built by {@link ChatModelBuilder}, shared by
 * the blocking and the streaming adapter.
 */
record ChatSettings(
    OllamaClient client,
    String model,
    Options options,
    Optional<KeepAlive> keepAlive,
    Optional<Think> think,
    boolean returnThinking,
    boolean sendThinking,
    ChatRequestParameters overrides,
    List<ChatModelListener> listeners,
    Set<Capability> capabilities,
    Consumer<String> beforeRequest) {

  ChatSettings {
    listeners = List.copyOf(listeners);
    capabilities = Set.copyOf(capabilities);
  }

  /**
   * The parameters a request starts from: the profile's model and options as LangChain4j sees them,
   * with the builder's {@code defaultRequestParameters} over them.
   */
  ChatRequestParameters defaultRequestParameters() {
    var builder = DefaultChatRequestParameters.builder().modelName(model);
    options.temperature().ifPresent(builder::temperature);
    options.topP().ifPresent(builder::topP);
    options.topK().ifPresent(builder::topK);
    options.frequencyPenalty().ifPresent(builder::frequencyPenalty);
    options.presencePenalty().ifPresent(builder::presencePenalty);
    options.numPredict().ifPresent(builder::maxOutputTokens);
    if (!options.stop().isEmpty()) {
      builder.stopSequences(options.stop());
    }
    ChatRequestParameters fromProfile = builder.build();
    return overrides == null ? fromProfile : fromProfile.overrideWith(overrides);
  }

  /** The request for Ollama, after the model was made available. */
  dev.workflowengine.ollama.ChatRequest toOllama(
      dev.langchain4j.model.chat.request.ChatRequest request) {
    dev.workflowengine.ollama.ChatRequest mapped = ToOllama.request(request, this);
    beforeRequest.accept(mapped.model());
    return mapped;
  }
}
