package dev.workflowengine.google.calendar;

/**
 * Whom Google Calendar e-mails about a new event.
 *
 * <pre>{@code
 * NewEvent.builder("Review").time(start, end).attendees(List.of("ada@example.com"))
 *     .sendUpdates(SendUpdates.ALL).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum SendUpdates {
  /** Every attendee gets an invitation. */
  ALL("all"),
  /** Only attendees outside the organizer's Google Workspace domain get one. */
  EXTERNAL_ONLY("externalOnly"),
  /** Nobody is e-mailed. */
  NONE("none");

  private final String wireValue;

  SendUpdates(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value of the {@code sendUpdates} query parameter. */
  String wireValue() {
    return wireValue;
  }
}
