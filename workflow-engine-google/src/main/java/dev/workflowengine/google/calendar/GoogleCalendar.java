package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Events;
import dev.workflowengine.google.GoogleApiException;
import dev.workflowengine.google.GoogleCall;
import dev.workflowengine.google.GoogleService;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.google.NotConnectedException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's Google Calendar: their calendars, events in a time window, new events, and
 * notification channels for changes. Every request runs through {@link GoogleWorkspace#call}, so it
 * gets the workspace's retries, rate limits and circuit breaker.
 *
 * <pre>{@code
 * GoogleCalendar calendar = GoogleCalendar.of(google, "u1");
 * EventPage next30Days = calendar.listEvents(EventQuery.builder().build());
 * CalendarEvent created = calendar.createEvent(NewEvent.builder("Lunch")
 *     .time(ZonedDateTime.parse("2026-03-02T12:00+01:00[Europe/Berlin]"),
 *           ZonedDateTime.parse("2026-03-02T13:00+01:00[Europe/Berlin]"))
 *     .build());
 * }</pre>
 *
 * <p>Every method throws {@link GoogleApiException} when Google answers with an error and {@link
 * NotConnectedException} when the user has not authorised access.
 *
 * <p>Thread-safe: it holds one Google client, which may serve many threads at once.
 */
public final class GoogleCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(GoogleCalendar.class);

  private final GoogleWorkspace workspace;
  private final String userId;
  private final Clock clock;
  private final Calendar client;

  private GoogleCalendar(GoogleWorkspace workspace, String userId, Clock clock) {
    this.workspace = workspace;
    this.userId = userId;
    this.clock = clock;
    this.client =
        workspace
            .configure(
                new Calendar.Builder(
                    workspace.transport(),
                    workspace.jsonFactory(),
                    workspace.requestInitializer(userId)))
            .build();
  }

  /**
   * A user's calendar, whose default event window starts at the system clock's now.
   *
   * @param workspace the workspace whose credentials and policies the requests use
   * @param userId the user
   * @return the calendar
   */
  public static GoogleCalendar of(GoogleWorkspace workspace, String userId) {
    return of(workspace, userId, Clock.systemDefaultZone());
  }

  /**
   * A user's calendar with a clock of its own: its instant starts default event windows, and {@link
   * CalendarTools} reads dates and times without an offset in its zone.
   *
   * @param workspace the workspace whose credentials and policies the requests use
   * @param userId the user
   * @param clock the clock, such as {@code Clock.system(ZoneId.of("Europe/Berlin"))}
   * @return the calendar
   * @throws IllegalArgumentException if the user id is blank
   */
  public static GoogleCalendar of(GoogleWorkspace workspace, String userId, Clock clock) {
    requireNonNull(workspace, "workspace");
    requireNonNull(userId, "userId");
    requireNonNull(clock, "clock");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    return new GoogleCalendar(workspace, userId, clock);
  }

  /**
   * The user whose calendar this is.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }

  /** The clock that starts default windows; its zone is the tools' zone. */
  Clock clock() {
    return clock;
  }

  /**
   * Every calendar in the user's calendar list, reading all pages.
   *
   * @return the calendars, in Google's order
   */
  public List<CalendarInfo> listCalendars() {
    List<CalendarInfo> calendars = new ArrayList<>();
    String pageToken = null;
    do {
      String token = pageToken;
      CalendarList page = call(() -> client.calendarList().list().setPageToken(token).execute());
      if (page.getItems() != null) {
        page.getItems().forEach(entry -> calendars.add(CalendarMapping.calendarInfoFrom(entry)));
      }
      pageToken = page.getNextPageToken();
    } while (pageToken != null);
    return List.copyOf(calendars);
  }

  /**
   * One page of events. Recurring events are expanded into their occurrences ({@code
   * singleEvents=true}), which is also what lets Google order them by start time ({@code
   * orderBy=startTime} is refused without it).
   *
   * @param query which events
   * @return the page, with the query for the next one when there is one
   * @throws IllegalArgumentException if the query has only a {@code timeMax}, and it is not after
   *     now
   */
  public EventPage listEvents(EventQuery query) {
    EventQuery fixed = requireNonNull(query, "query").fixedAt(clock.instant());
    Events page =
        call(
            () ->
                client
                    .events()
                    .list(fixed.calendarId())
                    .setTimeMin(CalendarMapping.toDateTime(fixed.timeMin().orElseThrow()))
                    .setTimeMax(CalendarMapping.toDateTime(fixed.timeMax().orElseThrow()))
                    .setSingleEvents(true)
                    .setOrderBy("startTime")
                    .setMaxResults(fixed.pageSize())
                    .setPageToken(fixed.pageToken().orElse(null))
                    .setQ(fixed.text().orElse(null))
                    .execute());
    List<CalendarEvent> events =
        page.getItems() == null
            ? List.of()
            : page.getItems().stream().map(CalendarMapping::eventFrom).toList();
    return new EventPage(
        events, Optional.ofNullable(page.getNextPageToken()).map(fixed::withPageToken));
  }

  /**
   * Up to {@code limit} events, following pages as needed; every page reads the same window. Pages
   * are no larger than the limit, so a small limit costs one small request.
   *
   * @param query which events
   * @param limit the most events to return, at least 1
   * @return the events, ordered by start time
   * @throws IllegalArgumentException if the limit is less than 1
   */
  public List<CalendarEvent> listEvents(EventQuery query, int limit) {
    requireNonNull(query, "query");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
    }
    List<CalendarEvent> events = new ArrayList<>();
    Optional<EventQuery> next =
        Optional.of(query.withPageSize(Math.min(query.pageSize(), limit)).fixedAt(clock.instant()));
    while (next.isPresent() && events.size() < limit) {
      EventPage page = listEvents(next.get());
      events.addAll(page.events());
      next = page.next();
    }
    return List.copyOf(events.subList(0, Math.min(limit, events.size())));
  }

  /**
   * Creates an event.
   *
   * @param event the event
   * @return the event as Google stored it, with its id and link
   */
  public CalendarEvent createEvent(NewEvent event) {
    requireNonNull(event, "event");
    CalendarEvent created =
        CalendarMapping.eventFrom(
            call(
                () ->
                    client
                        .events()
                        .insert(event.calendarId(), CalendarMapping.toEvent(event))
                        .setSendUpdates(event.sendUpdates().wireValue())
                        .execute()));
    LOG.debug(
        "Created event {} in calendar {} of user {}", created.id(), event.calendarId(), userId);
    return created;
  }

  /**
   * Asks Google to POST to an address whenever events of a calendar change, until Google's default
   * expiry (about a week) or {@link #stopWatch}.
   *
   * @param calendarId the calendar, or {@code primary}
   * @param address where Google posts; must be {@code https}
   * @param channelId an id for the channel, unique among the application's channels, such as a UUID
   * @param token a secret Google sends back with every notification, to tell them from forgeries
   * @return the channel
   * @throws IllegalArgumentException if an argument is blank or the address is not {@code https}
   */
  public CalendarWatch watch(String calendarId, URI address, String channelId, String token) {
    return watch(calendarId, address, channelId, token, Optional.empty());
  }

  /**
   * Like {@link #watch(String, URI, String, String)}, asking Google to stop the channel after a
   * time to live.
   *
   * @param calendarId the calendar, or {@code primary}
   * @param address where Google posts; must be {@code https}
   * @param channelId an id for the channel, unique among the application's channels
   * @param token a secret Google sends back with every notification
   * @param ttl how long the channel should live, at least one second (Google may shorten it)
   * @return the channel
   * @throws IllegalArgumentException if an argument is blank, the address is not {@code https}, or
   *     the time to live is under a second
   */
  public CalendarWatch watch(
      String calendarId, URI address, String channelId, String token, Duration ttl) {
    requireNonNull(ttl, "ttl");
    if (ttl.getSeconds() < 1) {
      throw new IllegalArgumentException("ttl must be at least 1 second but was " + ttl);
    }
    return watch(calendarId, address, channelId, token, Optional.of(ttl));
  }

  private CalendarWatch watch(
      String calendarId, URI address, String channelId, String token, Optional<Duration> ttl) {
    nonBlank("calendarId", calendarId);
    requireNonNull(address, "address");
    if (!"https".equalsIgnoreCase(address.getScheme())) {
      throw new IllegalArgumentException(
          "address must be an https URL, as Google delivers notifications only over https, but"
              + " was "
              + address);
    }
    Channel channel =
        new Channel()
            .setId(nonBlank("channelId", channelId))
            .setType("web_hook")
            .setAddress(address.toString())
            .setToken(nonBlank("token", token));
    ttl.ifPresent(t -> channel.setParams(Map.of("ttl", Long.toString(t.getSeconds()))));
    Channel opened = call(() -> client.events().watch(calendarId, channel).execute());
    LOG.debug("Watching calendar {} of user {} on channel {}", calendarId, userId, channelId);
    return CalendarMapping.watchFrom(opened, calendarId, token);
  }

  /**
   * Stops a notification channel.
   *
   * @param watch the channel, as {@link #watch} returned it
   */
  public void stopWatch(CalendarWatch watch) {
    requireNonNull(watch, "watch");
    Channel channel = new Channel().setId(watch.channelId()).setResourceId(watch.resourceId());
    call(() -> client.channels().stop(channel).execute());
    LOG.debug("Stopped channel {} of user {}", watch.channelId(), userId);
  }

  private <T> T call(GoogleCall<T> request) {
    return workspace.call(GoogleService.CALENDAR, userId, request);
  }

  private static String nonBlank(String name, String value) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "GoogleCalendar[" + userId + "]";
  }
}
