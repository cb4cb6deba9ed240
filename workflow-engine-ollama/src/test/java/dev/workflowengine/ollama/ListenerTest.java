package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The callback form: chunks in order, then exactly one completion or error. */
class ListenerTest extends OllamaServerTest {

  private static final ChatRequest REQUEST =
      ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));

  private final ExecutorService callbacks = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopCallbacks() {
    callbacks.shutdownNow();
  }

  @Test
  void chunksArriveInOrderOnACallbackThreadThenOneCompletion() throws Exception {
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));
    Recorder<ChatResponse> recorder = new Recorder<>();

    StreamHandle handle = client.chatStream(REQUEST, recorder);
    await().atMost(Duration.ofSeconds(5)).until(handle::isDone);

    assertThat(recorder.chunks)
        .extracting(ChatResponse::content)
        .hasSize(10)
        .startsWith("The", " sky");
    assertThat(recorder.completions.get()).isEqualTo(1);
    assertThat(recorder.errors).isEmpty();
    assertThat(recorder.threads).allSatisfy(name -> assertThat(name).startsWith("ollama-stream-"));
    assertThat(recorder.threads).doesNotContain(Thread.currentThread().getName());
  }

  @Test
  void generateChunksGoToTheListenerOnTheConfiguredExecutor() throws Exception {
    client(b -> b.callbackExecutor(callbacks));
    server.enqueue(MockOllama.stream("generate-stream.ndjson"));
    Recorder<GenerateResponse> recorder = new Recorder<>();

    client.generateStream(GenerateRequest.of("codellama:code", "def gcd"), recorder);
    finishCallbacks();

    assertThat(recorder.chunks)
        .extracting(GenerateResponse::response)
        .containsExactly("def", " gcd", "(a", ",", " b", "):", "");
    assertThat(recorder.completions.get()).isEqualTo(1);
    assertThat(recorder.errors).isEmpty();
  }

  @Test
  void cancellingDeliversOneCancellationErrorAndClosesTheConnection() throws Exception {
    client(b -> b.callbackExecutor(callbacks).idleTimeout(Duration.ofSeconds(30)));
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(
        MockOllama.stallAfter(MockOllama.fixtureLines("chat-stream.ndjson").subList(0, 2), closed));
    CountDownLatch firstChunk = new CountDownLatch(1);
    Recorder<ChatResponse> recorder =
        new Recorder<>() {
          @Override
          public void onChunk(ChatResponse chunk) {
            super.onChunk(chunk);
            firstChunk.countDown();
          }
        };

    StreamHandle handle = client.chatStream(REQUEST, recorder);
    assertThat(firstChunk.await(5, TimeUnit.SECONDS)).isTrue();
    handle.cancel();
    finishCallbacks();

    assertThat(recorder.errors).singleElement().isInstanceOf(OllamaCancelledException.class);
    assertThat(recorder.completions.get()).isZero();
    assertThat(handle.isDone()).isTrue();
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aListenerThatThrowsCancelsTheStreamAndGetsItsOwnException() throws Exception {
    client(b -> b.callbackExecutor(callbacks).idleTimeout(Duration.ofSeconds(30)));
    CountDownLatch closed = new CountDownLatch(1);
    server.enqueue(
        MockOllama.stallAfter(MockOllama.fixtureLines("chat-stream.ndjson").subList(0, 2), closed));
    IllegalStateException boom = new IllegalStateException("the UI is gone");
    Recorder<ChatResponse> recorder =
        new Recorder<>() {
          @Override
          public void onChunk(ChatResponse chunk) {
            super.onChunk(chunk);
            throw boom;
          }
        };

    client.chatStream(REQUEST, recorder);
    finishCallbacks();

    assertThat(recorder.chunks).hasSize(1);
    assertThat(recorder.errors).containsExactly(boom);
    assertThat(recorder.completions.get()).isZero();
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anHttpErrorGoesToOnError() throws Exception {
    client(b -> b.callbackExecutor(callbacks));
    server.enqueue(MockOllama.error(404, "model 'llama3.2' not found"));
    Recorder<ChatResponse> recorder = new Recorder<>();

    client.chatStream(REQUEST, recorder);
    finishCallbacks();

    assertThat(recorder.errors).singleElement().isInstanceOf(ModelNotFoundException.class);
    assertThat(recorder.chunks).isEmpty();
    assertThat(recorder.completions.get()).isZero();
  }

  private void finishCallbacks() throws InterruptedException {
    callbacks.shutdown();
    assertThat(callbacks.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  static class Recorder<T> implements StreamListener<T> {
    final List<T> chunks = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final AtomicInteger completions = new AtomicInteger();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onChunk(T chunk) {
      threads.add(Thread.currentThread().getName());
      chunks.add(chunk);
    }

    @Override
    public void onComplete() {
      threads.add(Thread.currentThread().getName());
      completions.incrementAndGet();
    }

    @Override
    public void onError(Throwable error) {
      threads.add(Thread.currentThread().getName());
      errors.add(error);
    }
  }
}
