package dev.workflowengine.google.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.calendar.CalendarTestSupport.assertBody;
import static dev.workflowengine.google.calendar.CalendarTestSupport.calendar;
import static dev.workflowengine.google.calendar.CalendarTestSupport.query;
import static dev.workflowengine.google.calendar.CalendarTestSupport.requests;
import static dev.workflowengine.google.calendar.GoogleCalendarListTest.EVENTS_PAGE;
import static dev.workflowengine.google.calendar.GoogleCalendarListTest.EVENTS_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.agent.MethodTools;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tools as agents see them: names, parameter schemas, and what a call sends and answers. */
@WireMockTest
class CalendarToolsTest {

  static final String CREATED_PATH = "/calendar/v3/calendars/primary/events";

  private Map<String, AgentTool> tools;

  @BeforeEach
  void tools(WireMockRuntimeInfo wireMock) {
    tools =
        MethodTools.of(new CalendarTools(calendar(wireMock))).stream()
            .collect(Collectors.toMap(AgentTool::name, Function.identity()));
  }

  @Test
  void offersTwoToolsWithTheirCatalogNamesAndSchemas() {
    assertThat(tools)
        .containsOnlyKeys("google.calendar.list_events", "google.calendar.create_event");
    JsonObjectSchema list = tools.get("google.calendar.list_events").specification().parameters();
    assertThat(list.properties()).containsOnlyKeys("from", "to", "query", "max");
    assertThat(list.properties().get("from")).isInstanceOf(JsonStringSchema.class);
    assertThat(list.properties().get("max")).isInstanceOf(JsonIntegerSchema.class);
    assertThat(list.required()).isNullOrEmpty();
    JsonObjectSchema create =
        tools.get("google.calendar.create_event").specification().parameters();
    assertThat(create.properties())
        .containsOnlyKeys(
            "summary", "start", "end", "attendees", "location", "timeZone", "description");
    assertThat(create.properties().get("attendees")).isInstanceOf(JsonArraySchema.class);
    assertThat(create.required()).containsExactlyInAnyOrder("summary", "start", "end");
    assertThat(tools.get("google.calendar.list_events").specification().description())
        .contains("next 7 days");
  }

  @Test
  void listsTheNextSevenDaysByDefaultAsOneLineAnEvent() throws Exception {
    stubFor(get(urlPathEqualTo(EVENTS_PATH)).willReturn(okJson(EVENTS_PAGE)));

    Object answer = tools.get("google.calendar.list_events").execute(Map.of());

    assertThat(query(requests().get(0)))
        .isEqualTo(
            Map.of(
                "timeMin", "2026-03-02T08:00:00.000Z",
                "timeMax", "2026-03-09T08:00:00.000Z",
                "singleEvents", "true",
                "orderBy", "startTime",
                "maxResults", "20"));
    assertThat(answer)
        .isEqualTo(
            """
            Events from 2026-03-02 09:00 to 2026-03-09 09:00 (times in Europe/Berlin):
            - 2026-03-02 10:00-11:00 Design review | location: Room 4 | attendees: \
            ada@example.com (accepted), alan@example.com (needsAction) | id: ev1
            - 2026-03-03 to 2026-03-04 (all day) (no title) | id: ev2
            There are more events in this window; ask for a shorter window or a larger max.""");
  }

  @Test
  void readsDatesAsWholeDaysInTheClocksZoneWithTextAndMax() throws Exception {
    stubFor(get(urlPathEqualTo(EVENTS_PATH)).willReturn(okJson("{\"items\": []}")));

    Object answer =
        tools
            .get("google.calendar.list_events")
            .execute(Map.of("from", "2026-03-02", "to", "2026-03-03", "query", "review", "max", 5));

    assertThat(query(requests().get(0)))
        .isEqualTo(
            Map.of(
                "timeMin", "2026-03-01T23:00:00.000Z",
                "timeMax", "2026-03-03T23:00:00.000Z",
                "singleEvents", "true",
                "orderBy", "startTime",
                "maxResults", "5",
                "q", "review"));
    assertThat(answer)
        .isEqualTo("No events from 2026-03-02 00:00 to 2026-03-04 00:00 (times in Europe/Berlin).");
  }

  @Test
  void readsOffsetsAndSpacedTimesLeniently() throws Exception {
    stubFor(get(urlPathEqualTo(EVENTS_PATH)).willReturn(okJson("{\"items\": []}")));

    tools
        .get("google.calendar.list_events")
        .execute(Map.of("from", "2026-03-02T12:00:00Z", "to", "2026-03-02 18:30"));

    assertThat(query(requests().get(0)))
        .containsEntry("timeMin", "2026-03-02T12:00:00.000Z")
        .containsEntry("timeMax", "2026-03-02T17:30:00.000Z");
  }

  @Test
  void refusesArgumentsItCannotReadSayingHowToWriteThem() {
    AgentTool list = tools.get("google.calendar.list_events");

    assertThatThrownBy(() -> list.execute(Map.of("from", "next monday")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "from 'next monday' is not an ISO-8601 date-time or date; write it like"
                + " 2026-03-02T10:00:00+01:00, 2026-03-02T10:00 (read in Europe/Berlin) or"
                + " 2026-03-02");
    assertThatThrownBy(() -> list.execute(Map.of("max", 500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be between 1 and 100 but was 500");
    assertThatThrownBy(() -> list.execute(Map.of("from", "2026-03-05", "to", "2026-03-01T00:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'to'")
        .hasMessageContaining("must be after 'from'");
    assertThat(requests()).isEmpty();
  }

  @Test
  void createsATimedEventInTheClocksZoneAndInvitesTheAttendees() throws Exception {
    stubFor(post(urlPathEqualTo(CREATED_PATH)).willReturn(okJson(GoogleCalendarWriteTest.CREATED)));

    Object answer =
        tools
            .get("google.calendar.create_event")
            .execute(
                Map.of(
                    "summary", "Design review",
                    "start", "2026-03-02T10:00",
                    "end", "2026-03-02T11:30",
                    "attendees", List.of("alan@example.com, grace@example.com"),
                    "location", "Room 4"));

    assertThat(query(requests().get(0))).isEqualTo(Map.of("sendUpdates", "all"));
    assertBody(
        requests().get(0),
        """
        {"summary": "Design review", "location": "Room 4",
         "start": {"dateTime": "2026-03-02T10:00:00.000+01:00", "timeZone": "Europe/Berlin"},
         "end": {"dateTime": "2026-03-02T11:30:00.000+01:00", "timeZone": "Europe/Berlin"},
         "attendees": [{"email": "alan@example.com"}, {"email": "grace@example.com"}]}
        """);
    assertThat(answer)
        .isEqualTo(
            "Created event 'Design review' on 2026-03-02 10:00-11:30 (Europe/Berlin), id: new1,"
                + " link: https://www.google.com/calendar/event?eid=bmV3MQ");
  }

  @Test
  void createsAnAllDayEventFromDatesWithTheLastDayIncluded() throws Exception {
    stubFor(
        post(urlPathEqualTo(CREATED_PATH))
            .willReturn(
                okJson(
                    "{\"id\": \"h1\", \"summary\": \"Office closed\","
                        + " \"start\": {\"date\": \"2026-12-24\"}, \"end\": {\"date\": \"2026-12-27\"}}")));

    Object answer =
        tools
            .get("google.calendar.create_event")
            .execute(
                Map.of("summary", "Office closed", "start", "2026-12-24", "end", "2026-12-26"));

    assertThat(query(requests().get(0))).isEqualTo(Map.of("sendUpdates", "none"));
    assertBody(
        requests().get(0),
        """
        {"summary": "Office closed", "start": {"date": "2026-12-24"}, "end": {"date": "2026-12-27"}}
        """);
    assertThat(answer)
        .isEqualTo(
            "Created event 'Office closed' on 2026-12-24 to 2026-12-26 (all day) (Europe/Berlin),"
                + " id: h1");
  }

  @Test
  void plansTheEventInTheGivenTimeZoneAtTheSameInstant() throws Exception {
    stubFor(post(urlPathEqualTo(CREATED_PATH)).willReturn(okJson(GoogleCalendarWriteTest.CREATED)));

    tools
        .get("google.calendar.create_event")
        .execute(
            Map.of(
                "summary", "Call",
                "start", "2026-03-02T15:00:00Z",
                "end", "2026-03-02T11:00",
                "timeZone", "America/New_York"));

    assertBody(
        requests().get(0),
        """
        {"summary": "Call",
         "start": {"dateTime": "2026-03-02T10:00:00.000-05:00", "timeZone": "America/New_York"},
         "end": {"dateTime": "2026-03-02T11:00:00.000-05:00", "timeZone": "America/New_York"}}
        """);
  }

  @Test
  void refusesEventsItCannotCreateSayingWhatToChange() {
    AgentTool create = tools.get("google.calendar.create_event");

    assertThatThrownBy(
            () ->
                create.execute(
                    Map.of("summary", "X", "start", "2026-03-02", "end", "2026-03-02T10:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both as date-times")
        .hasMessageContaining("both as dates");
    assertThatThrownBy(
            () ->
                create.execute(
                    Map.of(
                        "summary", "X",
                        "start", "2026-03-02T10:00",
                        "end", "2026-03-02T11:00",
                        "timeZone", "Berlin")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "timeZone 'Berlin' is not an IANA time zone; write it like Europe/Berlin or"
                + " America/New_York");
    assertThatThrownBy(() -> create.execute(Map.of("start", "2026-03-02", "end", "2026-03-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("summary is required and was empty");
    assertThatThrownBy(
            () ->
                create.execute(
                    Map.of(
                        "summary", "X",
                        "start", "2026-03-02T10:00",
                        "end", "2026-03-02T09:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("end must be after start");
    assertThat(requests()).isEmpty();
  }
}
