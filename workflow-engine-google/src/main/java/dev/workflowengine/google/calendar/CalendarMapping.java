package dev.workflowengine.google.calendar;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.CalendarListEntry;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The one place Google's Calendar model classes meet this package's records: {@code xFrom(...)}
 * reads Google's, {@code toX(...)} writes them. Google omits fields that are empty or default, so
 * every read treats null as absence.
 */
final class CalendarMapping {

  private CalendarMapping() {}

  static CalendarInfo calendarInfoFrom(CalendarListEntry entry) {
    String summary =
        entry.getSummaryOverride() != null ? entry.getSummaryOverride() : entry.getSummary();
    return new CalendarInfo(
        entry.getId(),
        summary != null ? summary : entry.getId(),
        Optional.ofNullable(entry.getDescription()),
        Optional.ofNullable(entry.getTimeZone()),
        Boolean.TRUE.equals(entry.getPrimary()),
        // Google always sends the role; reader is the least a listed calendar grants
        entry.getAccessRole() != null ? entry.getAccessRole() : "reader");
  }

  static CalendarEvent eventFrom(Event event) {
    List<EventAttendee> attendees = event.getAttendees() == null ? List.of() : event.getAttendees();
    return new CalendarEvent(
        event.getId(),
        Optional.ofNullable(event.getSummary()),
        Optional.ofNullable(event.getDescription()),
        Optional.ofNullable(event.getLocation()),
        eventTimeFrom(event.getStart(), "start", event.getId()),
        eventTimeFrom(event.getEnd(), "end", event.getId()),
        attendees.stream().map(CalendarMapping::attendeeFrom).toList(),
        Optional.ofNullable(event.getOrganizer()).map(Event.Organizer::getEmail),
        // Google documents "confirmed" as the status an event has when it reports none
        event.getStatus() != null ? event.getStatus() : "confirmed",
        Optional.ofNullable(event.getHtmlLink()));
  }

  static EventTime eventTimeFrom(EventDateTime time, String which, String eventId) {
    if (time == null || (time.getDateTime() == null && time.getDate() == null)) {
      throw new IllegalStateException(
          "Google Calendar returned event " + eventId + " without a " + which + " time");
    }
    Optional<String> zone = Optional.ofNullable(time.getTimeZone());
    if (time.getDateTime() != null) {
      Instant instant = Instant.ofEpochMilli(time.getDateTime().getValue());
      return new EventTime(Optional.of(instant), Optional.empty(), zone);
    }
    LocalDate date = LocalDate.parse(time.getDate().toStringRfc3339());
    return new EventTime(Optional.empty(), Optional.of(date), zone);
  }

  static Attendee attendeeFrom(EventAttendee attendee) {
    return new Attendee(
        attendee.getEmail() != null ? attendee.getEmail() : "",
        attendee.getResponseStatus() != null ? attendee.getResponseStatus() : "needsAction",
        Boolean.TRUE.equals(attendee.getOptional()));
  }

  static Event toEvent(NewEvent event) {
    Event google =
        new Event()
            .setSummary(event.summary())
            .setStart(toEventDateTime(event.start()))
            .setEnd(toEventDateTime(event.end()));
    event.description().ifPresent(google::setDescription);
    event.location().ifPresent(google::setLocation);
    if (!event.attendees().isEmpty()) {
      google.setAttendees(
          event.attendees().stream().map(email -> new EventAttendee().setEmail(email)).toList());
    }
    return google;
  }

  static EventDateTime toEventDateTime(EventTime time) {
    EventDateTime google = new EventDateTime();
    time.timeZone().ifPresent(google::setTimeZone);
    if (time.date().isPresent()) {
      return google.setDate(new DateTime(time.date().get().toString()));
    }
    Instant instant = time.dateTime().orElseThrow();
    // Written with the zone's offset at that instant, so the JSON shows the planned wall time
    int offsetMinutes =
        time.timeZone()
            .flatMap(CalendarMapping::zone)
            .map(zone -> zone.getRules().getOffset(instant).getTotalSeconds() / 60)
            .orElse(0);
    return google.setDateTime(new DateTime(false, instant.toEpochMilli(), offsetMinutes));
  }

  /** An instant as an RFC 3339 time in UTC, as the {@code timeMin} and {@code timeMax} params. */
  static DateTime toDateTime(Instant instant) {
    // DateTime(long) would write the JVM's own offset, making requests depend on the machine
    return new DateTime(false, instant.toEpochMilli(), 0);
  }

  static CalendarWatch watchFrom(Channel channel, String calendarId, String token) {
    return new CalendarWatch(
        channel.getId(),
        channel.getResourceId(),
        calendarId,
        channel.getToken() != null ? channel.getToken() : token,
        Optional.ofNullable(channel.getExpiration()).map(Instant::ofEpochMilli));
  }

  private static Optional<ZoneId> zone(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
