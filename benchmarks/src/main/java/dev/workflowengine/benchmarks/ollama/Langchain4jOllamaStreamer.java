package dev.workflowengine.benchmarks.ollama;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * langchain4j-ollama's {@link OllamaStreamingChatModel} as an application uses it: built once with
 * its defaults (the JDK {@code HttpClient} through langchain4j-http-client-jdk), {@code
 * chat(request, handler)} per answer, and the caller waiting for {@code onCompleteResponse} on a
 * future. The handler counts the deltas and keeps the first; the text and the token usage come from
 * the final {@link ChatResponse}, which the model accumulates itself.
 *
 * <p>Deltas arrive on the HTTP client's threads, so "reached the caller" means the waiting thread
 * was released by the handler: the thread hand-off is part of what a caller of this API pays.
 */
final class Langchain4jOllamaStreamer implements ChatStreamer {

  private static final long TIMEOUT_SECONDS = 60;

  private final OllamaStreamingChatModel model;
  private final ChatRequest request;

  Langchain4jOllamaStreamer(String baseUrl, String prompt) {
    model = OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName(ChatAnswer.MODEL).build();
    request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
  }

  @Override
  public StreamedAnswer streamAnswer() throws Exception {
    Handler handler = new Handler();
    model.chat(request, handler);
    return handler.await();
  }

  @Override
  public Pending streamUntilFirstDelta() throws Exception {
    Handler handler = new Handler();
    model.chat(request, handler);
    if (!handler.first.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new TimeoutException("no delta within " + TIMEOUT_SECONDS + " s");
    }
    String firstDelta = handler.firstDelta;
    if (firstDelta == null) {
      handler.await(); // throws the failure that released the latch
      throw new IllegalStateException("the answer completed without a delta");
    }
    return new Pending() {
      @Override
      public String firstDelta() {
        return firstDelta;
      }

      @Override
      public StreamedAnswer finish() throws Exception {
        return handler.await();
      }
    };
  }

  @Override
  public void close() {
    // The model owns a JDK HttpClient, which has no close() before Java 21; its threads are
    // daemons.
  }

  /** Collects one answer; its callbacks run on one HTTP client thread at a time. */
  private static final class Handler implements StreamingChatResponseHandler {
    final CountDownLatch first = new CountDownLatch(1);
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    // Written by the callbacks before done completes, read after.
    int deltas;
    volatile String firstDelta;

    @Override
    public void onPartialResponse(String partialResponse) {
      if (deltas++ == 0) {
        firstDelta = partialResponse;
        first.countDown();
      }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
      done.completeExceptionally(error);
      first.countDown();
    }

    StreamedAnswer await() throws Exception {
      ChatResponse response;
      try {
        response = done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
      FinishReason finishReason = response.finishReason();
      TokenUsage usage = response.tokenUsage();
      return new StreamedAnswer(
          deltas,
          response.aiMessage().text(),
          finishReason == null ? null : finishReason.name().toLowerCase(Locale.ROOT),
          usage == null || usage.inputTokenCount() == null ? -1 : usage.inputTokenCount(),
          usage == null || usage.outputTokenCount() == null ? -1 : usage.outputTokenCount());
    }
  }
}
