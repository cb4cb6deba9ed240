package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.WorkflowException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Google's OAuth endpoints refused or could not be reached: exchanging an authorization code in
 * {@link GoogleAuthorization#handleCallback(String, String)} (nothing was stored; send the user
 * through authorization again), or revoking a grant in {@link
 * GoogleAuthorization#disconnect(String)} (the tokens were deleted here all the same).
 *
 * <pre>{@code
 * try {
 *   authorization.handleCallback(code, state);
 * } catch (GoogleAuthorizationException e) {
 *   log.warn("{}", e.getMessage());            // safe to log: no code, token or secret
 *   if (e.error().filter("invalid_client"::equals).isPresent()) alertOperators();
 * }
 * }</pre>
 *
 * <p>Not retriable as it stands: the flow's state was used up, so a retry starts a new
 * authorization.
 */
public class GoogleAuthorizationException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String userId;
  private final String error;
  private final int status;

  /**
   * Creates the exception.
   *
   * @param userId the user whose authorization failed
   * @param error the OAuth error code Google answered with, such as {@code invalid_grant}, or
   *     {@code null} if it gave none
   * @param status the HTTP status of Google's answer, or 0 if there was no answer
   * @param message what went wrong and what to do; must not contain a code, token or secret
   * @param cause the underlying failure, or {@code null}
   */
  public GoogleAuthorizationException(
      String userId, String error, int status, String message, Throwable cause) {
    super(message, cause);
    this.userId = requireNonNull(userId, "userId");
    this.error = error;
    this.status = status;
  }

  /**
   * The user whose authorization failed.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }

  /**
   * The OAuth error code of Google's answer (RFC 6749 section 5.2).
   *
   * @return for example {@code invalid_grant}, {@code invalid_client} or {@code
   *     redirect_uri_mismatch}, when the answer had one
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The HTTP status of Google's answer.
   *
   * @return the status, or empty if the endpoint could not be reached
   */
  public OptionalInt status() {
    return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
  }
}
