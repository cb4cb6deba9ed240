package dev.workflowengine.google;

/**
 * Google no longer honours the user's refresh token ({@code invalid_grant}: the user revoked
 * access, changed their password, or the token expired unused). The stored tokens are useless; send
 * the user through {@link GoogleAuthorization#authorizationUrl(String)} again.
 */
public class ReauthorizationRequiredException extends NotConnectedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param userId the user whose grant is dead
   * @param why what Google said, without any token
   */
  public ReauthorizationRequiredException(String userId, String why) {
    super(
        userId,
        "Google refused the refresh token of user '"
            + userId
            + "' ("
            + why
            + "); send them through GoogleAuthorization.authorizationUrl(userId) again");
  }
}
