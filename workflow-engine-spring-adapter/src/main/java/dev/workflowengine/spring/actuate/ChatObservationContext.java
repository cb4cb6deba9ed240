package dev.workflowengine.spring.actuate;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.observation.Observation;
import java.util.Optional;

/**
 * One chat call of a LangChain4j model as Micrometer sees it: the request when it starts, the
 * response when it ends. The convention reads the tags from here when the observation starts and
 * again when it stops, so the response model and token counts are known by then.
 */
final class ChatObservationContext extends Observation.Context {

  private final ChatRequest request;
  private final ModelProvider provider;
  private volatile ChatResponse response;

  ChatObservationContext(ChatRequest request, ModelProvider provider) {
    this.request = request;
    this.provider = provider;
  }

  ChatRequest request() {
    return request;
  }

  /** The provider, or {@code null} when the model does not say. */
  ModelProvider provider() {
    return provider;
  }

  /** Set on success, before the observation stops; streaming answers end on another thread. */
  void response(ChatResponse chatResponse) {
    this.response = chatResponse;
  }

  Optional<ChatResponse> response() {
    return Optional.ofNullable(response);
  }

  Optional<String> requestModel() {
    return Optional.ofNullable(request.parameters())
        .map(ChatRequestParameters::modelName)
        .filter(name -> !name.isBlank());
  }

  Optional<String> responseModel() {
    return response().map(ChatResponse::modelName).filter(name -> !name.isBlank());
  }

  Optional<TokenUsage> tokenUsage() {
    return response().map(ChatResponse::tokenUsage);
  }
}
