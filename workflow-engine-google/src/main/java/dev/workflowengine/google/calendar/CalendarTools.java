package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.google.GoogleWorkspace;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.function.Supplier;

/**
 * Google Calendar as agent tools: {@code google.calendar.list_events} and {@code
 * google.calendar.create_event}, LangChain4j {@link Tool @Tool} methods that agents call through
 * {@code Agent.Builder#tools(Object...)} and catalogs hold through {@code MethodTools.of(tools)}.
 * Both answer with short text a model reads easily. Arguments a model gets wrong fail with an
 * {@link IllegalArgumentException} saying how to write them, which the agent loop hands back to the
 * model as {@code "Error: ..."}.
 *
 * <pre>{@code
 * Agent assistant = Agent.builder("assistant")
 *     .model(model)
 *     .tools(new CalendarTools(GoogleCalendar.of(google, "u1")))
 *     .build();
 * // one set of tools for every user, each run acting for its own user:
 * MethodTools.of(CalendarTools.forRunUser(google, Clock.system(ZoneId.of("Europe/Berlin"))))
 *     .forEach(catalog::tool);
 * }</pre>
 *
 * <p>Dates and times without an offset are read in the clock's zone, and listed times are written
 * in it. Thread-safe.
 */
public final class CalendarTools {

  /** How far {@code list_events} looks ahead when told no end: 7 days. */
  static final int DEFAULT_DAYS = 7;

  /** How many events {@code list_events} lists when told no maximum. */
  static final int DEFAULT_MAX = 20;

  /** The most events {@code list_events} lists, to keep a model's context for thinking. */
  static final int MOST = 100;

  private final Supplier<GoogleCalendar> calendar;
  private final Clock clock;

  private CalendarTools(Supplier<GoogleCalendar> calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Tools acting on one user's calendar, with its clock.
   *
   * @param calendar the user's calendar
   */
  public CalendarTools(GoogleCalendar calendar) {
    this(() -> calendar, requireNonNull(calendar, "calendar").clock());
  }

  /**
   * Tools acting for the user each workflow run acts for ({@link NodeContext#userId()}), so one
   * instance can sit in an application's catalog. Called outside a run, or in a run started without
   * a user, a tool fails saying so.
   *
   * @param workspace the workspace to reach Google through
   * @param clock the current time and the zone dates and times without an offset are read in
   * @return the tools
   */
  public static CalendarTools forRunUser(GoogleWorkspace workspace, Clock clock) {
    requireNonNull(workspace, "workspace");
    requireNonNull(clock, "clock");
    return new CalendarTools(() -> GoogleCalendar.of(workspace, runUser(), clock), clock);
  }

  /**
   * Lists the events of the user's primary calendar in a time window.
   *
   * @param from the window's start, or null for now
   * @param to the window's end, or null for 7 days after the start
   * @param query text the events must contain, or null
   * @param max the most events to list, or null for 20
   * @return one line an event, or a sentence saying there are none
   */
  @Tool(
      name = "google.calendar.list_events",
      value =
          "Lists the events in the user's Google Calendar between two times, ordered by start."
              + " Each line gives the date, start and end time, title, location, attendees with"
              + " their response, and the event id. Without 'from' and 'to' it lists the next 7"
              + " days.")
  public String listEvents(
      @P(
              name = "from",
              value =
                  "start of the window, ISO-8601 date-time (2026-03-02T09:00:00+01:00) or date"
                      + " (2026-03-02); default now",
              required = false)
          String from,
      @P(
              name = "to",
              value =
                  "end of the window, ISO-8601 date-time or date; a date includes that whole day;"
                      + " default 7 days after 'from'",
              required = false)
          String to,
      @P(name = "query", value = "only events containing this text", required = false) String query,
      @P(name = "max", value = "the most events to list, 1 to 100; default 20", required = false)
          Integer max) {
    ZoneId zone = clock.getZone();
    ZonedDateTime start =
        ToolArguments.optional(from)
            .map(text -> startOf(ToolArguments.time("from", text, zone), zone))
            .orElseGet(() -> ZonedDateTime.now(clock));
    ZonedDateTime end =
        ToolArguments.optional(to)
            .map(text -> endOf(ToolArguments.time("to", text, zone), zone))
            .orElseGet(() -> start.plusDays(DEFAULT_DAYS));
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("'to' (" + end + ") must be after 'from' (" + start + ")");
    }
    EventQuery.Builder events =
        EventQuery.builder()
            .timeMin(start.toInstant())
            .timeMax(end.toInstant())
            .pageSize(ToolArguments.count("max", max, DEFAULT_MAX, MOST));
    ToolArguments.optional(query).ifPresent(events::text);
    EventPage page = calendar.get().listEvents(events.build());
    return EventText.listing(
        page.events(),
        start.withZoneSameInstant(zone),
        end.withZoneSameInstant(zone),
        page.next().isPresent());
  }

  /**
   * Creates an event in the user's primary calendar.
   *
   * @param summary the title
   * @param start when it starts: a date-time, or a date for an all-day event
   * @param end when it ends: a date-time, or the last date of an all-day event
   * @param attendees e-mail addresses to invite, or null
   * @param location where, or null
   * @param timeZone the IANA zone it is planned in, or null for the clock's
   * @param description what it is about, or null
   * @return the created event's time, id and link
   */
  @Tool(
      name = "google.calendar.create_event",
      value =
          "Creates an event in the user's Google Calendar and returns its id and link. Give start"
              + " and end as ISO-8601 date-times for a timed event, or both as dates for an all-day"
              + " event. Attendees get an e-mail invitation.")
  public String createEvent(
      @P(name = "summary", value = "the event's title") String summary,
      @P(name = "start", value = "ISO-8601 date-time (2026-03-02T10:00) or, all-day, a date")
          String start,
      @P(name = "end", value = "ISO-8601 date-time, or, all-day, the last date (inclusive)")
          String end,
      @P(name = "attendees", value = "e-mail addresses to invite", required = false)
          List<String> attendees,
      @P(name = "location", value = "where it takes place", required = false) String location,
      @P(
              name = "timeZone",
              value = "IANA time zone such as Europe/Berlin; times without offset are read in it",
              required = false)
          String timeZone,
      @P(name = "description", value = "what the event is about", required = false)
          String description) {
    ZoneId zone = ToolArguments.zone(timeZone, clock.getZone());
    NewEvent.Builder event = NewEvent.builder(ToolArguments.required("summary", summary));
    Temporal first = ToolArguments.time("start", ToolArguments.required("start", start), zone);
    Temporal last = ToolArguments.time("end", ToolArguments.required("end", end), zone);
    if (first instanceof LocalDate firstDay && last instanceof LocalDate lastDay) {
      event.allDay(firstDay, lastDay.plusDays(1));
    } else if (first instanceof ZonedDateTime from && last instanceof ZonedDateTime to) {
      event.time(from.withZoneSameInstant(zone), to.withZoneSameInstant(zone));
    } else {
      throw new IllegalArgumentException(
          "give start and end both as date-times (a timed event) or both as dates (an all-day"
              + " event), not one of each: start was '"
              + start
              + "', end '"
              + end
              + "'");
    }
    List<String> invited = ToolArguments.emails(attendees);
    event.attendees(invited).sendUpdates(invited.isEmpty() ? SendUpdates.NONE : SendUpdates.ALL);
    ToolArguments.optional(location).ifPresent(event::location);
    ToolArguments.optional(description).ifPresent(event::description);
    CalendarEvent created = calendar.get().createEvent(event.build());
    return "Created event '"
        + created.summary().orElse(summary)
        + "' on "
        + EventText.when(created, zone)
        + " ("
        + zone.getId()
        + "), id: "
        + created.id()
        + created.htmlLink().map(link -> ", link: " + link).orElse("");
  }

  private static ZonedDateTime startOf(Temporal time, ZoneId zone) {
    return time instanceof LocalDate date ? date.atStartOfDay(zone) : (ZonedDateTime) time;
  }

  /** A date as the end of a window means through that day. */
  private static ZonedDateTime endOf(Temporal time, ZoneId zone) {
    return time instanceof LocalDate date
        ? date.plusDays(1).atStartOfDay(zone)
        : (ZonedDateTime) time;
  }

  private static String runUser() {
    return NodeContext.requireUserId("the Google Calendar tools");
  }

  @Override
  public String toString() {
    return "CalendarTools[google.calendar.list_events, google.calendar.create_event]";
  }
}
