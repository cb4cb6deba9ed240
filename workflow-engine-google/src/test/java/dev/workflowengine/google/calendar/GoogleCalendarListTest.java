package dev.workflowengine.google.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.calendar.CalendarTestSupport.BERLIN;
import static dev.workflowengine.google.calendar.CalendarTestSupport.calendar;
import static dev.workflowengine.google.calendar.CalendarTestSupport.query;
import static dev.workflowengine.google.calendar.CalendarTestSupport.rawPath;
import static dev.workflowengine.google.calendar.CalendarTestSupport.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workflowengine.google.GoogleApiException;
import dev.workflowengine.google.GoogleService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing calendars and events: the exact requests and the exact records. */
@WireMockTest
class GoogleCalendarListTest {

  static final String EVENTS_PATH = "/calendar/v3/calendars/primary/events";

  /** A timed event with everything, and an all-day event over two days with nothing optional. */
  static final String EVENTS_PAGE =
      """
      {"kind": "calendar#events", "timeZone": "Europe/Berlin", "nextPageToken": "page-2",
       "items": [
        {"kind": "calendar#event", "id": "ev1", "status": "confirmed",
         "htmlLink": "https://www.google.com/calendar/event?eid=ZXYx",
         "summary": "Design review", "description": "Agenda", "location": "Room 4",
         "organizer": {"email": "ada@example.com", "self": true},
         "start": {"dateTime": "2026-03-02T10:00:00+01:00", "timeZone": "Europe/Berlin"},
         "end": {"dateTime": "2026-03-02T11:00:00+01:00", "timeZone": "Europe/Berlin"},
         "attendees": [
          {"email": "ada@example.com", "organizer": true, "self": true, "responseStatus": "accepted"},
          {"email": "alan@example.com", "responseStatus": "needsAction", "optional": true}]},
        {"kind": "calendar#event", "id": "ev2",
         "start": {"date": "2026-03-03"}, "end": {"date": "2026-03-05"}}]}
      """;

  static final CalendarEvent REVIEW =
      new CalendarEvent(
          "ev1",
          Optional.of("Design review"),
          Optional.of("Agenda"),
          Optional.of("Room 4"),
          new EventTime(
              Optional.of(Instant.parse("2026-03-02T09:00:00Z")),
              Optional.empty(),
              Optional.of("Europe/Berlin")),
          new EventTime(
              Optional.of(Instant.parse("2026-03-02T10:00:00Z")),
              Optional.empty(),
              Optional.of("Europe/Berlin")),
          List.of(
              new Attendee("ada@example.com", "accepted", false),
              new Attendee("alan@example.com", "needsAction", true)),
          Optional.of("ada@example.com"),
          "confirmed",
          Optional.of("https://www.google.com/calendar/event?eid=ZXYx"));

  static final CalendarEvent HOLIDAY =
      new CalendarEvent(
          "ev2",
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          EventTime.allDay(LocalDate.of(2026, 3, 3)),
          EventTime.allDay(LocalDate.of(2026, 3, 5)),
          List.of(),
          Optional.empty(),
          "confirmed",
          Optional.empty());

  @Test
  void listsEveryPageOfTheCalendarList(WireMockRuntimeInfo wireMock) {
    stubFor(
        get(urlPathEqualTo("/calendar/v3/users/me/calendarList"))
            .withQueryParam("pageToken", absent())
            .willReturn(
                okJson(
                    """
                    {"kind": "calendar#calendarList", "nextPageToken": "cal-2", "items": [
                      {"id": "ada@example.com", "summary": "ada@example.com",
                       "timeZone": "Europe/Berlin", "primary": true, "accessRole": "owner"}]}
                    """)));
    stubFor(
        get(urlPathEqualTo("/calendar/v3/users/me/calendarList"))
            .withQueryParam("pageToken", equalTo("cal-2"))
            .willReturn(
                okJson(
                    """
                    {"kind": "calendar#calendarList", "items": [
                      {"id": "team#holiday@group.v.calendar.google.com", "summary": "Holidays",
                       "summaryOverride": "Team holidays", "description": "Who is away",
                       "accessRole": "reader"}]}
                    """)));

    List<CalendarInfo> calendars = calendar(wireMock).listCalendars();

    assertThat(calendars)
        .containsExactly(
            new CalendarInfo(
                "ada@example.com",
                "ada@example.com",
                Optional.empty(),
                Optional.of("Europe/Berlin"),
                true,
                "owner"),
            new CalendarInfo(
                "team#holiday@group.v.calendar.google.com",
                "Team holidays",
                Optional.of("Who is away"),
                Optional.empty(),
                false,
                "reader"));
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    assertThat(requests).allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
    assertThat(query(requests.get(0))).isEmpty();
    assertThat(query(requests.get(1))).isEqualTo(Map.of("pageToken", "cal-2"));
    assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer token-u1");
  }

  @Test
  void listsTheNext30DaysAsSingleEventsOrderedByStartAndMapsThemExactly(
      WireMockRuntimeInfo wireMock) {
    stubFor(get(urlPathEqualTo(EVENTS_PATH)).willReturn(okJson(EVENTS_PAGE)));

    EventPage page = calendar(wireMock).listEvents(EventQuery.builder().build());

    LoggedRequest request = requests().get(0);
    assertThat(requests()).hasSize(1);
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    assertThat(rawPath(request)).isEqualTo(EVENTS_PATH);
    assertThat(query(request))
        .isEqualTo(
            Map.of(
                "timeMin", "2026-03-02T08:00:00.000Z",
                "timeMax", "2026-04-01T08:00:00.000Z",
                "singleEvents", "true",
                "orderBy", "startTime",
                "maxResults", "250"));
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-u1");
    assertThat(page.events()).containsExactly(REVIEW, HOLIDAY);
    assertThat(page.nextPageToken()).contains("page-2");
  }

  @Test
  void theNextPageKeepsTheWindowItWasReadWith(WireMockRuntimeInfo wireMock) {
    stubFor(get(urlPathEqualTo(EVENTS_PATH)).willReturn(okJson(EVENTS_PAGE)));
    EventQuery query = EventQuery.builder().pageSize(2).text("review").build();

    EventPage page = calendar(wireMock).listEvents(query);

    assertThat(page.next())
        .contains(
            new EventQuery(
                "primary",
                Optional.of(Instant.parse("2026-03-02T08:00:00Z")),
                Optional.of(Instant.parse("2026-04-01T08:00:00Z")),
                2,
                Optional.of("page-2"),
                Optional.of("review")));
  }

  @Test
  void readsAGivenWindowPageAndTextFromANamedCalendar(WireMockRuntimeInfo wireMock) {
    String path = "/calendar/v3/calendars/team%23holiday@group.v.calendar.google.com/events";
    stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"items\": []}")));
    EventQuery query =
        EventQuery.builder()
            .calendarId("team#holiday@group.v.calendar.google.com")
            .timeMin(LocalDate.of(2026, 12, 24).atStartOfDay(BERLIN).toInstant())
            .timeMax(LocalDate.of(2026, 12, 27).atStartOfDay(BERLIN).toInstant())
            .pageSize(2500)
            .text("office closed")
            .build()
            .withPageToken("tok/+=");

    EventPage page = calendar(wireMock).listEvents(query);

    assertThat(page).isEqualTo(new EventPage(List.of(), Optional.empty()));
    LoggedRequest request = requests().get(0);
    assertThat(rawPath(request)).isEqualTo(path);
    assertThat(query(request))
        .isEqualTo(
            Map.of(
                "timeMin", "2026-12-23T23:00:00.000Z",
                "timeMax", "2026-12-26T23:00:00.000Z",
                "singleEvents", "true",
                "orderBy", "startTime",
                "maxResults", "2500",
                "pageToken", "tok/+=",
                "q", "office closed"));
  }

  @Test
  void followsPagesUpToALimitWithPagesNoLargerThanIt(WireMockRuntimeInfo wireMock) {
    stubFor(
        get(urlPathEqualTo(EVENTS_PATH))
            .withQueryParam("pageToken", absent())
            .willReturn(okJson(EVENTS_PAGE)));
    stubFor(
        get(urlPathEqualTo(EVENTS_PATH))
            .withQueryParam("pageToken", equalTo("page-2"))
            .willReturn(okJson(EVENTS_PAGE.replace("\"nextPageToken\": \"page-2\",", ""))));

    List<CalendarEvent> events = calendar(wireMock).listEvents(EventQuery.builder().build(), 3);

    assertThat(events).containsExactly(REVIEW, HOLIDAY, REVIEW);
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    Map<String, String> first = query(requests.get(0));
    assertThat(first).containsEntry("maxResults", "3").doesNotContainKey("pageToken");
    Map<String, String> second = query(requests.get(1));
    assertThat(second).containsEntry("pageToken", "page-2");
    second.remove("pageToken");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void googlesErrorsComeBackAsGoogleApiExceptions(WireMockRuntimeInfo wireMock) {
    stubFor(
        get(urlPathEqualTo("/calendar/v3/calendars/nobody@example.com/events"))
            .willReturn(
                notFound()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": {\"code\": 404, \"message\": \"Not Found\","
                            + " \"errors\": [{\"reason\": \"notFound\"}]}}")));
    EventQuery query = EventQuery.builder().calendarId("nobody@example.com").build();

    assertThatThrownBy(() -> calendar(wireMock).listEvents(query))
        .isInstanceOfSatisfying(
            GoogleApiException.class,
            e -> assertThat(e.service()).isEqualTo(GoogleService.CALENDAR));
  }
}
