package dev.workflowengine.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Too much at once: a queue is full, a concurrency limit is reached, or a service asked us to slow
 * down. Retriable; {@link #retryAfter()} says when, if anyone knows.
 */
public class RateLimitedException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what limit was hit and how to stay under it
   * @param retryAfter how long to wait before trying again, or {@code null} when unknown
   */
  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /**
   * How long to wait before trying again.
   *
   * @return the wait, when known
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
