package dev.workflowengine.benchmarks.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each benchmarked client receives the whole 2,000-delta answer with its final statistics, both
 * when it streams a whole answer and when it stops at the first delta and finishes later, and the
 * benchmarks' check rejects anything less.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChatStreamersTest {

  // One line a write as Ollama writes, and the benchmarks' default.
  private static OllamaChatServer ollamaWrites;
  private static OllamaChatServer server;
  private static ChatAnswer answer;

  @BeforeAll
  static void startServers() throws Exception {
    ollamaWrites =
        OllamaChatServer.start(
            OllamaChatServer.DEFAULT_CHUNKS, OllamaChatServer.OLLAMA_LINES_PER_WRITE);
    server =
        OllamaChatServer.start(
            OllamaChatServer.DEFAULT_CHUNKS, OllamaChatServer.DEFAULT_LINES_PER_WRITE);
    answer = server.answer();
  }

  @AfterAll
  static void stopServers() throws Exception {
    for (OllamaChatServer each : List.of(ollamaWrites, server)) {
      each.checkHealthy();
      each.close();
    }
  }

  static Stream<Arguments> clientsAndWrites() {
    return Stream.of("bareLoop", "langchain4jOllama", "sdkClient")
        .flatMap(
            client ->
                Stream.of(
                    Arguments.of(client, OllamaChatServer.OLLAMA_LINES_PER_WRITE),
                    Arguments.of(client, OllamaChatServer.DEFAULT_LINES_PER_WRITE)));
  }

  @ParameterizedTest
  @MethodSource("clientsAndWrites")
  void receivesEveryDeltaAndTheFinalStatistics(String client, int linesPerWrite) throws Exception {
    try (ChatStreamer streamer = streamer(client, linesPerWrite)) {
      for (int i = 0; i < 3; i++) {
        StreamedAnswer streamed = streamer.streamAnswer();

        assertThat(streamed.deltas()).isEqualTo(2_000);
        assertThat(streamed.content()).isEqualTo(answer.content());
        assertThat(streamed.doneReason()).isEqualTo("stop");
        assertThat(streamed.promptEvalCount()).isEqualTo(26);
        assertThat(streamed.evalCount()).isEqualTo(2_000);
        assertThat(streamed.checkComplete(answer)).isSameAs(streamed);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("clientsAndWrites")
  void stopsAtTheFirstDeltaAndFinishesTheAnswerLater(String client, int linesPerWrite)
      throws Exception {
    try (ChatStreamer streamer = streamer(client, linesPerWrite)) {
      for (int i = 0; i < 3; i++) {
        ChatStreamer.Pending pending = streamer.streamUntilFirstDelta();
        assertThat(pending.firstDelta()).isEqualTo("The");

        StreamedAnswer streamed = pending.finish();
        assertThat(streamed.deltas()).isEqualTo(2_000);
        assertThat(streamed.content()).isEqualTo(answer.content());
        assertThat(streamed.evalCount()).isEqualTo(2_000);
      }
      assertThat(streamer.streamAnswer().content()).isEqualTo(answer.content());
    }
  }

  @Test
  void theBareLoopKeepsOneConnectionAlive() throws Exception {
    int before = server.connectionsAccepted();
    try (ChatStreamer streamer = streamer("bareLoop", OllamaChatServer.DEFAULT_LINES_PER_WRITE)) {
      for (int i = 0; i < 10; i++) {
        streamer.streamAnswer();
        streamer.streamUntilFirstDelta().finish();
      }
    }
    assertThat(server.connectionsAccepted() - before).isEqualTo(1);
  }

  @Test
  void theRawSocketReadsWholeResponses() throws Exception {
    try (RawSocketReader reader = new RawSocketReader(server, StreamingClients.PROMPT)) {
      assertThat(reader.readAnswer()).isEqualTo(server.responseLength());
      int read = reader.readFirstChunk();
      assertThat(read).isBetween(server.firstWriteLength(), server.responseLength());
      assertThat(reader.finish(read)).isEqualTo(server.responseLength());
      assertThat(reader.readAnswer()).isEqualTo(server.responseLength());
    }
  }

  @Test
  void theCheckRejectsAShortAnswer() throws Exception {
    try (OllamaChatServer shorter = OllamaChatServer.start(1_999);
        ChatStreamer streamer = new BareLoopStreamer(shorter.baseUrl(), StreamingClients.PROMPT)) {
      StreamedAnswer streamed = streamer.streamAnswer();

      assertThat(streamed.deltas()).isEqualTo(1_999);
      assertThatThrownBy(() -> streamed.checkComplete(answer))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("1999 deltas");
    }
  }

  @Test
  void theCheckRejectsMissingStatistics() {
    StreamedAnswer noUsage = new StreamedAnswer(2_000, answer.content(), "stop", -1, -1);
    StreamedAnswer notStopped = new StreamedAnswer(2_000, answer.content(), null, 26, 2_000);

    assertThatThrownBy(() -> noUsage.checkComplete(answer))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> notStopped.checkComplete(answer))
        .isInstanceOf(IllegalStateException.class);
  }

  private static ChatStreamer streamer(String client, int linesPerWrite) {
    OllamaChatServer target =
        linesPerWrite == OllamaChatServer.OLLAMA_LINES_PER_WRITE ? ollamaWrites : server;
    BiFunction<String, String, ChatStreamer> factory =
        switch (client) {
          case "bareLoop" -> BareLoopStreamer::new;
          case "langchain4jOllama" -> Langchain4jOllamaStreamer::new;
          case "sdkClient" -> SdkClientStreamer::new;
          default -> throw new IllegalArgumentException(client);
        };
    return factory.apply(target.baseUrl(), StreamingClients.PROMPT);
  }
}
