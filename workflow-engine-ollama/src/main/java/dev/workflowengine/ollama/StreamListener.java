package dev.workflowengine.ollama;

/**
 * Receives a streamed answer from {@link OllamaClient#chatStream(ChatRequest, StreamListener)} or
 * {@link OllamaClient#generateStream(GenerateRequest, StreamListener)}: every chunk in order, then
 * exactly one of {@link #onComplete()} or {@link #onError(Throwable)}. All calls for one stream
 * come from one thread of the client's callback executor, one after another, so an implementation
 * needs no synchronisation of its own for state it only touches from these methods.
 *
 * <pre>{@code
 * StreamHandle handle = client.chatStream(request, new StreamListener<>() {
 *   public void onChunk(ChatResponse chunk) { ui.append(chunk.content()); }
 *   public void onComplete() { ui.done(); }
 *   public void onError(Throwable error) { ui.failed(error.getMessage()); }
 * });
 * }</pre>
 *
 * @param <T> the chunk type
 */
public interface StreamListener<T> {

  /**
   * One chunk, in stream order. An exception thrown here cancels the stream and is passed to {@link
   * #onError(Throwable)}.
   *
   * @param chunk the chunk
   */
  void onChunk(T chunk);

  /** The stream ended with its final chunk, which {@link #onChunk(Object)} has received. */
  void onComplete();

  /**
   * The stream failed or was cancelled ({@link OllamaCancelledException}); no more calls follow.
   *
   * @param error one of this package's exceptions, or what {@link #onChunk(Object)} threw
   */
  void onError(Throwable error);
}
