package dev.workflowengine.google;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.UrlEncodedContent;
import com.google.auth.http.HttpTransportFactory;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes a grant at Google (RFC 7009). Hand-written because google-auth-library's {@code
 * UserAuthorizer.revokeAuthorization} posts to a revoke URI it hard-codes, which tests and proxies
 * cannot replace.
 *
 * <p>Thread-safe.
 */
final class Revocation {

  private static final Logger log = LoggerFactory.getLogger(Revocation.class);
  private static final String MANAGE_ACCESS = "https://myaccount.google.com/permissions";

  private final URI revokeUri;
  private final HttpTransportFactory transports;

  Revocation(URI revokeUri, HttpTransportFactory transports) {
    this.revokeUri = revokeUri;
    this.transports = transports;
  }

  /**
   * Revokes the grant, by its refresh token when there is one (which revokes its access tokens
   * too), else by its access token. The caller has already deleted the tokens.
   *
   * @throws GoogleAuthorizationException if Google did not confirm the revocation
   */
  void revoke(String userId, StoredGrant grant) {
    String token = grant.refreshTokenIfAny().orElse(grant.accessToken());
    HttpResponse response;
    try {
      response = post(token);
    } catch (IOException e) {
      throw failure(
          userId, null, 0, "could not be reached (" + e.getClass().getSimpleName() + ")", e);
    }
    try {
      int status = response.getStatusCode();
      if (status / 100 == 2) {
        return;
      }
      Optional<String> error = OAuthErrors.errorCode(readQuietly(response));
      if (status == 400 && error.filter("invalid_token"::equals).isPresent()) {
        // Google says the token is already dead: nothing is left to revoke.
        log.debug("the Google grant of user '{}' was already revoked or expired", userId);
        return;
      }
      throw failure(
          userId,
          error.orElse(null),
          status,
          "answered HTTP " + status + error.map(e -> ", " + e).orElse(""),
          null);
    } finally {
      disconnectQuietly(response);
    }
  }

  private HttpResponse post(String token) throws IOException {
    HttpRequest request =
        transports
            .create()
            .createRequestFactory()
            .buildPostRequest(
                new GenericUrl(revokeUri), new UrlEncodedContent(Map.of("token", token)));
    // google-http-client would log the form, token included, at the CONFIG level.
    request.setLoggingEnabled(false);
    request.setThrowExceptionOnExecuteError(false);
    return request.execute();
  }

  private GoogleAuthorizationException failure(
      String userId, String error, int status, String what, Throwable cause) {
    return new GoogleAuthorizationException(
        userId,
        error,
        status,
        "deleted the Google tokens of user '"
            + userId
            + "' here, but Google's revoke endpoint "
            + revokeUri
            + " "
            + what
            + ", so the grant may still be valid at Google; nothing is left here to retry with."
            + " The user can remove this application's access at "
            + MANAGE_ACCESS,
        cause);
  }

  private static String readQuietly(HttpResponse response) {
    try {
      return response.parseAsString();
    } catch (IOException e) {
      return null;
    }
  }

  private static void disconnectQuietly(HttpResponse response) {
    try {
      response.disconnect();
    } catch (IOException e) {
      log.debug("closing the revoke response failed", e);
    }
  }
}
