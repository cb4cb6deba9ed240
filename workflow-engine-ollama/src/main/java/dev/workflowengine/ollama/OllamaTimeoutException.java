package dev.workflowengine.ollama;

import dev.workflowengine.api.WorkflowTimeoutException;
import java.time.Duration;

/**
 * A call to Ollama took longer than a limit of {@link OllamaClientBuilder} allowed. {@link
 * #phase()} says which limit; the connection was closed when it fired, so Ollama stops generating.
 * Retriable.
 *
 * <pre>{@code
 * } catch (OllamaTimeoutException e) {
 *   if (e.phase() == OllamaTimeoutException.Phase.FIRST_CHUNK) {
 *     // the model may still be loading: raise firstChunkTimeout or warm it up with keep_alive
 *   }
 * }
 * }</pre>
 */
public class OllamaTimeoutException extends WorkflowTimeoutException {

  private static final long serialVersionUID = 1L;

  /** Which limit fired. */
  public enum Phase {
    /** No connection within {@link OllamaClientBuilder#connectTimeout(Duration)}. */
    CONNECT,
    /**
     * Nothing arrived within {@link OllamaClientBuilder#firstChunkTimeout(Duration)}: the first
     * line of a stream, or the whole answer of a non-streaming generation.
     */
    FIRST_CHUNK,
    /**
     * A stream went silent for {@link OllamaClientBuilder#idleTimeout(Duration)} after it began.
     */
    IDLE,
    /** The whole call outlasted {@link OllamaClientBuilder#totalTimeout(Duration)}. */
    TOTAL,
    /** A management call outlasted {@link OllamaClientBuilder#requestTimeout(Duration)}. */
    REQUEST
  }

  private final Phase phase;

  /**
   * Creates the exception.
   *
   * @param phase which limit fired
   * @param message what timed out and which builder setting raises the limit
   * @param limit the limit that was exceeded
   * @param cause the I/O failure that reported it, or {@code null}
   */
  public OllamaTimeoutException(Phase phase, String message, Duration limit, Throwable cause) {
    super(message, limit);
    this.phase = phase;
    if (cause != null) {
      initCause(cause);
    }
  }

  /**
   * Which limit fired.
   *
   * @return the phase
   */
  public Phase phase() {
    return phase;
  }
}
