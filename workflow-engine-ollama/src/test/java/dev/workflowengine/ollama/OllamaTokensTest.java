package dev.workflowengine.ollama;

import static dev.workflowengine.ollama.MockOllama.stallAfter;
import static dev.workflowengine.ollama.MockOllama.streamLines;
import static dev.workflowengine.ollama.MockOllama.streamTranscript;
import static dev.workflowengine.ollama.MockOllama.transcriptLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.event.TokenSink;
import dev.workflowengine.ollama.langchain4j.OllamaClientStreamingChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OllamaTokensTest extends OllamaServerTest {

  private static final ChatRequest REQUEST =
      ChatRequest.of("llama3.2:3b", ChatMessage.user("Why is the sky blue?"));

  @Test
  void eachPieceOfContentIsATokenThenOneFinalTokenCarriesTheMetadata() {
    server.enqueue(streamTranscript("plain.ndjson"));
    RecordingSink sink = new RecordingSink();

    ChatResponse answer = OllamaTokens.stream(client, REQUEST, sink);

    assertThat(sink.tokens)
        .containsExactly(
            "0 The",
            "1  sky",
            "2  is",
            "3  blue",
            "4  because",
            "5  of",
            "6  Rayleigh",
            "7  scattering",
            "8 .",
            "9 final  llama3.2:3b 41 stop");
    assertThat(answer.content()).isEqualTo("The sky is blue because of Rayleigh scattering.");
    assertThat(answer.doneReason()).contains("stop");
    assertThat(answer.metrics().orElseThrow().evalCount()).isEqualTo(10);
    assertThat(sink.threads).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void thinkingIsNotSentAsTokensButKeptInTheAnswer() {
    server.enqueue(streamTranscript("thinking.ndjson"));
    RecordingSink sink = new RecordingSink();

    ChatResponse answer = OllamaTokens.stream(client, REQUEST, sink);

    assertThat(sink.tokens)
        .containsExactly("0 17", "1  × 23", "2  = 391.", "3 final  qwen3:0.6b 79 stop");
    assertThat(answer.message().thinking()).contains("Okay, the user asks about 17×23.");
  }

  @Test
  void toolCallsAndLengthAreTheFinishReasons() {
    server.enqueue(streamTranscript("tool-calls.ndjson"));
    server.enqueue(streamTranscript("length.ndjson"));
    RecordingSink tools = new RecordingSink();
    RecordingSink length = new RecordingSink();

    ChatResponse calls = OllamaTokens.stream(client, REQUEST, tools);
    OllamaTokens.stream(client, REQUEST, length);

    assertThat(tools.tokens).containsExactly("0 final  qwen3:8b 398 tool_calls");
    assertThat(calls.message().toolCalls()).hasSize(3);
    assertThat(length.tokens).last().isEqualTo("4 final  llama3.2:3b 33 length");
  }

  @Test
  void contentOnTheFinalChunkTravelsWithTheFinalToken() {
    server.enqueue(
        streamLines(
            List.of(
                "{\"model\":\"llama3.2:3b\",\"created_at\":\"2025-11-03T09:41:07.1Z\",\"message\":"
                    + "{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n",
                "{\"model\":\"llama3.2:3b\",\"created_at\":\"2025-11-03T09:41:07.2Z\",\"message\":"
                    + "{\"role\":\"assistant\",\"content\":\"!\"},\"done_reason\":\"stop\","
                    + "\"done\":true,\"prompt_eval_count\":5,\"eval_count\":2}\n")));
    RecordingSink sink = new RecordingSink();

    ChatResponse answer = OllamaTokens.stream(client, REQUEST, sink);

    assertThat(sink.tokens).containsExactly("0 Hi", "1 final ! llama3.2:3b 7 stop");
    assertThat(answer.content()).isEqualTo("Hi!");
  }

  @Test
  void anErrorMidStreamKeepsTheTokensSentSendsNoFinalOneAndPropagates() {
    server.enqueue(streamTranscript("stream-error.ndjson"));
    RecordingSink sink = new RecordingSink();

    assertThatThrownBy(() -> OllamaTokens.stream(client, REQUEST, sink))
        .isInstanceOfSatisfying(
            OllamaStreamException.class,
            e -> {
              assertThat(e.partialContent()).isEqualTo("The sky");
              assertThat(e.serverError()).isPresent();
            });
    assertThat(sink.tokens).containsExactly("0 The", "1  sky");
  }

  @Test
  void theStreamingAdapterStreamsTheSameTokensOnTheCallingThread() {
    server.enqueue(streamTranscript("plain.ndjson"));
    StreamingChatModel model = OllamaModels.builder(client).build().streamingChatModel("default");
    RecordingSink sink = new RecordingSink();

    dev.langchain4j.model.chat.response.ChatResponse answer =
        OllamaTokens.stream(model, chat("Why is the sky blue?"), sink);

    assertThat(sink.tokens)
        .containsExactly(
            "0 The",
            "1  sky",
            "2  is",
            "3  blue",
            "4  because",
            "5  of",
            "6  Rayleigh",
            "7  scattering",
            "8 .",
            "9 final  llama3.2:3b 41 stop");
    assertThat(answer.aiMessage().text()).startsWith("The sky is blue");
    assertThat(sink.threads).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void theStreamingAdapterReportsToolCallsLikeTheClientPath() {
    server.enqueue(streamTranscript("tool-calls.ndjson"));
    StreamingChatModel model =
        OllamaClientStreamingChatModel.builder(client).modelName("qwen3:8b").build();
    RecordingSink sink = new RecordingSink();

    OllamaTokens.stream(model, chat("Weather?"), sink);

    assertThat(sink.tokens).containsExactly("0 final  qwen3:8b 398 tool_calls");
  }

  @Test
  void theStreamingAdapterPropagatesAMidStreamErrorAfterItsTokens() {
    server.enqueue(streamTranscript("stream-error.ndjson"));
    StreamingChatModel model =
        OllamaClientStreamingChatModel.builder(client).modelName("llama3.2:3b").build();
    RecordingSink sink = new RecordingSink();

    assertThatThrownBy(() -> OllamaTokens.stream(model, chat("Why?"), sink))
        .isInstanceOf(OllamaStreamException.class)
        .hasMessageContaining("unexpected EOF");
    assertThat(sink.tokens).containsExactly("0 The", "1  sky");
  }

  @Test
  void interruptingTheWaitingThreadCancelsTheStream() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(stallAfter(transcriptLines("plain.ndjson").subList(0, 1), closed));
    StreamingChatModel model =
        OllamaClientStreamingChatModel.builder(client).modelName("llama3.2:3b").build();
    CountDownLatch firstToken = new CountDownLatch(1);
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread node =
        new Thread(
            () -> {
              try {
                OllamaTokens.stream(
                    model,
                    chat("hi"),
                    new RecordingSink() {
                      @Override
                      public void token(String chunk) {
                        super.token(chunk);
                        firstToken.countDown();
                      }
                    });
                failure.complete(null);
              } catch (RuntimeException e) {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                failure.complete(e);
              }
            });
    node.start();
    assertThat(firstToken.await(10, TimeUnit.SECONDS)).isTrue();

    node.interrupt();

    assertThat(failure.get(10, TimeUnit.SECONDS))
        .isInstanceOf(OllamaCancelledException.class)
        .hasMessage("interrupted while waiting for the streamed answer");
    assertThat(stillInterrupted).isTrue();
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
  }

  private static dev.langchain4j.model.chat.request.ChatRequest chat(String text) {
    return dev.langchain4j.model.chat.request.ChatRequest.builder()
        .messages(UserMessage.from(text))
        .build();
  }

  /** Numbers chunks from 0 as a node's context does, and remembers the threads it was called on. */
  private static class RecordingSink implements TokenSink {
    final List<String> tokens = new ArrayList<>();
    final List<String> threads = new ArrayList<>();

    @Override
    public void token(String chunk) {
      threads.add(Thread.currentThread().getName());
      tokens.add(tokens.size() + " " + chunk);
    }

    @Override
    public void finalToken(String chunk, TokenMetadata metadata) {
      threads.add(Thread.currentThread().getName());
      tokens.add(
          tokens.size()
              + " final "
              + chunk
              + " "
              + metadata.model()
              + " "
              + metadata.tokensUsed()
              + " "
              + metadata.finishReason());
    }
  }
}
