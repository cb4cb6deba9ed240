package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.WorkflowException;
import java.time.Duration;
import java.util.Optional;

/**
 * A Google API answered with an error, after any retries: {@link #status()} is the HTTP status,
 * {@link #reason()} the first {@code errors[].reason} of Google's JSON error (such as {@code
 * notFound}, {@code insufficientPermissions} or {@code rateLimitExceeded}). The message names the
 * service, the user, Google's own message and what to do. Also thrown when Google's token endpoint
 * refuses to refresh a user's access token for a reason other than a dead grant (then {@link
 * #status()} is the token endpoint's and {@link #reason()} the OAuth error, such as {@code
 * invalid_client}, when the answer carried one).
 *
 * <pre>{@code
 * try {
 *   calendar.createEvent(event);
 * } catch (GoogleApiException e) {
 *   if (e.status() == 403 && e.reason().filter("insufficientPermissions"::equals).isPresent()) {
 *     askForMoreScopes();
 *   }
 * }
 * }</pre>
 */
public class GoogleApiException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final GoogleService service;
  private final int status;
  private final String reason;
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param service the API that answered
   * @param status the HTTP status
   * @param reason Google's error reason, or {@code null} if the answer had none
   * @param retryAfter what a {@code Retry-After} header asked for, or {@code null}
   * @param message what went wrong and what to do
   * @param cause the client library's exception, or {@code null}
   */
  public GoogleApiException(
      GoogleService service,
      int status,
      String reason,
      Duration retryAfter,
      String message,
      Throwable cause) {
    super(message, cause);
    this.service = requireNonNull(service, "service");
    this.status = status;
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  /**
   * The API that answered.
   *
   * @return the service
   */
  public GoogleService service() {
    return service;
  }

  /**
   * The HTTP status.
   *
   * @return the status, such as 404
   */
  public int status() {
    return status;
  }

  /**
   * Google's error reason.
   *
   * @return the first {@code errors[].reason}, when the answer had one
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * How long Google asked callers to wait.
   *
   * @return the {@code Retry-After} of the last answer, when it had one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** 429, 5xx, and 403 with a rate-limit reason are worth retrying later; other 4xx are not. */
  @Override
  public boolean isRetriable() {
    return status == 429 || status >= 500 || (status == 403 && isRateLimitReason(reason));
  }

  static boolean isRateLimitReason(String reason) {
    return "rateLimitExceeded".equals(reason) || "userRateLimitExceeded".equals(reason);
  }
}
