package dev.workflowengine.google;

import com.google.auth.Credentials;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.UserCredentials;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's credentials: google-auth-library's {@link UserCredentials}, which refreshes the access
 * token itself (when less than its margin of 3 minutes 45 seconds is left), behind a wrapper that
 *
 * <ul>
 *   <li>persists every refreshed access token through the vault, keeping the stored refresh token
 *       (Google's refresh answers carry none);
 *   <li>turns a dead grant ({@code invalid_grant}, or no refresh token once the access token
 *       expired) into {@link ReauthorizationRequiredException} and deletes the stored tokens, so
 *       that {@code status} says the user is not connected;
 *   <li>prints no token in {@link #toString()} ({@code UserCredentials} prints both) and refuses
 *       Java serialization, which would write them out.
 * </ul>
 *
 * <p>Thread-safe, as {@code UserCredentials} is.
 */
final class UserGrantCredentials extends Credentials {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(UserGrantCredentials.class);

  private final transient String userId;
  private final transient String refreshToken;
  private final transient UserCredentials delegate;
  private final transient TokenVault tokens;

  private UserGrantCredentials(
      String userId, StoredGrant grant, OAuthClient client, TokenVault tokens) {
    this.userId = userId;
    this.refreshToken = grant.refreshToken();
    this.tokens = tokens;
    this.delegate =
        UserCredentials.newBuilder()
            .setClientId(client.clientId())
            .setClientSecret(client.clientSecret())
            .setRefreshToken(grant.refreshToken())
            .setAccessToken(grant.toAccessToken())
            .setTokenServerUri(client.tokenUri())
            .setHttpTransportFactory(client.transports())
            .build();
    delegate.addChangeListener(changed -> persist(changed.getAccessToken()));
  }

  static Credentials of(String userId, StoredGrant grant, OAuthClient client, TokenVault tokens) {
    return new UserGrantCredentials(userId, grant, client, tokens);
  }

  @Override
  public String getAuthenticationType() {
    return delegate.getAuthenticationType();
  }

  @Override
  public String getUniverseDomain() throws IOException {
    return delegate.getUniverseDomain();
  }

  @Override
  public Map<String, List<String>> getRequestMetadata(URI uri) throws IOException {
    try {
      return delegate.getRequestMetadata(uri);
    } catch (IOException | IllegalStateException e) {
      throw deadGrantOr(e);
    }
  }

  @Override
  public boolean hasRequestMetadata() {
    return true;
  }

  @Override
  public boolean hasRequestMetadataOnly() {
    return true;
  }

  @Override
  public void refresh() throws IOException {
    try {
      delegate.refresh();
    } catch (IOException | IllegalStateException e) {
      throw deadGrantOr(e);
    }
  }

  /** Names the user only. */
  @Override
  public String toString() {
    return "GoogleUserCredentials[userId=" + userId + "]";
  }

  /**
   * Rethrows what is not a dead grant as it was: a network failure or a 5xx of the token endpoint
   * is the caller's to retry.
   */
  private IOException deadGrantOr(Exception failure) throws IOException {
    String why;
    if (failure instanceof IOException && OAuthErrors.isInvalidGrant(failure)) {
      why = "invalid_grant: they revoked access, changed their password, or the grant expired";
    } else if (failure instanceof IllegalStateException && refreshToken == null) {
      // UserCredentials signals "no refresh token" with this IllegalStateException.
      why = "Google sent no refresh token and the access token has expired";
    } else if (failure instanceof IOException) {
      throw (IOException) failure;
    } else {
      throw (IllegalStateException) failure;
    }
    boolean deleted = tokens.deleteIfStillHolds(userId, refreshToken);
    log.warn(
        "Google refused to refresh the access token of user '{}' ({}); {}",
        userId,
        why,
        deleted ? "deleted the stored tokens" : "the stored tokens had already changed");
    ReauthorizationRequiredException dead =
        new ReauthorizationRequiredException(
            userId,
            why
                + (deleted
                    ? "; the stored tokens were deleted"
                    : "; the tokens stored now are not those and were kept: the user disconnected"
                        + " or authorised again since these credentials were read"));
    dead.initCause(failure);
    throw dead;
  }

  private void persist(AccessToken fresh) {
    if (fresh == null) {
      return;
    }
    // The library swallows a listener's exceptions; log them so a failing store is noticed.
    try {
      boolean saved =
          tokens.updateIfStillHolds(userId, refreshToken, stored -> stored.withAccessToken(fresh));
      log.debug(
          saved
              ? "stored the refreshed access token of user '{}'"
              : "did not store the refreshed access token of user '{}': they disconnected or"
                  + " authorised again meanwhile",
          userId);
    } catch (RuntimeException e) {
      log.warn(
          "could not store the refreshed access token of user '{}' ({}); the next credentials"
              + " read from the vault will refresh again",
          userId,
          e.toString());
    }
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    throw new NotSerializableException(
        "GoogleUserCredentials hold a user's tokens; get them again from"
            + " GoogleAuthorization.credentials(userId) instead of serializing them");
  }
}
