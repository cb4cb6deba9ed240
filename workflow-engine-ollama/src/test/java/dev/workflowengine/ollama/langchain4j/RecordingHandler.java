package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records every handler call as a line of text, the threads it came on, and the outcome as a
 * future, so tests can wait for the end of a stream without sleeping.
 */
class RecordingHandler implements StreamingChatResponseHandler {

  final List<String> events = Collections.synchronizedList(new ArrayList<>());
  final Set<String> threads = ConcurrentHashMap.newKeySet();
  final CompletableFuture<ChatResponse> outcome = new CompletableFuture<>();
  private final Consumer<PartialResponseContext> onPartial;

  RecordingHandler() {
    this(context -> {});
  }

  RecordingHandler(Consumer<PartialResponseContext> onPartial) {
    this.onPartial = onPartial;
  }

  @Override
  public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
    record("text " + partial.text());
    onPartial.accept(context);
  }

  @Override
  public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
    record("thinking " + partial.text());
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall call) {
    record(
        "tool "
            + call.index()
            + " "
            + call.toolExecutionRequest().id()
            + " "
            + call.toolExecutionRequest().name()
            + " "
            + call.toolExecutionRequest().arguments());
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    record("complete");
    outcome.complete(response);
  }

  @Override
  public void onError(Throwable error) {
    record("error " + error.getClass().getSimpleName());
    outcome.completeExceptionally(error);
  }

  /** The final response, waiting up to ten seconds. */
  ChatResponse response() throws Exception {
    return outcome.get(10, TimeUnit.SECONDS);
  }

  /** The error the stream ended with, waiting up to ten seconds. */
  Throwable error() throws Exception {
    try {
      ChatResponse response = outcome.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected an error but got " + response);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  List<String> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  private void record(String event) {
    threads.add(Thread.currentThread().getName());
    events.add(event);
  }
}
