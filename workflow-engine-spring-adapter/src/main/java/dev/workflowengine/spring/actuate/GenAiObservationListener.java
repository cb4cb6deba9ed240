package dev.workflowengine.spring.actuate;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;

/**
 * Observes every call of a LangChain4j chat model that lists it: an observation starts when the
 * request goes out and stops with the response or the error. LangChain4j gives each call one
 * attributes map shared by its listeners, which carries the observation from request to answer.
 *
 * <p>The observation is never opened in scope: a streaming answer ends on another thread than the
 * one that sent the request, and a scope left open there would leak into unrelated work. It still
 * takes the observation current when the request goes out, such as a web request's, as its parent.
 */
final class GenAiObservationListener implements ChatModelListener {

  private static final GenAiChatConvention CONVENTION = new GenAiChatConvention();

  // A key no other listener can hold: the map is shared between all listeners of the call.
  private static final Object KEY = new Object();

  private final ObservationRegistry registry;

  GenAiObservationListener(ObservationRegistry registry) {
    this.registry = registry;
  }

  private record Started(Observation observation, ChatObservationContext context) {}

  @Override
  public void onRequest(ChatModelRequestContext request) {
    ChatObservationContext context =
        new ChatObservationContext(request.chatRequest(), request.modelProvider());
    Observation observation =
        Observation.createNotStarted(null, CONVENTION, () -> context, registry).start();
    request.attributes().put(KEY, new Started(observation, context));
  }

  @Override
  public void onResponse(ChatModelResponseContext response) {
    Started started = take(response.attributes());
    if (started != null) {
      started.context().response(response.chatResponse());
      started.observation().stop();
    }
  }

  @Override
  public void onError(ChatModelErrorContext error) {
    Started started = take(error.attributes());
    if (started != null) {
      started.observation().error(error.error());
      started.observation().stop();
    }
  }

  // Removed, so that a model calling back twice stops the observation only once.
  private static Started take(Map<Object, Object> attributes) {
    return attributes.remove(KEY) instanceof Started started ? started : null;
  }

  @Override
  public String toString() {
    return "GenAiObservationListener[" + GenAiChatConvention.NAME + "]";
  }
}
