package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.ResilienceFixture.CALENDARS_JSON;
import static dev.workflowengine.google.ResilienceFixture.DRIVE_FILES;
import static dev.workflowengine.google.ResilienceFixture.FILES_JSON;
import static dev.workflowengine.google.ResilienceFixture.calendarListAnswers;
import static dev.workflowengine.google.ResilienceFixture.calendarRequests;
import static dev.workflowengine.google.ResilienceFixture.driveRequests;
import static dev.workflowengine.google.ResilienceFixture.googleError;
import static dev.workflowengine.google.ResilienceFixture.listCalendars;
import static dev.workflowengine.google.ResilienceFixture.listFiles;
import static dev.workflowengine.google.ResilienceFixture.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workflowengine.api.UnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each service has its own circuit breaker: consecutive server errors or network failures (after
 * their retries) open it, an open one refuses calls without sending them, and after its delay a
 * successful trial closes it again.
 */
class GoogleWorkspaceCircuitBreakerTest {

  @RegisterExtension static WireMockExtension wm = WireMockExtension.newInstance().build();

  @BeforeEach
  void driveWorks() {
    wm.stubFor(get(urlPathEqualTo(DRIVE_FILES)).willReturn(okJson(FILES_JSON)));
  }

  @Test
  void consecutiveFailuresOpenTheServiceCircuitWhileOtherServicesGoThrough() {
    calendarListAnswers(wm, googleError(503, "backendError", "Backend Error"));
    GoogleWorkspace google =
        workspace(wm).maxRetries(1).circuitBreaker(2, Duration.ofMinutes(5)).build();
    assertThatThrownBy(() -> listCalendars(google, "alice")).isInstanceOf(GoogleApiException.class);
    assertThatThrownBy(() -> listCalendars(google, "bob")).isInstanceOf(GoogleApiException.class);
    assertThat(calendarRequests(wm)).isEqualTo(4);

    UnavailableException refused =
        catchThrowableOfType(UnavailableException.class, () -> listCalendars(google, "carol"));

    assertThat(calendarRequests(wm)).isEqualTo(4);
    assertThat(refused.isRetriable()).isTrue();
    assertThat(refused.getMessage())
        .contains("Google Calendar is unavailable", "2 consecutive calls")
        .containsPattern("A trial call goes through in (4 min 5\\d s|5 min)");
    assertThat(listFiles(google, "carol").getFiles()).hasSize(1);
    assertThat(driveRequests(wm)).isEqualTo(1);
  }

  @Test
  void networkFailuresOpenTheCircuitToo() {
    calendarListAnswers(wm, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    GoogleWorkspace google =
        workspace(wm).maxRetries(0).circuitBreaker(1, Duration.ofMinutes(5)).build();
    assertThatThrownBy(() -> listCalendars(google, "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("Could not reach");
    int sent = calendarRequests(wm);

    assertThatThrownBy(() -> listCalendars(google, "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("circuit breaker opened");
    assertThat(calendarRequests(wm)).isEqualTo(sent);
  }

  @Test
  void clientErrorsAndRateLimitsDoNotOpenTheCircuit() {
    calendarListAnswers(wm, googleError(404, "notFound", "Not Found"));
    GoogleWorkspace google =
        workspace(wm).maxRetries(0).circuitBreaker(2, Duration.ofMinutes(5)).build();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> listCalendars(google, "alice"))
          .isInstanceOf(GoogleApiException.class);
    }
    calendarListAnswers(wm, googleError(429, "rateLimitExceeded", "Slow down"));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> listCalendars(google, "alice"))
          .isInstanceOf(GoogleApiException.class);
    }

    assertThatThrownBy(() -> listCalendars(google, "alice")).isInstanceOf(GoogleApiException.class);
    assertThat(calendarRequests(wm)).isEqualTo(5);
  }

  @Test
  void afterTheDelayAFailedTrialReopensTheCircuitAtOnce() {
    calendarListAnswers(wm, googleError(503, "backendError", "Backend Error"));
    GoogleWorkspace google =
        workspace(wm).maxRetries(0).circuitBreaker(2, Duration.ofSeconds(1)).build();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> listCalendars(google, "alice"))
          .isInstanceOf(GoogleApiException.class);
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                catchThrowable(() -> listCalendars(google, "alice")) instanceof GoogleApiException);

    assertThat(calendarRequests(wm)).isEqualTo(3);
    assertThatThrownBy(() -> listCalendars(google, "alice"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("circuit breaker opened");
    assertThat(calendarRequests(wm)).isEqualTo(3);
  }

  @Test
  void afterTheDelayASuccessfulTrialClosesTheCircuit() {
    calendarListAnswers(wm, googleError(500, "backendError", "Backend Error"));
    GoogleWorkspace google =
        workspace(wm).maxRetries(0).circuitBreaker(1, Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> listCalendars(google, "alice")).isInstanceOf(GoogleApiException.class);
    assertThatThrownBy(() -> listCalendars(google, "alice"))
        .isInstanceOf(UnavailableException.class);
    calendarListAnswers(wm, okJson(CALENDARS_JSON));

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptionsInstanceOf(UnavailableException.class)
        .until(() -> listCalendars(google, "alice").getItems().size() == 1);

    assertThat(calendarRequests(wm)).isEqualTo(2);
    assertThat(listCalendars(google, "alice").getItems()).hasSize(1);
    assertThat(calendarRequests(wm)).isEqualTo(3);
  }
}
