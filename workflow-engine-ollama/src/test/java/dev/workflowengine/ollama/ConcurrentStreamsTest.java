package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.ollama.ListenerTest.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Many streams on one client at the same time: OkHttp's dispatcher limits (64 calls, 5 per host)
 * apply to asynchronous calls only, and the client must not fall into them or run out of threads.
 */
class ConcurrentStreamsTest extends OllamaServerTest {

  private static final int STREAMS = 200;
  private static final ChatRequest REQUEST =
      ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));

  @Test
  void twoHundredStreamsAreInFlightAtOnceAndAllComplete() {
    // The server answers none of them until all 200 requests have reached it, so this passes only
    // if the client really has 200 calls open at the same time.
    CountDownLatch allArrived = new CountDownLatch(STREAMS);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            allArrived.countDown();
            if (!allArrived.await(20, TimeUnit.SECONDS)) {
              return MockOllama.error(503, "only " + (STREAMS - allArrived.getCount()) + " came");
            }
            return MockOllama.stream("chat-stream.ndjson");
          }
        });
    List<Recorder<ChatResponse>> recorders = new CopyOnWriteArrayList<>();
    List<StreamHandle> handles = new CopyOnWriteArrayList<>();

    for (int i = 0; i < STREAMS; i++) {
      Recorder<ChatResponse> recorder = new Recorder<>();
      recorders.add(recorder);
      handles.add(client.chatStream(REQUEST, recorder));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> handles.stream().allMatch(StreamHandle::isDone));

    assertThat(allArrived.getCount()).isZero();
    assertThat(recorders)
        .allSatisfy(
            recorder -> {
              assertThat(recorder.errors).isEmpty();
              assertThat(recorder.completions.get()).isEqualTo(1);
              assertThat(recorder.chunks).hasSize(10);
            });
  }
}
