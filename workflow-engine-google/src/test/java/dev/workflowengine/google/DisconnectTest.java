package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

/**
 * Disconnecting deletes the tokens, then revokes the grant at the configured revoke URI; a failed
 * revocation still leaves the tokens deleted and says so.
 */
class DisconnectTest extends AuthorizationTestBase {

  @Test
  void revokesTheRefreshTokenAndDeletesTheTokens() {
    connect("alice", 3599);
    server.stubFor(post(urlEqualTo("/revoke")).willReturn(json(200, "{}")));

    assertThat(authorization.disconnect("alice")).isTrue();

    LoggedRequest revoke = posts("/revoke").get(0);
    assertThat(revoke.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form(revoke))
        .containsExactly(org.assertj.core.api.Assertions.entry("token", REFRESH_TOKEN));
    assertThat(store.names("alice")).isEmpty();
    assertThat(authorization.status("alice")).isEqualTo(AuthorizationStatus.notConnected("alice"));
    assertThatThrownBy(() -> authorization.credentials("alice"))
        .isInstanceOf(NotConnectedException.class)
        .hasMessageContaining("user 'alice' has not connected a Google account");
  }

  @Test
  void revokesTheAccessTokenWhenGoogleSentNoRefreshToken() {
    server.stubFor(
        post(urlEqualTo("/token")).willReturn(json(200, tokenAnswer(ACCESS_TOKEN, 3599, null))));
    server.stubFor(post(urlEqualTo("/revoke")).willReturn(json(200, "{}")));
    authorization.handleCallback(CODE, query(authorization.authorizationUrl("alice")).get("state"));

    authorization.disconnect("alice");

    assertThat(form(posts("/revoke").get(0))).containsEntry("token", ACCESS_TOKEN);
  }

  @Test
  void aUserWithNothingStoredHasNothingToDisconnect() {
    assertThat(authorization.disconnect("alice")).isFalse();
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aTokenGoogleAlreadyForgotCountsAsRevoked() {
    connect("alice", 3599);
    server.stubFor(
        post(urlEqualTo("/revoke")).willReturn(json(400, "{\"error\":\"invalid_token\"}")));

    assertThat(authorization.disconnect("alice")).isTrue();
    assertThat(store.names("alice")).isEmpty();
  }

  @Test
  void aRefusedRevocationIsReportedAndTheTokensAreDeletedAnyway() {
    connect("alice", 3599);
    server.stubFor(
        post(urlEqualTo("/revoke"))
            .willReturn(json(503, "{\"error\":\"temporarily_unavailable\"}")));

    assertThatThrownBy(() -> authorization.disconnect("alice"))
        .isInstanceOf(GoogleAuthorizationException.class)
        .hasMessageContaining("deleted the Google tokens of user 'alice' here")
        .hasMessageContaining("answered HTTP 503, temporarily_unavailable")
        .hasMessageContaining("https://myaccount.google.com/permissions")
        .hasMessageNotContaining(REFRESH_TOKEN)
        .asInstanceOf(type(GoogleAuthorizationException.class))
        .satisfies(
            e -> {
              assertThat(e.status()).hasValue(503);
              assertThat(e.error()).hasValue("temporarily_unavailable");
            });
    assertThat(store.names("alice")).isEmpty();
    assertThat(authorization.status("alice").connected()).isFalse();
    assertThat(authorization.disconnect("alice")).isFalse();
  }

  @Test
  void anUnreachableRevokeEndpointIsReportedAndTheTokensAreDeletedAnyway() {
    connect("alice", 3599);
    server.stubFor(
        post(urlEqualTo("/revoke")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(() -> authorization.disconnect("alice"))
        .isInstanceOf(GoogleAuthorizationException.class)
        .hasMessageContaining("could not be reached")
        .asInstanceOf(type(GoogleAuthorizationException.class))
        .satisfies(e -> assertThat(e.status()).isEmpty());
    assertThat(store.names("alice")).isEmpty();
  }

  @Test
  void storedGarbageIsDeletedWithoutARevocation() {
    vault.putString("alice", "google", "not a grant");

    assertThat(authorization.disconnect("alice")).isTrue();

    assertThat(store.names("alice")).isEmpty();
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
