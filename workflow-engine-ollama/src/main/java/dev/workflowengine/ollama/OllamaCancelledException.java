package dev.workflowengine.ollama;

/**
 * A stream was cancelled with {@link OllamaStream#cancel()} or {@link StreamHandle#cancel()} while
 * it was still running. The iterating thread (or {@link StreamListener#onError(Throwable)}) gets
 * this instead of the rest of the answer; the connection was closed, so Ollama stops generating.
 */
public class OllamaCancelledException extends OllamaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was cancelled
   */
  public OllamaCancelledException(String message) {
    super(message, -1, null);
  }
}
