package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.memory.InMemoryCredentialStore;
import java.net.URI;
import java.net.URLDecoder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link GoogleAuthorization} whose token and revoke endpoints are a WireMock server, over a real
 * vault and an in-memory store the tests can read raw.
 */
abstract class AuthorizationTestBase {

  static final String CLIENT_ID = "client-123.apps.googleusercontent.com";
  static final String CLIENT_SECRET = "GOCSPX-client-secret";
  static final URI REDIRECT_URI = URI.create("https://app.example.com/oauth/google/callback");
  static final URI AUTH_URI = URI.create("https://accounts.example.test/o/oauth2/v2/auth");
  static final String CALENDAR = "https://www.googleapis.com/auth/calendar";
  static final String GMAIL_SEND = "https://www.googleapis.com/auth/gmail.send";
  static final String ACCESS_TOKEN = "ya29.access-token-of-alice";
  static final String REFRESH_TOKEN = "1//refresh-token-of-alice";
  static final String CODE = "4/0AX4XfWcode-from-google";

  final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
  final InMemoryCredentialStore store = new InMemoryCredentialStore();
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  CredentialVault vault;
  GoogleAuthorization authorization;

  @BeforeEach
  void startServer() {
    server.start();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    vault = CredentialVault.builder().store(store).key("k1", key).build();
    authorization = builder().build();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  GoogleAuthorizationBuilder builder() {
    return GoogleAuthorization.builder()
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .redirectUri(REDIRECT_URI)
        .scopes(CALENDAR, GMAIL_SEND)
        .vault(vault)
        .authUri(AUTH_URI)
        .tokenUri(URI.create(server.baseUrl() + "/token"))
        .revokeUri(URI.create(server.baseUrl() + "/revoke"))
        .clock(clock);
  }

  /** Google's answer to a code exchange. */
  static String tokenAnswer(String accessToken, int expiresIn, String refreshToken) {
    return "{\"access_token\":\""
        + accessToken
        + "\",\"expires_in\":"
        + expiresIn
        + (refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"")
        + ",\"scope\":\""
        + CALENDAR
        + " "
        + GMAIL_SEND
        + "\",\"token_type\":\"Bearer\"}";
  }

  void stubCodeExchange(int expiresIn) {
    server.stubFor(
        post(urlEqualTo("/token"))
            .withFormParam("grant_type", equalTo("authorization_code"))
            .willReturn(json(200, tokenAnswer(ACCESS_TOKEN, expiresIn, REFRESH_TOKEN))));
  }

  /** Runs a whole flow for the user: authorization URL, then the callback with its state. */
  AuthorizationStatus connect(String userId, int expiresIn) {
    stubCodeExchange(expiresIn);
    String state = query(authorization.authorizationUrl(userId)).get("state");
    return authorization.handleCallback(CODE, state);
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  List<LoggedRequest> posts(String path) {
    return server.findAll(postRequestedFor(urlEqualTo(path)));
  }

  /** Decodes a query string or a form body into its parameters, failing on a repeated one. */
  static Map<String, String> decode(String encoded) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), UTF_8);
      if (parameters.put(name, value) != null) {
        throw new AssertionError("parameter " + name + " appears twice in " + encoded);
      }
    }
    return parameters;
  }

  static Map<String, String> query(URI uri) {
    return decode(uri.getRawQuery());
  }

  static Map<String, String> form(LoggedRequest request) {
    return decode(request.getBodyAsString());
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
