package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An event as Google Calendar holds it. A recurring event is listed as its single occurrences, each
 * with its own id.
 *
 * <pre>{@code
 * for (CalendarEvent event : calendar.listEvents(EventQuery.builder().build()).events()) {
 *   System.out.println(event.start() + " " + event.summary().orElse("(no title)"));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the event's id in its calendar
 * @param summary the title, when it has one
 * @param description the description, when it has one
 * @param location the location as free text, when it has one
 * @param start when it starts
 * @param end when it ends (exclusive)
 * @param attendees who is invited, empty when nobody is
 * @param organizer the organizer's e-mail address, when Google reports one
 * @param status {@code confirmed}, {@code tentative} or {@code cancelled}
 * @param htmlLink the event's page in Google Calendar, when Google reports one
 */
public record CalendarEvent(
    String id,
    Optional<String> summary,
    Optional<String> description,
    Optional<String> location,
    EventTime start,
    EventTime end,
    List<Attendee> attendees,
    Optional<String> organizer,
    String status,
    Optional<String> htmlLink) {

  /** Copies the attendees and checks that no component is null. */
  public CalendarEvent {
    requireNonNull(id, "id");
    requireNonNull(summary, "summary");
    requireNonNull(description, "description");
    requireNonNull(location, "location");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    attendees = List.copyOf(attendees);
    requireNonNull(organizer, "organizer");
    requireNonNull(status, "status");
    requireNonNull(htmlLink, "htmlLink");
  }
}
