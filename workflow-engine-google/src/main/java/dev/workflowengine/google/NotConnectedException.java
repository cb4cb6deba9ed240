package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.WorkflowException;

/**
 * The user has no Google account connected: they never went through {@link
 * GoogleAuthorization#authorizationUrl(String)}, or disconnected. Send them through authorization,
 * then try again.
 */
public class NotConnectedException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String userId;

  /**
   * Creates the exception with the standard message.
   *
   * @param userId the user without a connection
   */
  public NotConnectedException(String userId) {
    this(
        userId,
        "user '"
            + userId
            + "' has not connected a Google account; send them to"
            + " GoogleAuthorization.authorizationUrl(userId) and try again once the callback has"
            + " been handled");
  }

  /**
   * Creates the exception with a message of the subclass's own.
   *
   * @param userId the user
   * @param message what happened and what to do
   */
  protected NotConnectedException(String userId, String message) {
    super(message);
    this.userId = requireNonNull(userId, "userId");
  }

  /**
   * The user who must authorise access.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }
}
