package dev.workflowengine.api;

import java.time.Duration;

/** Something took longer than it was allowed to: a node, a wait for a person, a whole run. */
public class WorkflowTimeoutException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final Duration limit;

  /**
   * Creates the exception.
   *
   * @param message what timed out and which setting raises the limit
   * @param limit the limit that was exceeded
   */
  public WorkflowTimeoutException(String message, Duration limit) {
    super(message);
    this.limit = limit;
  }

  /**
   * The limit that was exceeded.
   *
   * @return the limit
   */
  public Duration limit() {
    return limit;
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
