package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When an event starts or ends: an instant for a timed event, a date for an all-day event (Google
 * keeps the two apart: an all-day event has no time and belongs to no time zone, so it is the same
 * date wherever the reader is). Exactly one of {@link #dateTime()} and {@link #date()} is present.
 *
 * <pre>{@code
 * EventTime meeting = EventTime.at(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")));
 * EventTime holiday = EventTime.allDay(LocalDate.of(2026, 12, 25));
 * String shown = meeting.isAllDay() ? meeting.date().get().toString() : meeting.dateTime().get().toString();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param dateTime the instant of a timed event
 * @param date the date of an all-day event; an event's end date is exclusive (the day after its
 *     last day), as Google counts it
 * @param timeZone the IANA time zone the event is planned in, such as {@code Europe/Berlin}, when
 *     one is known
 */
public record EventTime(
    Optional<Instant> dateTime, Optional<LocalDate> date, Optional<String> timeZone) {

  /**
   * Checks that exactly one of the date-time and the date is present.
   *
   * @throws IllegalArgumentException if both or neither are present
   */
  public EventTime {
    requireNonNull(dateTime, "dateTime");
    requireNonNull(date, "date");
    requireNonNull(timeZone, "timeZone");
    if (dateTime.isPresent() == date.isPresent()) {
      throw new IllegalArgumentException(
          "an EventTime has either a dateTime (a timed event) or a date (an all-day event), but"
              + " was given "
              + (dateTime.isPresent() ? "both" : "neither"));
    }
  }

  /**
   * A moment of a timed event, planned in no particular time zone.
   *
   * @param instant the moment
   * @return the event time
   */
  public static EventTime at(Instant instant) {
    return new EventTime(Optional.of(instant), Optional.empty(), Optional.empty());
  }

  /**
   * A moment of a timed event, planned in the time's zone. A region such as {@code Europe/Berlin}
   * becomes the {@link #timeZone()}; a bare offset such as {@code +01:00} is no IANA zone, so it
   * only fixes the instant.
   *
   * @param time the moment and its zone
   * @return the event time
   */
  public static EventTime at(ZonedDateTime time) {
    Optional<String> zone =
        time.getZone() instanceof ZoneOffset
            ? Optional.empty()
            : Optional.of(time.getZone().getId());
    return new EventTime(Optional.of(time.toInstant()), Optional.empty(), zone);
  }

  /**
   * A day of an all-day event.
   *
   * @param date the date
   * @return the event time
   */
  public static EventTime allDay(LocalDate date) {
    return new EventTime(Optional.empty(), Optional.of(date), Optional.empty());
  }

  /**
   * Whether this is the date of an all-day event.
   *
   * @return {@code true} if {@link #date()} is present
   */
  public boolean isAllDay() {
    return date.isPresent();
  }
}
