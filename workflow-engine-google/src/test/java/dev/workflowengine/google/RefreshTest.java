package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.google.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Access tokens are refreshed at the configured token URI before they expire, and the refreshed
 * ones stored; a dead refresh token becomes {@link ReauthorizationRequiredException}.
 */
class RefreshTest extends AuthorizationTestBase {

  private static final URI API = URI.create("https://www.googleapis.com/calendar/v3");
  private static final String REFRESHED = "ya29.refreshed-access-token";

  @Test
  void aTokenFarFromExpiryIsUsedAsItIs() throws IOException {
    connect("alice", 3599);

    Map<String, List<String>> headers = authorization.credentials("alice").getRequestMetadata(API);

    assertThat(headers).containsEntry("Authorization", List.of("Bearer " + ACCESS_TOKEN));
    assertThat(posts("/token")).hasSize(1); // the exchange only
  }

  @Test
  void aTokenAboutToExpireIsRefreshedAndTheNewOneStored() throws IOException {
    connect("alice", 60); // within the library's refresh margin
    stubRefresh(json(200, "{\"access_token\":\"" + REFRESHED + "\",\"expires_in\":3599}"));
    Instant before = Instant.now();

    Map<String, List<String>> headers = authorization.credentials("alice").getRequestMetadata(API);

    assertThat(headers).containsEntry("Authorization", List.of("Bearer " + REFRESHED));
    assertThat(form(posts("/token").get(1)))
        .containsOnlyKeys("grant_type", "refresh_token", "client_id", "client_secret")
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", REFRESH_TOKEN)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("client_secret", CLIENT_SECRET);
    String stored = vault.getString("alice", "google").orElseThrow();
    assertThat(stored)
        .contains("\"access_token\":\"" + REFRESHED + "\"")
        .contains("\"refresh_token\":\"" + REFRESH_TOKEN + "\"")
        .doesNotContain(ACCESS_TOKEN);
    AuthorizationStatus status = authorization.status("alice");
    assertThat(status.scopes()).containsExactly(CALENDAR, GMAIL_SEND); // kept: answer had none
    assertThat(status.accessTokenExpiry().orElseThrow())
        .isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3599));
  }

  @Test
  void theNextCredentialsReadTheStoredRefreshAndDoNotRefreshAgain() throws IOException {
    connect("alice", 60);
    stubRefresh(json(200, "{\"access_token\":\"" + REFRESHED + "\",\"expires_in\":3599}"));
    authorization.credentials("alice").getRequestMetadata(API);

    Map<String, List<String>> headers = authorization.credentials("alice").getRequestMetadata(API);

    assertThat(headers).containsEntry("Authorization", List.of("Bearer " + REFRESHED));
    assertThat(posts("/token")).hasSize(2); // the exchange and one refresh
  }

  @Test
  void scopesListedByTheRefreshAnswerReplaceTheStoredOnes() throws IOException {
    connect("alice", 60);
    stubRefresh(
        json(
            200,
            "{\"access_token\":\""
                + REFRESHED
                + "\",\"expires_in\":3599,\"scope\":\""
                + CALENDAR
                + "\"}"));

    authorization.credentials("alice").refresh();

    assertThat(authorization.status("alice").scopes()).containsExactly(CALENDAR);
  }

  @Test
  void aDeadRefreshTokenAsksForReauthorizationAndForgetsTheTokens() {
    connect("alice", 60);
    stubRefresh(
        json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or"
                + " revoked.\"}"));
    Credentials credentials = authorization.credentials("alice");

    assertThatThrownBy(() -> credentials.getRequestMetadata(API))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .isInstanceOf(NotConnectedException.class)
        .hasMessageContaining("user 'alice'")
        .hasMessageContaining("invalid_grant")
        .hasMessageContaining("authorizationUrl(userId)")
        .hasMessageNotContaining(REFRESH_TOKEN)
        .hasMessageContaining("the stored tokens were deleted")
        .asInstanceOf(type(ReauthorizationRequiredException.class))
        .extracting(NotConnectedException::userId)
        .isEqualTo("alice");
    assertThat(store.names("alice")).isEmpty();
    assertThat(authorization.status("alice")).isEqualTo(AuthorizationStatus.notConnected("alice"));
    assertThatThrownBy(() -> authorization.credentials("alice"))
        .isInstanceOf(NotConnectedException.class)
        .isNotInstanceOf(ReauthorizationRequiredException.class);
  }

  @Test
  void aDeadRefreshTokenOnAForcedRefreshToo() {
    // HttpCredentialsAdapter calls refresh() when an API answers 401.
    connect("alice", 3599);
    stubRefresh(json(400, "{\"error\":\"invalid_grant\"}"));

    assertThatThrownBy(() -> authorization.credentials("alice").refresh())
        .isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(authorization.status("alice").connected()).isFalse();
  }

  @Test
  void aDeadOldGrantDoesNotDeleteANewerOne() throws IOException {
    connect("alice", 60);
    Credentials old = authorization.credentials("alice");
    server.resetAll();
    server.stubFor(
        post(urlEqualTo("/token"))
            .withFormParam("grant_type", equalTo("authorization_code"))
            .willReturn(json(200, tokenAnswer("ya29.new", 3599, "1//new-refresh"))));
    String state = query(authorization.authorizationUrl("alice")).get("state");
    authorization.handleCallback(CODE, state);
    stubRefresh(json(400, "{\"error\":\"invalid_grant\"}"));

    assertThatThrownBy(() -> old.getRequestMetadata(API))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .hasMessageNotContaining("were deleted")
        .hasMessageContaining("were kept");
    assertThat(vault.getString("alice", "google").orElseThrow()).contains("1//new-refresh");
  }

  @Test
  void anExpiredAccessTokenWithoutARefreshTokenAsksForReauthorization() {
    server.stubFor(
        post(urlEqualTo("/token")).willReturn(json(200, tokenAnswer(ACCESS_TOKEN, 60, null))));
    authorization.handleCallback(CODE, query(authorization.authorizationUrl("alice")).get("state"));

    assertThatThrownBy(() -> authorization.credentials("alice").getRequestMetadata(API))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .hasMessageContaining("no refresh token");
    assertThat(posts("/token")).hasSize(1);
    assertThat(authorization.status("alice").connected()).isFalse();
  }

  @Test
  void otherRefreshFailuresStayIoExceptionsAndKeepTheTokens() {
    connect("alice", 60);
    stubRefresh(json(503, "{\"error\":\"temporarily_unavailable\"}"));

    assertThatThrownBy(() -> authorization.credentials("alice").getRequestMetadata(API))
        .isInstanceOf(IOException.class);
    assertThat(authorization.status("alice").connected()).isTrue();
  }

  @Test
  void aRefreshFinishingAfterDisconnectDoesNotBringTheTokensBack() throws IOException {
    connect("alice", 60);
    Credentials credentials = authorization.credentials("alice");
    server.stubFor(post(urlEqualTo("/revoke")).willReturn(json(200, "{}")));
    authorization.disconnect("alice");
    stubRefresh(json(200, "{\"access_token\":\"" + REFRESHED + "\",\"expires_in\":3599}"));

    credentials.getRequestMetadata(API);

    assertThat(store.names("alice")).isEmpty();
  }

  @Test
  void credentialsPrintNoToken() {
    connect("alice", 3599);

    assertThat(authorization.credentials("alice").toString())
        .isEqualTo("GoogleUserCredentials[userId=alice]");
  }

  private void stubRefresh(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
    server.stubFor(
        post(urlEqualTo("/token"))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .willReturn(answer));
  }
}
