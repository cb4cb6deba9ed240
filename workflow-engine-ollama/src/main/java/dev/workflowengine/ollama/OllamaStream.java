package dev.workflowengine.ollama;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * A streamed answer: chat or generate chunks, or progress lines. Iterate it once, on one thread;
 * {@link #cancel()} may come from any thread. Close it when done (try-with-resources): closing an
 * unfinished stream closes its connection, which tells Ollama to stop generating.
 *
 * <pre>{@code
 * try (OllamaStream<ChatResponse> stream = client.chatStream(request)) {
 *   for (ChatResponse chunk : stream) {
 *     System.out.print(chunk.content());
 *   }
 * }
 * }</pre>
 *
 * <p>The request is sent when iteration starts (the first {@code hasNext()}), so a caller can hand
 * the stream to another thread that may cancel it even while Ollama is still loading the model.
 * Failures surface from {@code hasNext()} or {@code next()} as the typed exceptions of this
 * package: before the first chunk, HTTP errors as from the non-streaming calls (with 429, 502 and
 * 503 retried); afterwards, {@link OllamaStreamException} (an error line, a line that is not JSON,
 * a broken connection, a missing final chunk) or {@link OllamaTimeoutException}. After {@link
 * #cancel()}, the iterating thread gets an {@link OllamaCancelledException} promptly, unless the
 * stream had already ended. A stream always ends with its final element ({@code done: true}, or
 * {@code success} for progress); one that stops before it is an {@link OllamaStreamException}.
 *
 * @param <T> the element type
 */
public interface OllamaStream<T> extends Iterable<T>, AutoCloseable {

  /**
   * The stream's iterator; there is only one.
   *
   * @return the iterator
   * @throws IllegalStateException when called a second time
   */
  @Override
  Iterator<T> iterator();

  /**
   * The elements as a sequential {@link Stream}; closing it closes this stream.
   *
   * @return a stream over the remaining elements
   */
  Stream<T> stream();

  /**
   * Reads the stream to its end and returns the final element: the chunk with the statistics, or
   * the {@code success} progress line. Closes the stream.
   *
   * @return the last element
   * @throws NoSuchElementException when the stream was already read to its end
   */
  T last();

  /**
   * Stops the stream from any thread: the connection is closed at once, Ollama stops generating,
   * and the iterating thread gets an {@link OllamaCancelledException}. Does nothing once the stream
   * has ended.
   */
  void cancel();

  /**
   * Whether {@link #cancel()} was called before the stream ended.
   *
   * @return {@code true} once cancelled
   */
  boolean isCancelled();

  /**
   * Releases the stream. An unfinished stream is cancelled (its connection closed); a finished one
   * returns its connection to the pool. Idempotent.
   */
  @Override
  void close();
}
