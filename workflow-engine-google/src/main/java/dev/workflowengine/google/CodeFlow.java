package dev.workflowengine.google;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.ClientId;
import com.google.auth.oauth2.UserAuthorizer;
import com.google.auth.oauth2.UserAuthorizer.TokenResponseWithConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * The authorization-code flow, on google-auth-library's {@link UserAuthorizer}: it builds the
 * authorization URL (adding {@code access_type=offline}, {@code prompt=consent} and {@code
 * include_granted_scopes=true}) and exchanges the code at the configured token URI.
 *
 * <p>The authorizer is built without a PKCE provider: each flow's challenge and verifier go in as
 * additional parameters instead, since a provider would be one pair shared by every flow. No user
 * id is passed to it either, because it would send the id as Google's {@code login_hint}, and an
 * application's user id is not a Google account.
 *
 * <p>Thread-safe: the authorizer is immutable.
 */
final class CodeFlow {

  private final UserAuthorizer authorizer;
  private final URI tokenUri;

  CodeFlow(OAuthClient client, URI redirectUri, URI authUri, List<String> scopes) {
    this.tokenUri = client.tokenUri();
    this.authorizer =
        UserAuthorizer.newBuilder()
            .setClientId(ClientId.of(client.clientId(), client.clientSecret()))
            .setScopes(scopes)
            .setCallbackUri(redirectUri)
            .setUserAuthUri(authUri)
            .setTokenServerUri(client.tokenUri())
            .setHttpTransportFactory(client.transports())
            .build();
  }

  URI authorizationUrl(String state, Pkce pkce) {
    Map<String, String> challenge =
        Map.of("code_challenge", pkce.challenge(), "code_challenge_method", Pkce.METHOD);
    try {
      return authorizer.getAuthorizationUrl(null, state, null, challenge).toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the authorization URL is not a valid URI", e);
    }
  }

  /**
   * Exchanges a code for tokens.
   *
   * @throws GoogleAuthorizationException if the token endpoint refused or could not be reached
   */
  StoredGrant exchange(String userId, String code, Pkce pkce) {
    try {
      TokenResponseWithConfig answer =
          authorizer.getTokenResponseFromAuthCodeExchange(
              code, null, Map.of("code_verifier", pkce.verifier()));
      return StoredGrant.of(answer.getAccessToken(), answer.getRefreshToken());
    } catch (HttpResponseException e) {
      String error = OAuthErrors.errorCode(e).orElse(null);
      throw new GoogleAuthorizationException(
          userId,
          error,
          e.getStatusCode(),
          "Google's token endpoint "
              + tokenUri
              + " refused the authorization code of user '"
              + userId
              + "' (HTTP "
              + e.getStatusCode()
              + (error == null ? "" : ", " + error)
              + "); nothing was stored. "
              + adviceFor(error, e.getStatusCode()),
          e);
    } catch (IOException e) {
      throw new GoogleAuthorizationException(
          userId,
          null,
          0,
          "could not exchange the authorization code of user '"
              + userId
              + "' at "
              + tokenUri
              + " ("
              + e.getClass().getSimpleName()
              + "); nothing was stored. Check that the token endpoint is reachable, then send the"
              + " user through authorizationUrl(userId) again",
          e);
    }
  }

  private static String adviceFor(String error, int status) {
    // RFC 6749 answers 401 only for invalid_client, and the JDK's HttpURLConnection drops the body
    // of a 401 to a streamed POST, so the status alone has to say it.
    if (status == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
      return "Check the client id and secret against the Google Cloud console";
    }
    if ("redirect_uri_mismatch".equals(error)) {
      return "Register the redirectUri exactly as configured for this OAuth client";
    }
    return "The code may have expired or been used already: send the user through"
        + " authorizationUrl(userId) again";
  }
}
