package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event to create with {@link GoogleCalendar#createEvent(NewEvent)}.
 *
 * <pre>{@code
 * ZoneId berlin = ZoneId.of("Europe/Berlin");
 * NewEvent review = NewEvent.builder("Design review")
 *     .time(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, berlin), ZonedDateTime.of(2026, 3, 2, 11, 0, 0, 0, berlin))
 *     .location("Room 4")
 *     .attendees(List.of("ada@example.com", "alan@example.com"))
 *     .sendUpdates(SendUpdates.ALL)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param calendarId the calendar to create it in
 * @param summary the title
 * @param start when it starts
 * @param end when it ends; after the start, and of the same kind (both timed or both all-day)
 * @param description the description, if any
 * @param location the location as free text, if any
 * @param attendees the e-mail addresses of those invited
 * @param sendUpdates whom Google e-mails about the event
 */
public record NewEvent(
    String calendarId,
    String summary,
    EventTime start,
    EventTime end,
    Optional<String> description,
    Optional<String> location,
    List<String> attendees,
    SendUpdates sendUpdates) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the calendar id or summary is blank, the end is not after
   *     the start, one of them is all-day and the other not, or an attendee is not an e-mail
   *     address
   */
  public NewEvent {
    nonBlank("calendarId", calendarId);
    nonBlank("summary", summary);
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(description, "description");
    requireNonNull(location, "location");
    attendees = List.copyOf(attendees);
    attendees.forEach(NewEvent::checkEmail);
    requireNonNull(sendUpdates, "sendUpdates");
    checkOrder(start, end);
  }

  /**
   * Starts building an event in the primary calendar that e-mails nobody.
   *
   * @param summary the title
   * @return a new builder
   * @throws IllegalArgumentException if the summary is blank
   */
  public static Builder builder(String summary) {
    return new Builder(summary);
  }

  private static void checkOrder(EventTime start, EventTime end) {
    if (start.isAllDay() != end.isAllDay()) {
      throw new IllegalArgumentException(
          "start and end must both be timed or both be all-day, but start is "
              + (start.isAllDay() ? "all-day" : "timed")
              + " and end is "
              + (end.isAllDay() ? "all-day" : "timed"));
    }
    boolean after =
        start.isAllDay()
            ? end.date().orElseThrow().isAfter(start.date().orElseThrow())
            : end.dateTime().orElseThrow().isAfter(start.dateTime().orElseThrow());
    if (!after) {
      throw new IllegalArgumentException(
          "end must be after start"
              + (start.isAllDay()
                  ? " (an all-day end date is exclusive: the day after the last)"
                  : "")
              + ", but start is "
              + shown(start)
              + " and end is "
              + shown(end));
    }
  }

  private static String shown(EventTime time) {
    return time.dateTime().map(Object::toString).orElseGet(() -> time.date().get().toString());
  }

  private static String nonBlank(String name, String value) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static void checkEmail(String email) {
    requireNonNull(email, "attendee");
    int at = email.indexOf('@');
    if (at < 1 || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "attendee '" + email + "' is not an e-mail address such as ada@example.com");
    }
  }

  /**
   * Builds a {@link NewEvent}; each setter checks its argument at once. A start and end are
   * required, set together by {@link #time} or {@link #allDay}. Not thread-safe.
   */
  public static final class Builder {
    private final String summary;
    private String calendarId = "primary";
    private EventTime start;
    private EventTime end;
    private String description;
    private String location;
    private final List<String> attendees = new ArrayList<>();
    private SendUpdates sendUpdates = SendUpdates.NONE;

    private Builder(String summary) {
      this.summary = nonBlank("summary", summary);
    }

    /**
     * The calendar to create the event in; {@code primary} by default.
     *
     * @param id a calendar id from {@link CalendarInfo#id()}, or {@code primary}
     * @return this builder
     */
    public Builder calendarId(String id) {
      this.calendarId = nonBlank("calendarId", id);
      return this;
    }

    /**
     * Makes it a timed event. Each time's zone region becomes that end's time zone in Google.
     *
     * @param startTime when it starts
     * @param endTime when it ends
     * @return this builder
     * @throws IllegalArgumentException if the end is not after the start
     */
    public Builder time(ZonedDateTime startTime, ZonedDateTime endTime) {
      return times(EventTime.at(requireNonNull(startTime, "startTime")), EventTime.at(endTime));
    }

    /**
     * Makes it an all-day event on one day.
     *
     * @param date the day
     * @return this builder
     */
    public Builder allDay(LocalDate date) {
      return allDay(date, date.plusDays(1));
    }

    /**
     * Makes it an all-day event over several days.
     *
     * @param firstDay the first day
     * @param endDateExclusive the day after the last day, as Google counts an all-day end
     * @return this builder
     * @throws IllegalArgumentException if the end date is not after the first day
     */
    public Builder allDay(LocalDate firstDay, LocalDate endDateExclusive) {
      requireNonNull(firstDay, "firstDay");
      requireNonNull(endDateExclusive, "endDateExclusive");
      return times(EventTime.allDay(firstDay), EventTime.allDay(endDateExclusive));
    }

    private Builder times(EventTime startTime, EventTime endTime) {
      checkOrder(startTime, endTime);
      this.start = startTime;
      this.end = endTime;
      return this;
    }

    /**
     * The description.
     *
     * @param text the text
     * @return this builder
     */
    public Builder description(String text) {
      this.description = requireNonNull(text, "text");
      return this;
    }

    /**
     * The location, as free text.
     *
     * @param place such as {@code Room 4} or an address
     * @return this builder
     */
    public Builder location(String place) {
      this.location = requireNonNull(place, "place");
      return this;
    }

    /**
     * Adds attendees.
     *
     * @param emails their e-mail addresses
     * @return this builder
     * @throws IllegalArgumentException if one is not an e-mail address
     */
    public Builder attendees(List<String> emails) {
      requireNonNull(emails, "emails").forEach(NewEvent::checkEmail);
      attendees.addAll(emails);
      return this;
    }

    /**
     * Whom Google e-mails about the event; {@link SendUpdates#NONE} by default.
     *
     * @param whom the recipients
     * @return this builder
     */
    public Builder sendUpdates(SendUpdates whom) {
      this.sendUpdates = requireNonNull(whom, "whom");
      return this;
    }

    /**
     * Builds the event.
     *
     * @return the event
     * @throws IllegalStateException if neither {@link #time} nor {@link #allDay} was called
     */
    public NewEvent build() {
      if (start == null) {
        throw new IllegalStateException(
            "event '" + summary + "' needs a start and end; call time(...) or allDay(...)");
      }
      return new NewEvent(
          calendarId,
          summary,
          start,
          end,
          Optional.ofNullable(description),
          Optional.ofNullable(location),
          attendees,
          sendUpdates);
    }
  }
}
