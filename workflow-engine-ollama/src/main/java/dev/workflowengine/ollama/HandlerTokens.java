package dev.workflowengine.ollama;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.event.TokenSink;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A LangChain4j handler that queues what a streaming model says, so that the thread waiting in
 * {@link #deliverTo} can pass it to a {@link TokenSink} that must only be called from that thread.
 */
final class HandlerTokens implements StreamingChatResponseHandler {

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private volatile StreamingHandle handle;

  @Override
  public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
    handle = context.streamingHandle();
    events.add(partial.text());
  }

  @Override
  public void onPartialResponse(String partial) {
    events.add(partial);
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    events.add(response);
  }

  @Override
  public void onError(Throwable error) {
    events.add(error);
  }

  ChatResponse deliverTo(TokenSink sink) {
    while (true) {
      Object event = next();
      if (event instanceof String text) {
        sink.token(text);
      } else if (event instanceof ChatResponse response) {
        sink.finalToken("", metadata(response.metadata()));
        return response;
      } else if (event instanceof RuntimeException e) {
        throw e;
      } else if (event instanceof Error e) {
        throw e;
      } else {
        throw new OllamaException("the stream failed: " + event, -1, (Throwable) event);
      }
    }
  }

  private Object next() {
    try {
      return events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      StreamingHandle current = handle;
      if (current != null) {
        current.cancel();
      }
      throw new OllamaCancelledException("interrupted while waiting for the streamed answer");
    }
  }

  private static TokenMetadata metadata(ChatResponseMetadata metadata) {
    TokenUsage usage = metadata.tokenUsage();
    Integer total = usage == null ? null : usage.totalTokenCount();
    return new TokenMetadata(
        metadata.modelName() == null ? "unknown" : metadata.modelName(),
        total == null ? 0 : total,
        finishReason(metadata.finishReason()));
  }

  /** The same words as the Ollama path: Ollama's own, and {@code tool_calls} for tools. */
  private static String finishReason(FinishReason reason) {
    if (reason == null) {
      return "unknown";
    }
    return reason == FinishReason.TOOL_EXECUTION
        ? "tool_calls"
        : reason.name().toLowerCase(Locale.ROOT);
  }
}
