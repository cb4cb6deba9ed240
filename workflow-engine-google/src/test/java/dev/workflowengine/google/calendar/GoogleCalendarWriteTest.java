package dev.workflowengine.google.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.calendar.CalendarTestSupport.BERLIN;
import static dev.workflowengine.google.calendar.CalendarTestSupport.assertBody;
import static dev.workflowengine.google.calendar.CalendarTestSupport.calendar;
import static dev.workflowengine.google.calendar.CalendarTestSupport.query;
import static dev.workflowengine.google.calendar.CalendarTestSupport.rawPath;
import static dev.workflowengine.google.calendar.CalendarTestSupport.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Creating events and opening and stopping notification channels: the exact JSON bodies.
 *
 * <p>The Google client gzips request bodies ({@code Content-Encoding: gzip}) and WireMock inflates
 * them before matching, so the bodies are compared as sent, with gzip left on as in production.
 */
@WireMockTest
class GoogleCalendarWriteTest {

  static final String TEAM = "team#holiday@group.v.calendar.google.com";
  static final String TEAM_PATH =
      "/calendar/v3/calendars/team%23holiday@group.v.calendar.google.com";

  static final String CREATED =
      """
      {"kind": "calendar#event", "id": "new1", "status": "confirmed",
       "htmlLink": "https://www.google.com/calendar/event?eid=bmV3MQ",
       "summary": "Design review", "location": "Room 4",
       "organizer": {"email": "ada@example.com", "self": true},
       "start": {"dateTime": "2026-03-02T10:00:00+01:00", "timeZone": "Europe/Berlin"},
       "end": {"dateTime": "2026-03-02T11:30:00+01:00", "timeZone": "Europe/Berlin"},
       "attendees": [{"email": "alan@example.com", "responseStatus": "needsAction"}]}
      """;

  @Test
  void createsATimedEventWithTheExactBodyAndMapsWhatGoogleStored(WireMockRuntimeInfo wireMock) {
    stubFor(
        post(urlPathEqualTo("/calendar/v3/calendars/primary/events")).willReturn(okJson(CREATED)));
    NewEvent review =
        NewEvent.builder("Design review")
            .time(
                ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, BERLIN),
                ZonedDateTime.of(2026, 3, 2, 11, 30, 0, 0, BERLIN))
            .location("Room 4")
            .description("Agenda: the new API")
            .attendees(List.of("alan@example.com"))
            .sendUpdates(SendUpdates.ALL)
            .build();

    CalendarEvent created = calendar(wireMock).createEvent(review);

    LoggedRequest request = requests().get(0);
    assertThat(requests()).hasSize(1);
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(rawPath(request)).isEqualTo("/calendar/v3/calendars/primary/events");
    assertThat(query(request)).isEqualTo(Map.of("sendUpdates", "all"));
    assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-u1");
    assertBody(
        request,
        """
                {"summary": "Design review", "location": "Room 4",
                 "description": "Agenda: the new API",
                 "start": {"dateTime": "2026-03-02T10:00:00.000+01:00", "timeZone": "Europe/Berlin"},
                 "end": {"dateTime": "2026-03-02T11:30:00.000+01:00", "timeZone": "Europe/Berlin"},
                 "attendees": [{"email": "alan@example.com"}]}
                """);
    assertThat(created)
        .isEqualTo(
            new CalendarEvent(
                "new1",
                Optional.of("Design review"),
                Optional.empty(),
                Optional.of("Room 4"),
                EventTime.at(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, BERLIN)),
                EventTime.at(ZonedDateTime.of(2026, 3, 2, 11, 30, 0, 0, BERLIN)),
                List.of(new Attendee("alan@example.com", "needsAction", false)),
                Optional.of("ada@example.com"),
                "confirmed",
                Optional.of("https://www.google.com/calendar/event?eid=bmV3MQ")));
  }

  @Test
  void createsAnAllDayEventInANamedCalendarWithoutEmailingAnyone(WireMockRuntimeInfo wireMock) {
    stubFor(
        post(urlPathEqualTo(TEAM_PATH + "/events"))
            .willReturn(
                okJson(
                    "{\"id\": \"h1\", \"summary\": \"Office closed\","
                        + " \"start\": {\"date\": \"2026-12-24\"}, \"end\": {\"date\": \"2026-12-27\"}}")));
    NewEvent closed =
        NewEvent.builder("Office closed")
            .calendarId(TEAM)
            .allDay(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 27))
            .build();

    CalendarEvent created = calendar(wireMock).createEvent(closed);

    LoggedRequest request = requests().get(0);
    assertThat(rawPath(request)).isEqualTo(TEAM_PATH + "/events");
    assertThat(query(request)).isEqualTo(Map.of("sendUpdates", "none"));
    assertBody(
        request,
        """
                {"summary": "Office closed",
                 "start": {"date": "2026-12-24"}, "end": {"date": "2026-12-27"}}
                """);
    assertThat(created.start()).isEqualTo(EventTime.allDay(LocalDate.of(2026, 12, 24)));
    assertThat(created.end()).isEqualTo(EventTime.allDay(LocalDate.of(2026, 12, 27)));
  }

  @Test
  void watchesACalendarWithAWebHookChannelAndStopsIt(WireMockRuntimeInfo wireMock) {
    stubFor(
        post(urlPathEqualTo(TEAM_PATH + "/events/watch"))
            .willReturn(
                okJson(
                    """
                    {"kind": "api#channel", "id": "channel-1", "resourceId": "res-9",
                     "resourceUri": "https://www.googleapis.com/calendar/v3/calendars/x/events",
                     "token": "s3cret", "expiration": "1773043200000"}
                    """)));
    stubFor(post(urlPathEqualTo("/calendar/v3/channels/stop")).willReturn(noContent()));
    GoogleCalendar calendar = calendar(wireMock);

    CalendarWatch watch =
        calendar.watch(
            TEAM,
            URI.create("https://app.example.com/google/push"),
            "channel-1",
            "s3cret",
            Duration.ofDays(7));
    calendar.stopWatch(watch);

    assertThat(watch)
        .isEqualTo(
            new CalendarWatch(
                "channel-1",
                "res-9",
                TEAM,
                "s3cret",
                Optional.of(Instant.ofEpochMilli(1773043200000L))));
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    assertThat(rawPath(requests.get(0))).isEqualTo(TEAM_PATH + "/events/watch");
    assertThat(query(requests.get(0))).isEmpty();
    assertBody(
        requests.get(0),
        """
            {"id": "channel-1", "type": "web_hook",
             "address": "https://app.example.com/google/push", "token": "s3cret",
             "params": {"ttl": "604800"}}
            """);
    assertThat(requests.get(1).getMethod().getName()).isEqualTo("POST");
    assertThat(rawPath(requests.get(1))).isEqualTo("/calendar/v3/channels/stop");
    assertBody(requests.get(1), "{\"id\": \"channel-1\", \"resourceId\": \"res-9\"}");
  }

  @Test
  void aWatchWithoutTimeToLiveSendsNoParams(WireMockRuntimeInfo wireMock) {
    stubFor(
        post(urlPathEqualTo("/calendar/v3/calendars/primary/events/watch"))
            .willReturn(okJson("{\"id\": \"c2\", \"resourceId\": \"r2\"}")));

    CalendarWatch watch =
        calendar(wireMock).watch("primary", URI.create("https://app.example.com/push"), "c2", "t2");

    assertThat(watch).isEqualTo(new CalendarWatch("c2", "r2", "primary", "t2", Optional.empty()));
    assertThat(watch.toString()).doesNotContain("t2");
    assertBody(
        requests().get(0),
        """
            {"id": "c2", "type": "web_hook", "address": "https://app.example.com/push",
             "token": "t2"}
            """);
  }

  @Test
  void refusesAWatchAddressThatIsNotHttpsBeforeAnyRequest(WireMockRuntimeInfo wireMock) {
    GoogleCalendar calendar = calendar(wireMock);
    URI plain = URI.create("http://app.example.com/push");

    assertThatThrownBy(() -> calendar.watch("primary", plain, "c", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(
            () ->
                calendar.watch(
                    "primary", URI.create("https://a.example/p"), "c", "t", Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> calendar.watch("primary", URI.create("https://a.example/p"), "c", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token must not be blank");
    assertThat(requests()).isEmpty();
  }
}
