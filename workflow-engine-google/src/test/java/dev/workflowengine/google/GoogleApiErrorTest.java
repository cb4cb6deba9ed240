package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.ResilienceFixture.calendarListAnswers;
import static dev.workflowengine.google.ResilienceFixture.calendarRequests;
import static dev.workflowengine.google.ResilienceFixture.googleError;
import static dev.workflowengine.google.ResilienceFixture.listCalendars;
import static dev.workflowengine.google.ResilienceFixture.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.auth.oauth2.UserCredentials;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client errors are never retried, and each becomes a {@link GoogleApiException} with Google's
 * status, reason and message, and what to do.
 */
class GoogleApiErrorTest {

  @RegisterExtension static WireMockExtension wm = WireMockExtension.newInstance().build();

  @Test
  void a400IsNotRetriedAndSaysToFixTheRequest() {
    calendarListAnswers(wm, googleError(400, "badRequest", "Invalid value for maxResults"));

    GoogleApiException e =
        catchThrowableOfType(
            GoogleApiException.class, () -> listCalendars(workspace(wm).build(), "alice"));

    assertThat(calendarRequests(wm)).isEqualTo(1);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.reason()).contains("badRequest");
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.isRetriable()).isFalse();
    assertThat(e.getMessage())
        .contains("Google Calendar answered HTTP 400 (badRequest) for user 'alice'")
        .contains("Invalid value for maxResults")
        .contains("fix what the message names")
        .doesNotContain("Gave up");
  }

  @Test
  void a403InsufficientPermissionsIsNotRetriedAndSaysToAskForScopes() {
    calendarListAnswers(
        wm,
        googleError(
            403, "insufficientPermissions", "Request had insufficient authentication scopes."));

    GoogleApiException e =
        catchThrowableOfType(
            GoogleApiException.class, () -> listCalendars(workspace(wm).build(), "alice"));

    assertThat(calendarRequests(wm)).isEqualTo(1);
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.reason()).contains("insufficientPermissions");
    assertThat(e.getMessage())
        .contains("insufficient authentication scopes")
        .contains("has not granted the scopes")
        .contains("GoogleAuthorization.authorizationUrl(userId)");
  }

  @ParameterizedTest
  @CsvSource({
    "403, forbidden, check the id and its sharing",
    "403, dailyLimitExceeded, quota",
    "404, notFound, check the id",
    "409, duplicate, read the current state",
    "410, fullSyncRequired, full sync",
    "412, conditionNotMet, read it again",
  })
  void otherClientErrorsAreNotRetried(int status, String reason, String advice) {
    calendarListAnswers(wm, googleError(status, reason, "Google says no"));

    GoogleApiException e =
        catchThrowableOfType(
            GoogleApiException.class, () -> listCalendars(workspace(wm).build(), "alice"));

    assertThat(calendarRequests(wm)).isEqualTo(1);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.reason()).contains(reason);
    assertThat(e.getMessage()).contains("Google says no", advice);
  }

  @Test
  void anAnswerThatIsNotJsonKeepsTheStatusAndABitOfTheBody() {
    calendarListAnswers(
        wm,
        aResponse()
            .withStatus(502)
            .withStatusMessage("Bad Gateway")
            .withBody("<html><body>The proxy could not reach the upstream</body></html>"));

    GoogleApiException e =
        catchThrowableOfType(
            GoogleApiException.class,
            () -> listCalendars(workspace(wm).maxRetries(1).build(), "alice"));

    assertThat(calendarRequests(wm)).isEqualTo(2);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.reason()).isEmpty();
    assertThat(e.getMessage())
        .contains("Bad Gateway", "could not reach the upstream", "failed on its side");
  }

  /**
   * Google answers 401 when it no longer accepts the access token; the credentials adapter then
   * refreshes it and sends the request once more by itself (once, not the client library's default
   * of ten times). A second 401 is the user's problem: re-authorise. {@code call} adds no retry of
   * its own.
   */
  @Test
  void a401SaysToReauthoriseTheUser() {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(okJson("{\"access_token\":\"fresh\",\"expires_in\":3600}")));
    calendarListAnswers(
        wm,
        googleError(401, "authError", "Invalid Credentials")
            .withHeader("WWW-Authenticate", "Bearer realm=\"x\", error=\"invalid_token\""));
    UserCredentials credentials =
        UserCredentials.newBuilder()
            .setClientId("client")
            .setClientSecret("secret")
            .setRefreshToken("refresh")
            .setTokenServerUri(URI.create(wm.baseUrl() + "/token"))
            .build();

    GoogleApiException e =
        catchThrowableOfType(
            GoogleApiException.class,
            () -> listCalendars(workspace(wm, userId -> credentials).build(), "alice"));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.isRetriable()).isFalse();
    assertThat(e.getMessage())
        .contains("Invalid Credentials")
        .contains("re-authorise the user", "GoogleAuthorization.authorizationUrl(userId)");
    assertThat(calendarRequests(wm)).isEqualTo(2);
  }
}
