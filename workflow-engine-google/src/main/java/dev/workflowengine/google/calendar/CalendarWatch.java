package dev.workflowengine.google.calendar;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A notification channel Google opened for changes to a calendar's events: Google POSTs to its
 * address with the headers {@code X-Goog-Channel-ID} (the {@link #channelId()}) and {@code
 * X-Goog-Channel-Token} (the {@link #token()}) until it expires or is stopped with {@link
 * GoogleCalendar#stopWatch(CalendarWatch)}. Keep it to verify notifications and to stop it.
 *
 * <pre>{@code
 * CalendarWatch watch = calendar.watch("primary", URI.create("https://app.example.com/google/push"),
 *     UUID.randomUUID().toString(), secretToken, Duration.ofDays(7));
 * store.save(watch);   // ...later:
 * calendar.stopWatch(watch);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves the token out.
 *
 * @param channelId the channel's id, as the caller chose it
 * @param resourceId Google's id of the watched resource, needed to stop the channel
 * @param calendarId the calendar watched
 * @param token the secret every notification carries, as the caller chose it
 * @param expiration when Google stops the channel by itself, when it said
 */
public record CalendarWatch(
    String channelId,
    String resourceId,
    String calendarId,
    String token,
    Optional<Instant> expiration) {

  /** Checks that no component is null. */
  public CalendarWatch {
    requireNonNull(channelId, "channelId");
    requireNonNull(resourceId, "resourceId");
    requireNonNull(calendarId, "calendarId");
    requireNonNull(token, "token");
    requireNonNull(expiration, "expiration");
  }

  /** Describes the channel without its token, which is a secret. */
  @Override
  public String toString() {
    return "CalendarWatch[channelId="
        + channelId
        + ", resourceId="
        + resourceId
        + ", calendarId="
        + calendarId
        + ", expiration="
        + expiration.map(Instant::toString).orElse("unknown")
        + "]";
  }
}
