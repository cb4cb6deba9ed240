package dev.workflowengine.benchmarks.ollama;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The streaming benchmarks' fixture for one trial: an {@link OllamaChatServer} streaming answers of
 * {@code chunks} deltas, and every client compared, each built once and kept, with its connection
 * pool, for the whole trial. To add a client: a field here, built in {@link #start()} and closed in
 * {@link #stop()}, and one method in each benchmark.
 */
@State(Scope.Benchmark)
public class StreamingClients {

  static final String PROMPT = "Tell me a long story about a quick brown fox.";

  /** Content deltas per answer. */
  @Param({"2000"})
  public int chunks;

  /**
   * Lines the server sends per socket write after the first: 64 keeps the server out of the time
   * per answer; 1 is Ollama's own one write per line (see {@link OllamaChatServer}).
   */
  @Param({"64"})
  public int linesPerWrite;

  OllamaChatServer server;
  ChatAnswer answer;
  RawSocketReader rawSocket;
  ChatStreamer bareLoop;
  ChatStreamer langchain4jOllama;
  ChatStreamer sdkClient;

  /**
   * Starts the server and builds the clients.
   *
   * @throws Exception if the server cannot listen or a client cannot connect
   */
  @Setup(Level.Trial)
  public void start() throws Exception {
    server = OllamaChatServer.start(chunks, linesPerWrite);
    answer = server.answer();
    rawSocket = new RawSocketReader(server, PROMPT);
    bareLoop = new BareLoopStreamer(server.baseUrl(), PROMPT);
    langchain4jOllama = new Langchain4jOllamaStreamer(server.baseUrl(), PROMPT);
    sdkClient = new SdkClientStreamer(server.baseUrl(), PROMPT);
  }

  /**
   * Closes the clients and the server, and fails the trial if the server met a broken exchange.
   *
   * @throws Exception if closing failed
   */
  @TearDown(Level.Trial)
  public void stop() throws Exception {
    try {
      server.checkHealthy();
      // Every client keeps its connections alive: a count far above the number of clients would
      // mean connection set-up inside the measured calls.
      System.out.printf(
          "%nserver: %d chat requests on %d connections (one of them rawSocket's)%n",
          server.chatRequests(), server.connectionsAccepted());
    } finally {
      rawSocket.close();
      bareLoop.close();
      langchain4jOllama.close();
      sdkClient.close();
      server.close();
    }
  }

  StreamedAnswer check(StreamedAnswer streamed) {
    return streamed.checkComplete(answer);
  }
}
