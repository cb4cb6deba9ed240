package dev.workflowengine.google;

import dev.workflowengine.api.AccessDeniedException;

/**
 * An authorization callback carried a {@code state} this application did not issue, has already
 * handled, or issued too long ago. The callback was refused before any request to Google and
 * nothing was stored: it may be a forged request (CSRF), a reload of the callback page, or a user
 * who took too long. Send the user to {@link GoogleAuthorization#authorizationUrl(String)} again.
 *
 * <pre>{@code
 * try {
 *   authorization.handleCallback(code, state);
 * } catch (AuthorizationStateException e) {
 *   redirectTo(authorization.authorizationUrl(currentUser));
 * }
 * }</pre>
 *
 * <p>The message does not say which of the three it was, nor echo the state: a prober learns
 * nothing from it.
 */
public class AuthorizationStateException extends AccessDeniedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused and what to do; must not contain the state
   */
  public AuthorizationStateException(String message) {
    super(message);
  }
}
