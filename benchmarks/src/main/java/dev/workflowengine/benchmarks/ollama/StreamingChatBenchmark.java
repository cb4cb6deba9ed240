package dev.workflowengine.benchmarks.ollama;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per streamed chat answer: milliseconds from sending {@code POST /api/chat} until the whole
 * answer of {@code chunks} (2,000) deltas and its final statistics reached the caller, against an
 * {@link OllamaChatServer} on 127.0.0.1 that writes them as fast as the connection takes them.
 * Chunks per second are {@code chunks / score}.
 *
 * <ul>
 *   <li>{@code rawSocket}: the server's floor, a socket that sends the request and reads the
 *       response's bytes without decoding them ({@link RawSocketReader}).
 *   <li>{@code bareLoop}: OkHttp and a Jackson line loop, the practical limit ({@link
 *       BareLoopStreamer}).
 *   <li>{@code langchain4jOllama}: langchain4j-ollama's {@code OllamaStreamingChatModel} with a
 *       streaming handler, completion awaited on a future ({@link Langchain4jOllamaStreamer}).
 *   <li>{@code sdkClient}: this SDK's {@code OllamaClient.chatStream}, iterated on the caller's
 *       thread ({@link SdkClientStreamer}).
 * </ul>
 *
 * <p>Every call checks that all deltas, the text's length and the final statistics arrived, and
 * fails the benchmark otherwise. Each client is built once per trial and keeps its connections
 * alive, so the scores hold no connection set-up.
 *
 * <p><b>Bytes allocated per chunk:</b> run with {@code -prof gc} and divide {@code
 * gc.alloc.rate.norm} (bytes per answer, all threads of the JVM: the client's own threads count,
 * the server allocates nothing per answer) by {@code chunks}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'ollama.StreamingChatBenchmark' -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class StreamingChatBenchmark {

  @Benchmark
  public long rawSocket(StreamingClients clients) throws Exception {
    return clients.rawSocket.readAnswer();
  }

  @Benchmark
  public StreamedAnswer bareLoop(StreamingClients clients) throws Exception {
    return clients.check(clients.bareLoop.streamAnswer());
  }

  @Benchmark
  public StreamedAnswer langchain4jOllama(StreamingClients clients) throws Exception {
    return clients.check(clients.langchain4jOllama.streamAnswer());
  }

  @Benchmark
  public StreamedAnswer sdkClient(StreamingClients clients) throws Exception {
    return clients.check(clients.sdkClient.streamAnswer());
  }
}
