package dev.workflowengine.api;

/**
 * Root of every exception this SDK throws on purpose. Unchecked, so workflow code stays free of
 * {@code throws} clauses; each subclass says what was wrong and what to do in its message.
 *
 * <p>Catch this type to handle every SDK failure in one place, or a subclass to react to one kind:
 *
 * <pre>{@code
 * try {
 *   engine.start(request);
 * } catch (RateLimitedException e) {
 *   retryLater(e.retryAfter());
 * } catch (WorkflowException e) {
 *   log.warn("could not start: {}", e.getMessage());
 * }
 * }</pre>
 */
public class WorkflowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what was wrong and what to do.
   *
   * @param message the message
   */
  public WorkflowException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the failure that caused it.
   *
   * @param message the message
   * @param cause the underlying failure
   */
  public WorkflowException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether trying the same operation again later may succeed. Policies with retries consult it;
   * the default is {@code false}: most mistakes do not fix themselves.
   *
   * @return {@code true} for transient failures
   */
  public boolean isRetriable() {
    return false;
  }
}
