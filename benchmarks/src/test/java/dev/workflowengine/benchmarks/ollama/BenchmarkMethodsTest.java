package dev.workflowengine.benchmarks.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmark methods, called as JMH calls them, stream whole answers on kept-alive sockets. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BenchmarkMethodsTest {

  private final StreamingClients clients = new StreamingClients();

  @BeforeEach
  void start() throws Exception {
    clients.chunks = 2_000;
    clients.linesPerWrite = OllamaChatServer.DEFAULT_LINES_PER_WRITE;
    clients.start();
  }

  @AfterEach
  void stop() throws Exception {
    clients.stop();
  }

  @Test
  void timePerAnswerMethodsReceiveWholeAnswers() throws Exception {
    StreamingChatBenchmark benchmark = new StreamingChatBenchmark();
    for (int i = 0; i < 5; i++) {
      assertThat(benchmark.rawSocket(clients)).isEqualTo(clients.server.responseLength());
      assertThat(benchmark.bareLoop(clients).deltas()).isEqualTo(2_000);
      assertThat(benchmark.langchain4jOllama(clients).deltas()).isEqualTo(2_000);
      assertThat(benchmark.sdkClient(clients).deltas()).isEqualTo(2_000);
    }
    assertThat(clients.server.chatRequests()).isEqualTo(20);
  }

  @Test
  void firstChunkMethodsLeaveTheRestToTheTearDown() throws Exception {
    FirstChunkBenchmark benchmark = new FirstChunkBenchmark();
    FirstChunkBenchmark.Rest rest = new FirstChunkBenchmark.Rest();
    for (int i = 0; i < 5; i++) {
      assertThat(benchmark.rawSocket(clients, rest))
          .isGreaterThanOrEqualTo(clients.server.firstWriteLength());
      rest.finish(clients);
      assertThat(benchmark.bareLoop(clients, rest)).isEqualTo("The");
      assertThat(rest.pending).isNotNull();
      rest.finish(clients);
      assertThat(rest.pending).isNull();
      assertThat(benchmark.langchain4jOllama(clients, rest)).isEqualTo("The");
      rest.finish(clients);
      assertThat(benchmark.sdkClient(clients, rest)).isEqualTo("The");
      rest.finish(clients);
    }
    // Each answer was read to its end: every client could send its next request.
    assertThat(clients.server.chatRequests()).isEqualTo(20);
    clients.server.checkHealthy();
  }
}
