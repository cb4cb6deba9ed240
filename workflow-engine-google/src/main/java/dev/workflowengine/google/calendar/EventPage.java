package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of events, in the order of their start times, and the query for the page after it.
 *
 * <pre>{@code
 * EventPage page = calendar.listEvents(EventQuery.builder().build());
 * page.events().forEach(this::show);
 * while (page.next().isPresent()) {
 *   page = calendar.listEvents(page.next().get());
 *   page.events().forEach(this::show);
 * }
 * }</pre>
 *
 * <p>The next query carries the page token and the time window this page was read with, fixed to
 * instants: a query that left the window to its default ("from now") would otherwise ask a moment
 * later for a slightly different window than the token belongs to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param events the events of this page
 * @param next the query for the next page, absent on the last page
 */
public record EventPage(List<CalendarEvent> events, Optional<EventQuery> next) {

  /** Copies the events and checks that no component is null. */
  public EventPage {
    events = List.copyOf(events);
    requireNonNull(next, "next");
  }

  /**
   * Where the next page starts, as Google named it.
   *
   * @return the next page's token, absent on the last page
   */
  public Optional<String> nextPageToken() {
    return next.flatMap(EventQuery::pageToken);
  }
}
