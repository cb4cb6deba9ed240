package dev.workflowengine.google;

import static dev.workflowengine.google.ResilienceFixture.CALENDARS_JSON;
import static dev.workflowengine.google.ResilienceFixture.calendarListAnswers;
import static dev.workflowengine.google.ResilienceFixture.calendarListFailsOnceThenSucceeds;
import static dev.workflowengine.google.ResilienceFixture.calendarRequests;
import static dev.workflowengine.google.ResilienceFixture.googleError;
import static dev.workflowengine.google.ResilienceFixture.listCalendars;
import static dev.workflowengine.google.ResilienceFixture.listFiles;
import static dev.workflowengine.google.ResilienceFixture.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workflowengine.api.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each user has a rate limit of their own; a call over it sends nothing. */
class GoogleWorkspaceRateLimitTest {

  @RegisterExtension static WireMockExtension wm = WireMockExtension.newInstance().build();

  @Test
  void aUserOverTheLimitIsRefusedWhileAnotherGoesThrough() {
    calendarListAnswers(wm, WireMock.okJson(CALENDARS_JSON));
    GoogleWorkspace google = workspace(wm).rateLimit(2, Duration.ofMinutes(1)).build();
    listCalendars(google, "alice");
    listCalendars(google, "alice");

    RateLimitedException refused =
        catchThrowableOfType(RateLimitedException.class, () -> listCalendars(google, "alice"));

    assertThat(calendarRequests(wm)).isEqualTo(2);
    assertThat(refused.retryAfter())
        .hasValueSatisfying(
            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    assertThat(refused.getMessage()).contains("user 'alice'", "more than 2", "no request was sent");
    assertThat(listCalendars(google, "bob").getItems()).hasSize(1);
    assertThat(calendarRequests(wm)).isEqualTo(3);
  }

  @Test
  void theLimitCoversEveryService() {
    calendarListAnswers(wm, WireMock.okJson(CALENDARS_JSON));
    wm.stubFor(
        WireMock.get(WireMock.urlPathEqualTo(ResilienceFixture.DRIVE_FILES))
            .willReturn(WireMock.okJson(ResilienceFixture.FILES_JSON)));
    GoogleWorkspace google = workspace(wm).rateLimit(1, Duration.ofMinutes(1)).build();
    listCalendars(google, "alice");

    assertThatThrownBy(() -> listFiles(google, "alice")).isInstanceOf(RateLimitedException.class);

    assertThat(ResilienceFixture.driveRequests(wm)).isZero();
  }

  @Test
  void retriesInsideACallDoNotCountAgainstTheLimit() {
    calendarListFailsOnceThenSucceeds(wm, googleError(503, "backendError", "Backend Error"));
    GoogleWorkspace google = workspace(wm).rateLimit(1, Duration.ofMinutes(1)).build();

    assertThat(listCalendars(google, "alice").getItems()).hasSize(1);
    assertThat(calendarRequests(wm)).isEqualTo(2);
  }

  @Test
  void aCallOverTheLimitWaitsForTheNextPeriodWhenAllowedTo() {
    calendarListAnswers(wm, WireMock.okJson(CALENDARS_JSON));
    GoogleWorkspace google =
        workspace(wm)
            .rateLimit(1, Duration.ofMillis(200))
            .rateLimitWait(Duration.ofSeconds(5))
            .build();
    listCalendars(google, "alice");

    assertThat(listCalendars(google, "alice").getItems()).hasSize(1);
    assertThat(calendarRequests(wm)).isEqualTo(2);
  }
}
