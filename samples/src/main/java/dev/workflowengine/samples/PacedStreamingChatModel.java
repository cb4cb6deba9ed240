package dev.workflowengine.samples;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;

/**
 * A scripted streaming model at a model's pace, for a page that shows tokens live. The scripted
 * models stream a whole answer at once on the caller's thread, so a node would publish every token
 * after the last; this one streams on a thread of its own, as a model client does, with a pause
 * before each chunk. Only for the scripted models, which call no handler method but those passed on
 * here.
 */
final class PacedStreamingChatModel implements StreamingChatModel {

  private final StreamingChatModel scripted;
  private final Duration pause;

  PacedStreamingChatModel(StreamingChatModel scripted, Duration pause) {
    this.scripted = scripted;
    this.pause = pause;
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    Thread stream = new Thread(() -> scripted.chat(request, paced(handler)), "scripted-model");
    stream.setDaemon(true);
    stream.start();
  }

  private StreamingChatResponseHandler paced(StreamingChatResponseHandler handler) {
    return new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String chunk) {
        pause();
        handler.onPartialResponse(chunk);
      }

      @Override
      public void onCompleteToolCall(CompleteToolCall call) {
        handler.onCompleteToolCall(call);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        handler.onCompleteResponse(response);
      }

      @Override
      public void onError(Throwable error) {
        handler.onError(error);
      }
    };
  }

  private void pause() {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // nobody interrupts this thread; keep the flag anyway
    }
  }
}
