package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.workflowengine.ollama.OllamaTimeoutException.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * The first-chunk, idle, total and request timeouts: each fires where it should, closes the
 * connection, and does not fire where it should not.
 */
class TimeoutTest extends OllamaServerTest {

  private static final ChatRequest REQUEST =
      ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));

  @Test
  void aStreamThatStallsAfterItsFirstChunkEndsWithTheIdleTimeoutAndACloseConnection()
      throws Exception {
    client(b -> b.idleTimeout(Duration.ofMillis(200)).firstChunkTimeout(Duration.ofSeconds(5)));
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(
        MockOllama.stallAfter(MockOllama.fixtureLines("chat-stream.ndjson").subList(0, 1), closed));

    List<String> delivered = new ArrayList<>();
    long[] stalledAt = new long[1];
    assertThatThrownBy(
            () -> {
              try (OllamaStream<ChatResponse> stream = client.chatStream(REQUEST)) {
                for (ChatResponse chunk : stream) {
                  delivered.add(chunk.content());
                  stalledAt[0] = System.nanoTime();
                }
              }
            })
        .isInstanceOf(OllamaTimeoutException.class)
        .isInstanceOf(dev.workflowengine.api.WorkflowTimeoutException.class)
        .hasMessageContaining("sent nothing for 200 ms after 1 chunks")
        .hasMessageContaining("idleTimeout")
        .asInstanceOf(type(OllamaTimeoutException.class))
        .satisfies(
            e -> {
              assertThat(e.phase()).isEqualTo(Phase.IDLE);
              assertThat(e.limit()).isEqualTo(Duration.ofMillis(200));
            });
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stalledAt[0]);

    assertThat(delivered).containsExactly("The");
    assertThat(waited).isBetween(150L, 3_000L);
    assertThat(closed.await(5, TimeUnit.SECONDS))
        .as("the server saw the client close the stalled connection")
        .isTrue();
  }

  @Test
  void aSlowFirstChunkWithinTheFirstChunkTimeoutSucceedsThoughItExceedsTheIdleTimeout() {
    client(b -> b.idleTimeout(Duration.ofMillis(100)).firstChunkTimeout(Duration.ofSeconds(5)));
    // Ollama sends its headers together with the first chunk, once the model is loaded.
    server.enqueue(
        MockOllama.stream("chat-stream.ndjson")
            .newBuilder()
            .headersDelay(400, TimeUnit.MILLISECONDS)
            .build());
    // A proxy may send the headers at once and the body later.
    server.enqueue(
        MockOllama.stream("chat-stream.ndjson")
            .newBuilder()
            .bodyDelay(400, TimeUnit.MILLISECONDS)
            .build());

    assertThat(client.chatStream(REQUEST).last().done()).isTrue();
    assertThat(client.chatStream(REQUEST).last().done()).isTrue();
  }

  @Test
  void theFirstChunkTimeoutBoundsTheWaitForTheFirstLineAfterEarlyHeaders() throws Exception {
    client(b -> b.idleTimeout(Duration.ofMillis(100)).firstChunkTimeout(Duration.ofMillis(400)));
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(MockOllama.stallAfter(List.of(), closed));

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaTimeoutException.class)
        .hasMessageContaining("within 400 ms (firstChunkTimeout)")
        .hasMessageContaining("Loading a large model can take minutes")
        .extracting(e -> ((OllamaTimeoutException) e).phase())
        .isEqualTo(Phase.FIRST_CHUNK);

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(350L, 3_000L);
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theFirstChunkTimeoutBoundsTheWaitForHeadersAndTheWholeNonStreamingAnswer() {
    client(b -> b.idleTimeout(Duration.ofMillis(100)).firstChunkTimeout(Duration.ofMillis(300)));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaTimeoutException.class)
        .extracting(e -> ((OllamaTimeoutException) e).phase())
        .isEqualTo(Phase.FIRST_CHUNK);
    assertThatThrownBy(() -> client.chat(REQUEST))
        .isInstanceOf(OllamaTimeoutException.class)
        .extracting(e -> ((OllamaTimeoutException) e).phase())
        .isEqualTo(Phase.FIRST_CHUNK);
  }

  @Test
  void theTotalTimeoutEndsAStreamThatKeepsTrickling() {
    client(b -> b.totalTimeout(Duration.ofMillis(500)).idleTimeout(Duration.ofSeconds(5)));
    String line = MockOllama.fixtureLines("chat-stream.ndjson").get(0);
    server.enqueue(
        MockOllama.streaming(
            (sink, source) -> {
              while (true) {
                MockOllama.writeChunk(sink, line);
                Thread.sleep(50); // the pace of a slow model, not a wait for the test
              }
            }));

    List<String> delivered = new ArrayList<>();
    assertThatThrownBy(
            () -> {
              try (OllamaStream<ChatResponse> stream = client.chatStream(REQUEST)) {
                stream.forEach(chunk -> delivered.add(chunk.content()));
              }
            })
        .isInstanceOf(OllamaTimeoutException.class)
        .hasMessageContaining("longer than 500 ms (totalTimeout)")
        .extracting(e -> ((OllamaTimeoutException) e).phase())
        .isEqualTo(Phase.TOTAL);
    assertThat(delivered).hasSizeGreaterThan(2);
  }

  @Test
  void aManagementCallIsBoundedByTheRequestTimeout() {
    client(b -> b.requestTimeout(Duration.ofMillis(300)));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    assertThatThrownBy(() -> client.list())
        .isInstanceOf(OllamaTimeoutException.class)
        .hasMessageContaining("(requestTimeout)")
        .extracting(e -> ((OllamaTimeoutException) e).phase())
        .isEqualTo(Phase.REQUEST);
  }

  @Test
  void aFinishedStreamReturnsItsConnectionForTheNextCall() throws Exception {
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));

    Iterator<ChatResponse> first = client.chatStream(REQUEST).iterator();
    while (first.hasNext()) {
      first.next();
    }
    client.chatStream(REQUEST).last();

    assertThat(takeRequest().getConnectionIndex()).isEqualTo(takeRequest().getConnectionIndex());
  }
}
