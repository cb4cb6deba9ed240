package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which events {@link GoogleCalendar#listEvents(EventQuery)} reads: a calendar, a time window, a
 * page size and an optional text search. Recurring events always come as their single occurrences,
 * ordered by start time.
 *
 * <pre>{@code
 * EventQuery nextWeek = EventQuery.builder()
 *     .timeMin(Instant.parse("2026-03-02T00:00:00Z"))
 *     .timeMax(Instant.parse("2026-03-09T00:00:00Z"))
 *     .text("review")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param calendarId the calendar, {@code primary} for the user's own
 * @param timeMin events ending after this instant are listed; absent: the calendar's clock's now
 * @param timeMax events starting before this instant are listed; absent: {@link #DEFAULT_WINDOW}
 *     after the window's start
 * @param pageSize the most events per page, 1 to {@value #MAX_PAGE_SIZE}
 * @param pageToken the page to read, absent for the first
 * @param text free text the events must contain (summary, description, location, attendees)
 */
public record EventQuery(
    String calendarId,
    Optional<Instant> timeMin,
    Optional<Instant> timeMax,
    int pageSize,
    Optional<String> pageToken,
    Optional<String> text) {

  /** How far the window reaches when it has no {@code timeMax}: 30 days. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  /** The page size unless told otherwise, Google's own default. */
  public static final int DEFAULT_PAGE_SIZE = 250;

  /** The largest page Google serves. */
  public static final int MAX_PAGE_SIZE = 2500;

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the calendar id is blank, the page size out of range, or
   *     {@code timeMax} not after {@code timeMin}
   */
  public EventQuery {
    requireNonNull(calendarId, "calendarId");
    if (calendarId.isBlank()) {
      throw new IllegalArgumentException("calendarId must not be blank; use \"primary\"");
    }
    requireNonNull(timeMin, "timeMin");
    requireNonNull(timeMax, "timeMax");
    checkPageSize(pageSize);
    requireNonNull(pageToken, "pageToken");
    requireNonNull(text, "text");
    if (timeMin.isPresent() && timeMax.isPresent() && !timeMax.get().isAfter(timeMin.get())) {
      throw new IllegalArgumentException(
          "timeMax (" + timeMax.get() + ") must be after timeMin (" + timeMin.get() + ")");
    }
  }

  /**
   * Starts building a query of the primary calendar for the next 30 days.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The same query for the page a token names. */
  EventQuery withPageToken(String token) {
    return new EventQuery(calendarId, timeMin, timeMax, pageSize, Optional.of(token), text);
  }

  /** The same query with another page size. */
  EventQuery withPageSize(int size) {
    return new EventQuery(calendarId, timeMin, timeMax, size, pageToken, text);
  }

  /** The same query with its window fixed: what it reads when now is {@code now}. */
  EventQuery fixedAt(Instant now) {
    Instant min = timeMin.orElse(now);
    Instant max = timeMax.orElse(min.plus(DEFAULT_WINDOW));
    if (!max.isAfter(min)) {
      throw new IllegalArgumentException(
          "timeMax (" + max + ") must be after the window's start, now (" + min + "); set timeMin");
    }
    return new EventQuery(
        calendarId, Optional.of(min), Optional.of(max), pageSize, pageToken, text);
  }

  private static void checkPageSize(int size) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + " but was " + size);
    }
  }

  /** Builds an {@link EventQuery}; each setter checks its argument at once. Not thread-safe. */
  public static final class Builder {
    private String calendarId = "primary";
    private Instant timeMin;
    private Instant timeMax;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private String text;

    private Builder() {}

    /**
     * The calendar; {@code primary} by default.
     *
     * @param id a calendar id from {@link CalendarInfo#id()}, or {@code primary}
     * @return this builder
     */
    public Builder calendarId(String id) {
      requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("calendarId must not be blank; use \"primary\"");
      }
      this.calendarId = id;
      return this;
    }

    /**
     * The window's start: events ending after it are listed. By default the calendar clock's now.
     *
     * @param instant the start
     * @return this builder
     */
    public Builder timeMin(Instant instant) {
      this.timeMin = requireNonNull(instant, "instant");
      return this;
    }

    /**
     * The window's end: events starting before it are listed. By default 30 days after the start.
     *
     * @param instant the end
     * @return this builder
     */
    public Builder timeMax(Instant instant) {
      this.timeMax = requireNonNull(instant, "instant");
      return this;
    }

    /**
     * The most events per page; {@value EventQuery#DEFAULT_PAGE_SIZE} by default.
     *
     * @param size 1 to {@value EventQuery#MAX_PAGE_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if the size is out of range
     */
    public Builder pageSize(int size) {
      checkPageSize(size);
      this.pageSize = size;
      return this;
    }

    /**
     * Lists only events containing this text, as Google's search understands it.
     *
     * @param query the text
     * @return this builder
     */
    public Builder text(String query) {
      requireNonNull(query, "query");
      if (query.isBlank()) {
        throw new IllegalArgumentException("text must not be blank; leave it unset to list all");
      }
      this.text = query;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     * @throws IllegalArgumentException if {@code timeMax} is not after {@code timeMin}
     */
    public EventQuery build() {
      return new EventQuery(
          calendarId,
          Optional.ofNullable(timeMin),
          Optional.ofNullable(timeMax),
          pageSize,
          Optional.empty(),
          Optional.ofNullable(text));
    }
  }
}
