package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.workflowengine.ollama.ChatAccumulator;
import dev.workflowengine.ollama.ChatMessage;
import dev.workflowengine.ollama.ChatResponse;
import dev.workflowengine.ollama.StreamHandle;
import dev.workflowengine.ollama.StreamListener;
import dev.workflowengine.ollama.ToolCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the client's chat chunks into LangChain4j handler calls. The client calls it on one thread
 * at a time, so the accumulator needs no locking; the handle is set from the thread that started
 * the stream and read from the callback thread, hence volatile.
 */
final class StreamingResponder implements StreamListener<ChatResponse>, StreamingHandle {

  private static final Logger LOG = LoggerFactory.getLogger(StreamingResponder.class);

  private final StreamingChatResponseHandler handler;
  private final boolean returnThinking;
  private final ChatAccumulator answer = new ChatAccumulator();
  private volatile StreamHandle stream;
  private volatile boolean cancelled;
  private int toolCalls;

  StreamingResponder(StreamingChatResponseHandler handler, boolean returnThinking) {
    this.handler = handler;
    this.returnThinking = returnThinking;
  }

  void start(StreamHandle stream) {
    this.stream = stream;
    if (cancelled) {
      stream.cancel();
    }
  }

  @Override
  public void onChunk(ChatResponse chunk) {
    if (cancelled) {
      return;
    }
    answer.add(chunk);
    ChatMessage message = chunk.message();
    if (!message.content().isEmpty()) {
      handler.onPartialResponse(
          new PartialResponse(message.content()), new PartialResponseContext(this));
    }
    if (returnThinking && message.thinking().filter(t -> !t.isEmpty()).isPresent()) {
      handler.onPartialThinking(
          new PartialThinking(message.thinking().get()), new PartialThinkingContext(this));
    }
    for (ToolCall call : message.toolCalls()) {
      handler.onCompleteToolCall(
          new CompleteToolCall(toolCalls++, FromOllama.toolExecutionRequest(call)));
    }
  }

  @Override
  public void onComplete() {
    if (cancelled) {
      return;
    }
    dev.langchain4j.model.chat.response.ChatResponse response;
    try {
      response = FromOllama.response(answer.toResponse(), returnThinking);
    } catch (RuntimeException e) {
      onError(e);
      return;
    }
    try {
      handler.onCompleteResponse(response);
    } catch (RuntimeException e) {
      onError(e);
    }
  }

  @Override
  public void onError(Throwable error) {
    if (cancelled) {
      return;
    }
    try {
      handler.onError(error);
    } catch (RuntimeException e) {
      LOG.warn("StreamingChatResponseHandler.onError threw; ignored", e);
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    StreamHandle current = stream;
    if (current != null) {
      current.cancel();
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
