package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

/**
 * Someone invited to an event.
 *
 * <pre>{@code
 * List<String> declined = event.attendees().stream()
 *     .filter(a -> a.responseStatus().equals("declined"))
 *     .map(Attendee::email)
 *     .toList();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param email the attendee's e-mail address
 * @param responseStatus {@code needsAction}, {@code declined}, {@code tentative} or {@code
 *     accepted}
 * @param optional whether attendance is optional
 */
public record Attendee(String email, String responseStatus, boolean optional) {

  /** Checks that no component is null. */
  public Attendee {
    requireNonNull(email, "email");
    requireNonNull(responseStatus, "responseStatus");
  }
}
