package dev.workflowengine.benchmarks.ollama;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to first chunk: milliseconds from sending {@code POST /api/chat} until the first content
 * delta reached the caller, sampled call by call so that JMH reports percentiles (read p50 and
 * p99). Same server and clients as {@link StreamingChatBenchmark}.
 *
 * <p><b>The rest of each answer</b> is received, untimed, in a per-invocation tear-down ({@link
 * Rest}): each client reads it to the end the normal way, so its connection goes back to its pool
 * as after a whole answer, and the next call starts like every call of {@link
 * StreamingChatBenchmark}, on a kept-alive idle connection with the server idle. Cancelling instead
 * would close the connection (or, for OkHttp, drain it on close), and the next call would pay a new
 * connection or a leftover transfer; those are what this must not measure. The tear-down also
 * checks that the whole answer arrived.
 *
 * <p>For {@code rawSocket} the first chunk is the head and the first line's chunk, read as bytes.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class FirstChunkBenchmark {

  /** The answer the last call left streaming, finished outside the measured time. */
  @State(Scope.Thread)
  public static class Rest {
    ChatStreamer.Pending pending;
    int rawRead = -1;

    /**
     * Receives the rest of the answer the last call started, and checks it.
     *
     * @param clients the clients of the trial
     * @throws Exception if the rest could not be read or was incomplete
     */
    @TearDown(Level.Invocation)
    public void finish(StreamingClients clients) throws Exception {
      if (pending != null) {
        ChatStreamer.Pending started = pending;
        pending = null;
        if (!clients.answer.firstDelta().equals(started.firstDelta())) {
          throw new IllegalStateException("first delta was " + started.firstDelta());
        }
        clients.check(started.finish());
      }
      if (rawRead >= 0) {
        int read = rawRead;
        rawRead = -1;
        clients.rawSocket.finish(read);
      }
    }
  }

  @Benchmark
  public int rawSocket(StreamingClients clients, Rest rest) throws Exception {
    rest.rawRead = clients.rawSocket.readFirstChunk();
    return rest.rawRead;
  }

  @Benchmark
  public String bareLoop(StreamingClients clients, Rest rest) throws Exception {
    rest.pending = clients.bareLoop.streamUntilFirstDelta();
    return rest.pending.firstDelta();
  }

  @Benchmark
  public String langchain4jOllama(StreamingClients clients, Rest rest) throws Exception {
    rest.pending = clients.langchain4jOllama.streamUntilFirstDelta();
    return rest.pending.firstDelta();
  }

  @Benchmark
  public String sdkClient(StreamingClients clients, Rest rest) throws Exception {
    rest.pending = clients.sdkClient.streamUntilFirstDelta();
    return rest.pending.firstDelta();
  }
}
