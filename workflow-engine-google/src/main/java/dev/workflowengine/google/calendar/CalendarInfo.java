package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One calendar in a user's calendar list.
 *
 * <pre>{@code
 * String primaryZone = calendar.listCalendars().stream()
 *     .filter(CalendarInfo::primary)
 *     .findFirst()
 *     .flatMap(CalendarInfo::timeZone)
 *     .orElse("UTC");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the calendar id, such as {@code ada@example.com} or {@code
 *     team#holiday@group.v.calendar.google.com}; pass it to {@link EventQuery.Builder#calendarId}
 * @param summary the name the user sees: their own name for the calendar when they gave one, else
 *     the calendar's title
 * @param description the calendar's description, when it has one
 * @param timeZone the calendar's IANA time zone, such as {@code Europe/Berlin}, when Google reports
 *     one
 * @param primary whether this is the user's primary calendar
 * @param accessRole what the user may do: {@code freeBusyReader}, {@code reader}, {@code writer} or
 *     {@code owner}
 */
public record CalendarInfo(
    String id,
    String summary,
    Optional<String> description,
    Optional<String> timeZone,
    boolean primary,
    String accessRole) {

  /** Checks that no component is null. */
  public CalendarInfo {
    requireNonNull(id, "id");
    requireNonNull(summary, "summary");
    requireNonNull(description, "description");
    requireNonNull(timeZone, "timeZone");
    requireNonNull(accessRole, "accessRole");
  }
}
