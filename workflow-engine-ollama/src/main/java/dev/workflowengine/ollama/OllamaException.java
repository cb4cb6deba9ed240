package dev.workflowengine.ollama;

import dev.workflowengine.api.WorkflowException;
import java.util.OptionalInt;

/**
 * Ollama answered, but not with what was asked for: a request it rejected, a server error, a broken
 * or cancelled stream. Failures that have a closer type in {@code dev.workflowengine.api} use it
 * instead: {@link ModelNotFoundException}, {@link OllamaUnavailableException} and {@link
 * OllamaTimeoutException}.
 *
 * <pre>{@code
 * try {
 *   client.chat(request);
 * } catch (ModelNotFoundException e) {
 *   client.pull(e.model()).last();
 * } catch (OllamaException e) {
 *   log.warn("Ollama failed (HTTP {}): {}", e.httpStatus().orElse(-1), e.getMessage());
 * }
 * }</pre>
 */
public class OllamaException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   * @param httpStatus the HTTP status Ollama answered with, or {@code -1} when there was none
   * @param cause the underlying failure, or {@code null}
   */
  public OllamaException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /**
   * The HTTP status Ollama answered with.
   *
   * @return the status, absent when the failure happened without one (for example mid-stream)
   */
  public OptionalInt httpStatus() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }
}
