package dev.workflowengine.google;

/**
 * The Google APIs this module wraps. Each has its own circuit breaker, so an outage of one does not
 * stop calls to the others.
 */
public enum GoogleService {
  /** Google Calendar API v3. */
  CALENDAR("Google Calendar"),
  /** Google Drive API v3. */
  DRIVE("Google Drive"),
  /** Gmail API v1. */
  GMAIL("Gmail");

  private final String displayName;

  GoogleService(String displayName) {
    this.displayName = displayName;
  }

  /**
   * The name people know the service by, for messages.
   *
   * @return for example {@code "Google Calendar"}
   */
  public String displayName() {
    return displayName;
  }
}
