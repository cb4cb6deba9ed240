package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.ResilienceFixture.CALENDAR_LIST;
import static dev.workflowengine.google.ResilienceFixture.calendarListAnswers;
import static dev.workflowengine.google.ResilienceFixture.calendarListFailsOnceThenSucceeds;
import static dev.workflowengine.google.ResilienceFixture.calendarRequests;
import static dev.workflowengine.google.ResilienceFixture.googleError;
import static dev.workflowengine.google.ResilienceFixture.listCalendars;
import static dev.workflowengine.google.ResilienceFixture.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.api.services.calendar.model.CalendarList;
import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.api.WorkflowException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 429, 5xx, 403 with a rate-limit reason and network failures are retried with backoff, honouring
 * {@code Retry-After}, until the configured retries are spent.
 */
class GoogleWorkspaceRetryTest {

  @RegisterExtension static WireMockExtension wm = WireMockExtension.newInstance().build();

  @Test
  void a429IsRetriedThenTheCallSucceeds() {
    calendarListFailsOnceThenSucceeds(wm, googleError(429, "rateLimitExceeded", "Slow down"));

    CalendarList calendars = listCalendars(workspace(wm).build(), "alice");

    assertThat(calendars.getItems()).extracting("id").containsExactly("primary");
    assertThat(calendarRequests(wm)).isEqualTo(2);
  }

  @Test
  void a503IsRetriedUntilGoogleRecovers() {
    wm.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(googleError(503, "backendError", "Backend Error"))
            .willSetStateTo("still down"));
    wm.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .inScenario("outage")
            .whenScenarioStateIs("still down")
            .willReturn(aResponse().withStatus(503).withBody("<html>unavailable</html>"))
            .willSetStateTo("recovered"));
    wm.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .inScenario("outage")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(ResilienceFixture.CALENDARS_JSON)));

    CalendarList calendars = listCalendars(workspace(wm).build(), "alice");

    assertThat(calendars.getItems()).hasSize(1);
    assertThat(calendarRequests(wm)).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rateLimitExceeded", "userRateLimitExceeded"})
  void a403WithARateLimitReasonIsRetried(String reason) {
    calendarListFailsOnceThenSucceeds(wm, googleError(403, reason, "Rate Limit Exceeded"));

    CalendarList calendars = listCalendars(workspace(wm).build(), "alice");

    assertThat(calendars.getItems()).hasSize(1);
    assertThat(calendarRequests(wm)).isEqualTo(2);
  }

  /**
   * The backoff is at most 20 ms, so a second request a second or more after the first can only
   * come from Google's {@code Retry-After: 1}; WireMock's own clock measures the gap.
   */
  @Test
  void retryAfterInSecondsIsWaitedAtLeast() {
    calendarListFailsOnceThenSucceeds(
        wm, googleError(429, "rateLimitExceeded", "Slow down").withHeader("Retry-After", "1"));
    GoogleWorkspace google =
        workspace(wm).retryDelay(Duration.ofMillis(1), Duration.ofSeconds(5)).build();

    listCalendars(google, "alice");

    List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo(CALENDAR_LIST)));
    assertThat(requests).hasSize(2);
    long gapMillis =
        requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
    assertThat(gapMillis).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void afterTheConfiguredRetriesTheLastAnswerIsThrown() {
    calendarListAnswers(
        wm,
        googleError(429, "rateLimitExceeded", "Quota exceeded for quota metric 'Queries'")
            .withHeader("Retry-After", "0"));
    GoogleWorkspace google = workspace(wm).maxRetries(2).build();

    GoogleApiException e =
        catchThrowableOfType(GoogleApiException.class, () -> listCalendars(google, "alice"));

    assertThat(calendarRequests(wm)).isEqualTo(3);
    assertThat(e.service()).isEqualTo(GoogleService.CALENDAR);
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.reason()).contains("rateLimitExceeded");
    assertThat(e.retryAfter()).contains(Duration.ZERO);
    assertThat(e.isRetriable()).isTrue();
    assertThat(e.getMessage())
        .contains("Google Calendar", "429", "rateLimitExceeded", "alice")
        .contains("Quota exceeded for quota metric 'Queries'")
        .contains("Gave up after 3 attempts");
  }

  @Test
  void aRetryAfterLongerThanTheMaximumDelayEndsTheRetriesAtOnce() {
    calendarListAnswers(
        wm, googleError(503, "backendError", "Backend Error").withHeader("Retry-After", "120"));
    GoogleWorkspace google =
        workspace(wm).retryDelay(Duration.ofMillis(1), Duration.ofSeconds(30)).build();

    GoogleApiException e =
        catchThrowableOfType(GoogleApiException.class, () -> listCalendars(google, "alice"));

    assertThat(calendarRequests(wm)).isEqualTo(1);
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.getMessage()).contains("asked to wait 2 min", "no further attempt");
  }

  @Test
  void anInterruptWhileWaitingToRetryEndsTheCallAndKeepsTheInterruptFlag() throws Exception {
    calendarListAnswers(
        wm, googleError(503, "backendError", "Backend Error").withHeader("Retry-After", "30"));
    GoogleWorkspace google =
        workspace(wm).retryDelay(Duration.ofMillis(1), Duration.ofMinutes(1)).build();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              failure.set(catchThrowable(() -> listCalendars(google, "alice")));
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> calendarRequests(wm) == 1);

    caller.interrupt();
    caller.join(Duration.ofSeconds(5).toMillis());

    assertThat(caller.isAlive()).isFalse();
    assertThat(failure.get())
        .isExactlyInstanceOf(WorkflowException.class)
        .hasMessageContaining("Google Calendar", "interrupted");
    assertThat(stillInterrupted).isTrue();
    assertThat(calendarRequests(wm)).isEqualTo(1);
  }

  @Test
  void aNetworkFailureIsRetriedThenTheCallSucceeds() {
    calendarListFailsOnceThenSucceeds(wm, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    CalendarList calendars = listCalendars(workspace(wm).build(), "alice");

    assertThat(calendars.getItems()).hasSize(1);
  }

  @Test
  void aNetworkFailureOnEveryAttemptIsUnavailableNamingTheService() {
    calendarListAnswers(wm, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    GoogleWorkspace google = workspace(wm).maxRetries(2).build();

    UnavailableException e =
        catchThrowableOfType(UnavailableException.class, () -> listCalendars(google, "alice"));

    assertThat(e.getMessage()).contains("Could not reach Google Calendar", "alice", "3 attempts");
    assertThat(e.isRetriable()).isTrue();
    // The JDK's HttpURLConnection silently resends a GET once when the connection is reset.
    assertThat(calendarRequests(wm)).isIn(3, 6);
  }
}
