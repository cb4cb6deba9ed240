package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.ResilienceFixture.CALENDARS_JSON;
import static dev.workflowengine.google.ResilienceFixture.calendarListAnswers;
import static dev.workflowengine.google.ResilienceFixture.calendarRequests;
import static dev.workflowengine.google.ResilienceFixture.listCalendars;
import static dev.workflowengine.google.ResilienceFixture.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.auth.oauth2.UserCredentials;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the credential source throws reaches the caller unchanged and is never retried; a refresh
 * Google refuses for good means the user must authorise again.
 */
class GoogleWorkspaceCredentialsTest {

  @RegisterExtension static WireMockExtension wm = WireMockExtension.newInstance().build();

  @BeforeEach
  void calendarsAreThere() {
    calendarListAnswers(wm, okJson(CALENDARS_JSON));
  }

  @Test
  void notConnectedPassesThroughUnchangedAndIsNotRetried() {
    NotConnectedException notConnected = new NotConnectedException("alice");
    AtomicInteger lookups = new AtomicInteger();
    GoogleWorkspace google =
        workspace(
                wm,
                userId -> {
                  lookups.incrementAndGet();
                  throw notConnected;
                })
            .build();

    Throwable thrown = catchThrowable(() -> listCalendars(google, "alice"));

    assertThat(thrown).isSameAs(notConnected);
    assertThat(lookups).hasValue(1);
    assertThat(calendarRequests(wm)).isZero();
  }

  @Test
  void reauthorizationRequiredPassesThroughUnchangedAndIsNotRetried() {
    ReauthorizationRequiredException dead =
        new ReauthorizationRequiredException("alice", "invalid_grant");
    AtomicInteger lookups = new AtomicInteger();
    GoogleWorkspace google =
        workspace(
                wm,
                userId -> {
                  lookups.incrementAndGet();
                  throw dead;
                })
            .build();

    Throwable thrown = catchThrowable(() -> listCalendars(google, "alice"));

    assertThat(thrown).isSameAs(dead);
    assertThat(lookups).hasValue(1);
    assertThat(calendarRequests(wm)).isZero();
  }

  @Test
  void aRefreshTokenGoogleRefusesMeansReauthorization() {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_grant\","
                            + "\"error_description\":\"Token has been expired or revoked.\"}")));
    GoogleWorkspace google = workspace(wm, userId -> refreshing("refresh-token-of-alice")).build();

    ReauthorizationRequiredException e =
        catchThrowableOfType(
            ReauthorizationRequiredException.class, () -> listCalendars(google, "alice"));

    assertThat(e.userId()).isEqualTo("alice");
    assertThat(e.getMessage())
        .contains("invalid_grant", "Token has been expired or revoked")
        .doesNotContain("refresh-token-of-alice");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/token")))).hasSize(1);
    assertThat(calendarRequests(wm)).isZero();
  }

  @Test
  void aTokenEndpointRefusingTheClientIsAGoogleApiExceptionAboutTheClientSetUp() {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}")));
    GoogleWorkspace google = workspace(wm, userId -> refreshing("r")).build();

    GoogleApiException e =
        catchThrowableOfType(GoogleApiException.class, () -> listCalendars(google, "alice"));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage())
        .contains("token endpoint", "user 'alice'", "HTTP 401", "OAuth client id and secret");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/token")))).hasSize(1);
    assertThat(calendarRequests(wm)).isZero();
  }

  private static UserCredentials refreshing(String refreshToken) {
    return UserCredentials.newBuilder()
        .setClientId("client")
        .setClientSecret("secret")
        .setRefreshToken(refreshToken)
        .setTokenServerUri(URI.create(wm.baseUrl() + "/token"))
        .build();
  }
}
