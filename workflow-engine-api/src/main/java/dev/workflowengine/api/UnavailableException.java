package dev.workflowengine.api;

/**
 * A service the workflow needs cannot be reached or refuses work for now: Ollama is not running, a
 * Google API answers 503, a circuit breaker is open. Retriable.
 */
public class UnavailableException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which service, where it was looked for, and how to bring it up
   */
  public UnavailableException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message which service, where it was looked for, and how to bring it up
   * @param cause the underlying failure
   */
  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
