package dev.workflowengine.benchmarks.ollama;

/**
 * One client streaming the benchmark server's chat answer the way an application would use it. A
 * new client to compare is one more implementation, one more field in {@link StreamingClients} and
 * one more method in each benchmark.
 *
 * <p>Implementations hold their client (connection pool, JSON mappers) for the whole trial and are
 * used by one benchmark thread at a time.
 */
public interface ChatStreamer extends AutoCloseable {

  /**
   * Sends a chat request and returns when the whole answer, with its final statistics, reached the
   * caller.
   *
   * @return what the caller received
   * @throws Exception if the exchange failed
   */
  StreamedAnswer streamAnswer() throws Exception;

  /**
   * Sends a chat request and returns as soon as the first content delta reached the caller; the
   * rest of the answer is left for {@link Pending#finish()}.
   *
   * @return the answer in progress
   * @throws Exception if the exchange failed before the first delta
   */
  Pending streamUntilFirstDelta() throws Exception;

  /** An answer whose first delta reached the caller and whose rest is still streaming. */
  interface Pending {

    /** The first content delta. */
    String firstDelta();

    /**
     * Receives the rest of the answer the normal way, to the end of the response, so that the
     * connection goes back to the client's pool as after a whole answer.
     *
     * @return the whole answer, first delta included
     * @throws Exception if the exchange failed
     */
    StreamedAnswer finish() throws Exception;
  }
}
