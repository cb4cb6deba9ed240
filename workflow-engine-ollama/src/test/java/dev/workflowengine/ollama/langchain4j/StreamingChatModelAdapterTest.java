package dev.workflowengine.ollama.langchain4j;

import static dev.workflowengine.ollama.MockOllama.body;
import static dev.workflowengine.ollama.MockOllama.modelNotFound;
import static dev.workflowengine.ollama.MockOllama.stallAfter;
import static dev.workflowengine.ollama.MockOllama.streamTranscript;
import static dev.workflowengine.ollama.MockOllama.transcriptLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.workflowengine.ollama.ModelNotFoundException;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.OllamaModels;
import dev.workflowengine.ollama.OllamaServerTest;
import dev.workflowengine.ollama.OllamaStreamException;
import dev.workflowengine.ollama.Think;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StreamingChatModelAdapterTest extends OllamaServerTest {

  @Test
  void streamsPartialResponsesThenTheWholeAnswerOnTheCallbackThread() throws Exception {
    server.enqueue(streamTranscript("plain.ndjson"));
    StreamingChatModel model = OllamaModels.builder(client).build().streamingChatModel("default");
    RecordingHandler handler = new RecordingHandler();

    model.chat("Why is the sky blue?", handler);
    ChatResponse response = handler.response();

    assertThat(handler.events())
        .containsExactly(
            "text The",
            "text  sky",
            "text  is",
            "text  blue",
            "text  because",
            "text  of",
            "text  Rayleigh",
            "text  scattering",
            "text .",
            "complete");
    assertThat(response.aiMessage().text())
        .isEqualTo("The sky is blue because of Rayleigh scattering.");
    assertThat(response.metadata().tokenUsage()).isEqualTo(new TokenUsage(31, 10, 41));
    assertThat(response.metadata().finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.metadata().modelName()).isEqualTo("llama3.2:3b");
    assertThat(handler.threads).doesNotContain(Thread.currentThread().getName());
    assertThat(body(server.takeRequest()).get("stream").asBoolean()).isTrue();
  }

  @Test
  void eachToolCallIsCompleteAsSoonAsOllamaSendsIt() throws Exception {
    server.enqueue(streamTranscript("tool-calls.ndjson"));
    StreamingChatModel model =
        OllamaClientStreamingChatModel.builder(client).modelName("qwen3:8b").build();
    RecordingHandler handler = new RecordingHandler();

    model.chat(
        ChatRequest.builder()
            .messages(UserMessage.from("Weather in Paris and Tokyo, time in Tokyo?"))
            .toolSpecifications(ChatModelAdapterTest.Tools.WEATHER, ChatModelAdapterTest.Tools.TIME)
            .build(),
        handler);
    ChatResponse response = handler.response();

    assertThat(handler.events())
        .containsExactly(
            "tool 0 call_m0x3d1qa get_weather {\"city\":\"Paris\"}",
            "tool 1 call_7c2pw9ve get_weather {\"city\":\"Tokyo\"}",
            "tool 2 call_q5hb2n8s get_time"
                + " {\"timezone\":\"Asia/Tokyo\",\"fields\":[\"hour\",\"minute\"],"
                + "\"format\":{\"24h\":true}}",
            "complete");
    assertThat(response.aiMessage().toolExecutionRequests()).hasSize(3);
    assertThat(response.aiMessage().text()).isNull();
    assertThat(response.metadata().finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.metadata().tokenUsage()).isEqualTo(new TokenUsage(301, 97, 398));
  }

  @Test
  void thinkingIsStreamedAndReturnedWhenAskedFor() throws Exception {
    server.enqueue(streamTranscript("thinking.ndjson"));
    server.enqueue(streamTranscript("thinking.ndjson"));
    RecordingHandler returning = new RecordingHandler();
    RecordingHandler dropping = new RecordingHandler();

    OllamaClientStreamingChatModel.builder(client)
        .modelName("qwen3:0.6b")
        .think(Think.ENABLED)
        .returnThinking(true)
        .build()
        .chat("17×23?", returning);
    AiMessage withThinking = returning.response().aiMessage();
    OllamaClientStreamingChatModel.builder(client)
        .modelName("qwen3:0.6b")
        .build()
        .chat("17×23?", dropping);
    AiMessage withoutThinking = dropping.response().aiMessage();

    assertThat(returning.events())
        .containsExactly(
            "thinking Okay",
            "thinking , the",
            "thinking  user asks",
            "thinking  about 17×23.",
            "text 17",
            "text  × 23",
            "text  = 391.",
            "complete");
    assertThat(withThinking.thinking()).isEqualTo("Okay, the user asks about 17×23.");
    assertThat(withThinking.text()).isEqualTo("17 × 23 = 391.");
    assertThat(dropping.events())
        .containsExactly("text 17", "text  × 23", "text  = 391.", "complete");
    assertThat(withoutThinking.thinking()).isNull();
    assertThat(body(server.takeRequest()).get("think").asBoolean()).isTrue();
    assertThat(body(server.takeRequest()).has("think")).isFalse();
  }

  @Test
  void aLengthTruncatedAnswerSaysSo() throws Exception {
    server.enqueue(streamTranscript("length.ndjson"));
    RecordingHandler handler = new RecordingHandler();

    OllamaClientStreamingChatModel.builder(client)
        .modelName("llama3.2:3b")
        .build()
        .chat("Tell", handler);

    assertThat(handler.response().metadata().finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(handler.response().aiMessage().text()).isEqualTo("Once upon a time");
  }

  @Test
  void anErrorLineMidStreamReachesOnErrorWithThePartialAnswer() throws Exception {
    server.enqueue(streamTranscript("stream-error.ndjson"));
    RecordingHandler handler = new RecordingHandler();

    OllamaClientStreamingChatModel.builder(client)
        .modelName("llama3.2:3b")
        .build()
        .chat("Why?", handler);
    Throwable error = handler.error();

    assertThat(handler.events())
        .containsExactly("text The", "text  sky", "error OllamaStreamException");
    assertThat(error)
        .isInstanceOfSatisfying(
            OllamaStreamException.class,
            e -> {
              assertThat(e.partialContent()).isEqualTo("The sky");
              assertThat(e.serverError())
                  .contains("an error was encountered while running the model: unexpected EOF");
            });
  }

  @Test
  void aMissingModelReachesOnErrorAsModelNotFound() throws Exception {
    server.enqueue(modelNotFound("llama3.2:3b"));
    RecordingHandler handler = new RecordingHandler();

    OllamaClientStreamingChatModel.builder(client)
        .modelName("llama3.2:3b")
        .build()
        .chat("hi", handler);

    assertThat(handler.error()).isInstanceOf(ModelNotFoundException.class);
    assertThat(handler.events()).containsExactly("error ModelNotFoundException");
  }

  @Test
  void whatOllamaCannotDoIsThrownBeforeAnythingIsSent() {
    StreamingChatModel model =
        OllamaClientStreamingChatModel.builder(client).modelName("qwen3:8b").build();
    RecordingHandler handler = new RecordingHandler();

    assertThatThrownBy(
            () ->
                model.chat(
                    ChatRequest.builder()
                        .messages(UserMessage.from("hi"))
                        .toolSpecifications(ChatModelAdapterTest.Tools.WEATHER)
                        .toolChoice(ToolChoice.REQUIRED)
                        .build(),
                    handler))
        .isInstanceOf(UnsupportedFeatureException.class);
    assertThat(server.getRequestCount()).isZero();
    assertThat(handler.events()).isEmpty();
  }

  @Test
  void anExceptionFromTheHandlerStopsTheStreamAndReachesOnError() throws Exception {
    server.enqueue(streamTranscript("plain.ndjson"));
    IllegalStateException boom = new IllegalStateException("UI closed");
    RecordingHandler handler =
        new RecordingHandler(
            context -> {
              throw boom;
            });

    OllamaClientStreamingChatModel.builder(client)
        .modelName("llama3.2:3b")
        .build()
        .chat("hi", handler);

    assertThat(handler.error()).isSameAs(boom);
    assertThat(handler.events()).containsExactly("text The", "error IllegalStateException");
  }

  @Test
  void cancellingThroughTheStreamingHandleClosesTheConnectionAndSilencesTheHandler()
      throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(stallAfter(transcriptLines("plain.ndjson").subList(0, 2), closed));
    ExecutorService callbacks = Executors.newSingleThreadExecutor();
    AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    CountDownLatch twoPartials = new CountDownLatch(2);
    RecordingHandler handler =
        new RecordingHandler(
            (PartialResponseContext context) -> {
              handle.set(context.streamingHandle());
              twoPartials.countDown();
            });
    try (OllamaClient ownClient =
        OllamaClient.builder()
            .baseUrl(server.url("/").toString())
            .callbackExecutor(callbacks)
            .build()) {
      OllamaClientStreamingChatModel.builder(ownClient)
          .modelName("llama3.2:3b")
          .build()
          .chat("hi", handler);
      assertThat(twoPartials.await(10, TimeUnit.SECONDS)).isTrue();
      handle.get().cancel();

      assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
      // The stream's task runs on the one callback thread; once a later task has run, the stream
      // has delivered its last callback, which the adapter must have kept from the handler.
      callbacks.submit(() -> {}).get(10, TimeUnit.SECONDS);
    } finally {
      callbacks.shutdownNow();
    }
    assertThat(handle.get().isCancelled()).isTrue();
    assertThat(handler.events()).containsExactly("text The", "text  sky");
    assertThat(handler.outcome).isNotDone();
  }
}
