package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.FileList;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Real Google clients against WireMock: a workspace with millisecond retry delays, Calendar and
 * Drive requests through {@link GoogleWorkspace#call}, and Google's JSON error answers.
 */
final class ResilienceFixture {

  static final String CALENDAR_LIST = "/calendar/v3/users/me/calendarList";
  static final String DRIVE_FILES = "/drive/v3/files";
  static final String CALENDARS_JSON =
      "{\"kind\":\"calendar#calendarList\",\"items\":[{\"id\":\"primary\",\"summary\":\"Me\"}]}";
  static final String FILES_JSON = "{\"kind\":\"drive#fileList\",\"files\":[{\"id\":\"f1\"}]}";

  private ResilienceFixture() {}

  /** A workspace whose users all have a valid access token, retrying within milliseconds. */
  static GoogleWorkspaceBuilder workspace(WireMockExtension wm) {
    GoogleCredentials token =
        GoogleCredentials.create(
            new AccessToken("test-access-token", Date.from(Instant.now().plusSeconds(3600))));
    return workspace(wm, userId -> token);
  }

  static GoogleWorkspaceBuilder workspace(WireMockExtension wm, GoogleCredentialSource source) {
    return GoogleWorkspace.builder()
        .credentials(source)
        .rootUrl(wm.baseUrl() + "/")
        .retryDelay(Duration.ofMillis(1), Duration.ofMillis(20));
  }

  /** {@code calendarList.list} for a user, through the workspace's policies. */
  static CalendarList listCalendars(GoogleWorkspace google, String userId) {
    Calendar calendar =
        google
            .configure(
                new Calendar.Builder(
                    google.transport(), google.jsonFactory(), google.requestInitializer(userId)))
            .build();
    return google.call(
        GoogleService.CALENDAR, userId, () -> calendar.calendarList().list().execute());
  }

  /** {@code files.list} for a user, through the workspace's policies. */
  static FileList listFiles(GoogleWorkspace google, String userId) {
    Drive drive =
        google
            .configure(
                new Drive.Builder(
                    google.transport(), google.jsonFactory(), google.requestInitializer(userId)))
            .build();
    return google.call(GoogleService.DRIVE, userId, () -> drive.files().list().execute());
  }

  /** Google's JSON error answer. */
  static ResponseDefinitionBuilder googleError(int status, String reason, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(
            "{\"error\":{\"code\":"
                + status
                + ",\"message\":\""
                + message
                + "\",\"errors\":[{\"message\":\""
                + message
                + "\",\"domain\":\"global\",\"reason\":\""
                + reason
                + "\"}]}}");
  }

  /** The calendar list answers {@code failure} the first time, then the calendars. */
  static void calendarListFailsOnceThenSucceeds(
      WireMockExtension wm, ResponseDefinitionBuilder failure) {
    wm.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .inScenario("fails once")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(failure)
            .willSetStateTo("recovered"));
    wm.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .inScenario("fails once")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(CALENDARS_JSON)));
  }

  static void calendarListAnswers(WireMockExtension wm, ResponseDefinitionBuilder answer) {
    wm.stubFor(get(urlPathEqualTo(CALENDAR_LIST)).willReturn(answer));
  }

  static int calendarRequests(WireMockExtension wm) {
    return wm.findAll(getRequestedFor(urlPathEqualTo(CALENDAR_LIST))).size();
  }

  static int driveRequests(WireMockExtension wm) {
    return wm.findAll(getRequestedFor(urlPathEqualTo(DRIVE_FILES))).size();
  }
}
