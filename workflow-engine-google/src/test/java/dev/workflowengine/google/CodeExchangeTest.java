package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The callback's code exchange: the exact token request, and what is stored from the answer. */
class CodeExchangeTest extends AuthorizationTestBase {

  @Test
  void exchangesTheCodeWithTheVerifierOfItsFlow() {
    stubCodeExchange(3599);
    authorization.authorizationUrl("bob"); // another flow, whose verifier must not be used
    String challenge;
    String state;
    Map<String, String> url = query(authorization.authorizationUrl("alice"));
    challenge = url.get("code_challenge");
    state = url.get("state");

    authorization.handleCallback(CODE, state);

    LoggedRequest request = posts("/token").get(0);
    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = form(request);
    assertThat(form)
        .containsOnlyKeys(
            "grant_type", "code", "client_id", "client_secret", "redirect_uri", "code_verifier")
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", CODE)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("client_secret", CLIENT_SECRET)
        .containsEntry("redirect_uri", REDIRECT_URI.toString());
    String verifier = form.get("code_verifier");
    assertThat(verifier).matches("[A-Za-z0-9._~-]{43,128}");
    assertThat(Pkce.challengeOf(verifier)).isEqualTo(challenge);
  }

  @Test
  void storesTheTokensEncryptedAndReportsTheGrant() {
    Instant before = Instant.now();

    AuthorizationStatus status = connect("alice", 3599);

    assertThat(status.userId()).isEqualTo("alice");
    assertThat(status.connected()).isTrue();
    assertThat(status.scopes()).containsExactly(CALENDAR, GMAIL_SEND);
    assertThat(status.accessTokenExpiry().orElseThrow())
        .isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3599));
    assertThat(authorization.status("alice")).isEqualTo(status);

    byte[] raw = store.get("alice", "google").orElseThrow();
    String rawText = new String(raw, UTF_8);
    assertThat(rawText)
        .doesNotContain(ACCESS_TOKEN)
        .doesNotContain(REFRESH_TOKEN)
        .doesNotContain("access_token");
    assertThat(vault.getString("alice", "google").orElseThrow())
        .contains("\"access_token\":\"" + ACCESS_TOKEN + "\"")
        .contains("\"refresh_token\":\"" + REFRESH_TOKEN + "\"");
  }

  @Test
  void aRefusedCodeIsATypedErrorWithGooglesCodeAndNoSecret() {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}")));
    String state = query(authorization.authorizationUrl("alice")).get("state");

    assertThatThrownBy(() -> authorization.handleCallback(CODE, state))
        .isInstanceOf(GoogleAuthorizationException.class)
        .hasMessageContaining("refused the authorization code of user 'alice'")
        .hasMessageContaining("HTTP 400, invalid_grant")
        .hasMessageContaining("authorizationUrl(userId)")
        .hasMessageNotContaining(CODE)
        .hasMessageNotContaining(CLIENT_SECRET)
        .asInstanceOf(type(GoogleAuthorizationException.class))
        .satisfies(
            e -> {
              assertThat(e.userId()).isEqualTo("alice");
              assertThat(e.error()).hasValue("invalid_grant");
              assertThat(e.status()).hasValue(400);
              assertThat(e.isRetriable()).isFalse();
            });
    assertThat(store.names("alice")).isEmpty();
    assertThat(authorization.status("alice").connected()).isFalse();
  }

  @Test
  void aRejectedClientSaysToCheckTheClient() {
    // Google answers invalid_client with 401, whose body the JDK's HttpURLConnection drops.
    server.stubFor(
        post(urlEqualTo("/token")).willReturn(json(401, "{\"error\":\"invalid_client\"}")));
    String state = query(authorization.authorizationUrl("alice")).get("state");

    assertThatThrownBy(() -> authorization.handleCallback(CODE, state))
        .isInstanceOf(GoogleAuthorizationException.class)
        .hasMessageContaining("(HTTP 401")
        .hasMessageContaining("Check the client id and secret")
        .asInstanceOf(type(GoogleAuthorizationException.class))
        .satisfies(e -> assertThat(e.status()).hasValue(401));
  }

  @Test
  void anUnauthorizedClientSaysToCheckTheClientAndNamesTheError() {
    server.stubFor(
        post(urlEqualTo("/token")).willReturn(json(400, "{\"error\":\"unauthorized_client\"}")));
    String state = query(authorization.authorizationUrl("alice")).get("state");

    assertThatThrownBy(() -> authorization.handleCallback(CODE, state))
        .isInstanceOf(GoogleAuthorizationException.class)
        .hasMessageContaining("HTTP 400, unauthorized_client")
        .hasMessageContaining("Check the client id and secret")
        .asInstanceOf(type(GoogleAuthorizationException.class))
        .satisfies(e -> assertThat(e.error()).hasValue("unauthorized_client"));
  }

  @Test
  void aMismatchedRedirectUriSaysToRegisterIt() {
    server.stubFor(
        post(urlEqualTo("/token")).willReturn(json(400, "{\"error\":\"redirect_uri_mismatch\"}")));
    String state = query(authorization.authorizationUrl("alice")).get("state");

    assertThatThrownBy(() -> authorization.handleCallback(CODE, state))
        .isInstanceOf(GoogleAuthorizationException.class)
        .hasMessageContaining("Register the redirectUri");
  }

  @Test
  void anUnreachableTokenEndpointIsATypedErrorWithoutStatus() {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withFault(Fault.CONNECTION_RESET_BY_PEER)));
    String state = query(authorization.authorizationUrl("alice")).get("state");

    assertThatThrownBy(() -> authorization.handleCallback(CODE, state))
        .isInstanceOf(GoogleAuthorizationException.class)
        .hasMessageContaining("could not exchange the authorization code of user 'alice'")
        .asInstanceOf(type(GoogleAuthorizationException.class))
        .satisfies(
            e -> {
              assertThat(e.status()).isEmpty();
              assertThat(e.error()).isEmpty();
            });
    assertThat(store.names("alice")).isEmpty();
  }

  @Test
  void aNewGrantReplacesTheOldOne() {
    connect("alice", 3599);
    server.resetAll();
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(json(200, tokenAnswer("ya29.second", 3599, "1//second"))));
    String state = query(authorization.authorizationUrl("alice")).get("state");

    authorization.handleCallback(CODE, state);

    assertThat(vault.getString("alice", "google").orElseThrow())
        .contains("ya29.second")
        .contains("1//second")
        .doesNotContain(ACCESS_TOKEN);
  }

  @Test
  void theStatusCountsFromTheExchange() {
    AuthorizationStatus status = connect("alice", 60);

    assertThat(Duration.between(Instant.now(), status.accessTokenExpiry().orElseThrow()))
        .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
  }
}
