package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** Cancelling from another thread stops the iterating thread at once and closes the connection. */
class CancellationTest extends OllamaServerTest {

  private static final ChatRequest REQUEST =
      ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));

  @Test
  void cancellingFromAnotherThreadEndsTheIterationAndClosesTheConnection() throws Exception {
    client(b -> b.idleTimeout(Duration.ofSeconds(30)));
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(
        MockOllama.stallAfter(MockOllama.fixtureLines("chat-stream.ndjson").subList(0, 2), closed));
    OllamaStream<ChatResponse> stream = client.chatStream(REQUEST);
    CountDownLatch twoChunks = new CountDownLatch(2);
    List<String> delivered = new CopyOnWriteArrayList<>();

    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              try (stream) {
                for (ChatResponse chunk : stream) {
                  delivered.add(chunk.content());
                  twoChunks.countDown();
                }
              }
            });
    assertThat(twoChunks.await(5, TimeUnit.SECONDS)).isTrue();
    long cancelledAt = System.nanoTime();
    stream.cancel();

    Throwable failure = failureOf(reader);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt)).isLessThan(2_000);
    assertThat(failure)
        .isInstanceOf(OllamaCancelledException.class)
        .hasMessageContaining("POST /api/chat for model 'llama3.2' was cancelled");
    assertThat(delivered).containsExactly("The", " sky");
    assertThat(stream.isCancelled()).isTrue();
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void cancellingWhileTheModelIsStillLoadingStopsTheWaitForTheFirstChunk() throws Exception {
    client(b -> b.firstChunkTimeout(Duration.ofSeconds(30)));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    OllamaStream<ChatResponse> stream = client.chatStream(REQUEST);

    CompletableFuture<ChatResponse> reader = CompletableFuture.supplyAsync(stream::last);
    takeRequest();
    stream.cancel();

    assertThat(failureOf(reader)).isInstanceOf(OllamaCancelledException.class);
  }

  @Test
  void cancellingDuringARetryWaitStopsTheRetries() throws Exception {
    client(b -> b.retryDelay(Duration.ofSeconds(20), Duration.ofSeconds(60)));
    server.enqueue(
        MockOllama.error(503, "server busy").newBuilder().addHeader("Retry-After", "20").build());
    OllamaStream<ChatResponse> stream = client.chatStream(REQUEST);

    CompletableFuture<ChatResponse> reader = CompletableFuture.supplyAsync(stream::last);
    takeRequest();
    long cancelledAt = System.nanoTime();
    stream.cancel();

    assertThat(failureOf(reader)).isInstanceOf(OllamaCancelledException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt)).isLessThan(2_000);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void leavingTheLoopEarlyClosesTheConnectionSoOllamaStopsGenerating() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(
        MockOllama.stallAfter(MockOllama.fixtureLines("chat-stream.ndjson").subList(0, 3), closed));

    try (OllamaStream<ChatResponse> stream = client.chatStream(REQUEST)) {
      for (ChatResponse chunk : stream) {
        if (chunk.content().equals(" sky")) {
          break;
        }
      }
    }

    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void closingTheClientCancelsItsRunningStreams() throws Exception {
    client(b -> b.idleTimeout(Duration.ofSeconds(30)));
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(
        MockOllama.stallAfter(MockOllama.fixtureLines("chat-stream.ndjson").subList(0, 1), closed));
    OllamaStream<ChatResponse> stream = client.chatStream(REQUEST);
    CountDownLatch started = new CountDownLatch(1);

    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              for (ChatResponse chunk : stream) {
                started.countDown();
              }
            });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    client.close();

    assertThat(failureOf(reader))
        .isInstanceOf(OllamaCancelledException.class)
        .hasMessageContaining("the OllamaClient was closed");
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.chatStream(REQUEST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void cancellingAFinishedStreamChangesNothing() {
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));
    OllamaStream<ChatResponse> stream = client.chatStream(REQUEST);

    stream.last();
    stream.cancel();

    assertThat(stream.isCancelled()).isFalse();
  }

  static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected the stream to fail");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the iterating thread did not end within 5 s", e);
    }
  }
}
