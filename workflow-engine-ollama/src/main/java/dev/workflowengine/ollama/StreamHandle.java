package dev.workflowengine.ollama;

/**
 * Controls a stream delivered to a {@link StreamListener}. Thread-safe.
 *
 * <pre>{@code
 * StreamHandle handle = client.chatStream(request, listener);
 * cancelButton.onClick(handle::cancel);
 * }</pre>
 */
public interface StreamHandle {

  /**
   * Stops the stream: the connection is closed at once and the listener's {@link
   * StreamListener#onError(Throwable)} receives an {@link OllamaCancelledException}, unless the
   * stream already ended.
   */
  void cancel();

  /**
   * Whether the listener has received its {@code onComplete} or {@code onError}.
   *
   * @return {@code true} once the stream is over
   */
  boolean isDone();
}
