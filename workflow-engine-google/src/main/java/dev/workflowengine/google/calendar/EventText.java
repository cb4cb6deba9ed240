package dev.workflowengine.google.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Events as the compact text {@link CalendarTools} returns to a model: one line an event, times in
 * one zone and without seconds, only the fields worth reading. Short lines leave a small model's
 * context for the conversation; ISO-like times are what it reads back best.
 */
final class EventText {

  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private EventText() {}

  static String listing(
      List<CalendarEvent> events, ZonedDateTime from, ZonedDateTime to, boolean more) {
    String window =
        "from "
            + DAY_AND_TIME.format(from)
            + " to "
            + DAY_AND_TIME.format(to)
            + " (times in "
            + from.getZone().getId()
            + ")";
    if (events.isEmpty()) {
      return "No events " + window + ".";
    }
    StringBuilder text = new StringBuilder("Events " + window + ":");
    for (CalendarEvent event : events) {
      text.append("\n- ").append(line(event, from.getZone()));
    }
    if (more) {
      text.append(
          "\nThere are more events in this window; ask for a shorter window or a larger max.");
    }
    return text.toString();
  }

  static String line(CalendarEvent event, ZoneId zone) {
    StringBuilder line =
        new StringBuilder(when(event, zone))
            .append(" ")
            .append(event.summary().orElse("(no title)"));
    event.location().ifPresent(location -> line.append(" | location: ").append(location));
    if (!event.attendees().isEmpty()) {
      line.append(" | attendees: ")
          .append(
              event.attendees().stream()
                  .map(a -> a.email() + " (" + a.responseStatus() + ")")
                  .collect(Collectors.joining(", ")));
    }
    return line.append(" | id: ").append(event.id()).toString();
  }

  /** "2026-03-02 10:00-11:00", "2026-03-02 22:00 to 2026-03-03 01:00" or "2026-03-02 (all day)". */
  static String when(CalendarEvent event, ZoneId zone) {
    if (event.start().isAllDay()) {
      LocalDate first = event.start().date().orElseThrow();
      LocalDate last = event.end().date().orElse(first.plusDays(1)).minusDays(1);
      return last.isAfter(first) ? first + " to " + last + " (all day)" : first + " (all day)";
    }
    ZonedDateTime start = event.start().dateTime().orElseThrow().atZone(zone);
    ZonedDateTime end = event.end().dateTime().orElseThrow().atZone(zone);
    return DAY_AND_TIME.format(start)
        + (start.toLocalDate().equals(end.toLocalDate())
            ? "-" + TIME.format(end)
            : " to " + DAY_AND_TIME.format(end));
  }
}
