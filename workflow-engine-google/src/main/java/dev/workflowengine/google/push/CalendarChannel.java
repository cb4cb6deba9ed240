package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Args.requireText;
import static java.util.Objects.requireNonNull;

import dev.workflowengine.google.calendar.CalendarWatch;
import dev.workflowengine.google.calendar.GoogleCalendar;
import java.time.Instant;
import java.util.Optional;

/**
 * A Calendar notification channel as the host created it with a {@code watch} request: whose it is,
 * the secret token Google echoes in every notification, and what it watches. Register it in {@link
 * CalendarChannels} right after the watch succeeds.
 *
 * <pre>{@code
 * CalendarWatch watch = google.calendar("u1").watch("primary", webhook, channelId, token);
 * channels.register(CalendarChannel.of("u1", watch));
 * }</pre>
 *
 * <p>{@link #toString()} never shows the token. Immutable and thread-safe.
 *
 * @param userId the user who owns the watched calendar; executions started by its notifications
 *     belong to this user
 * @param channelId the channel id the host chose in the watch request ({@code X-Goog-Channel-ID})
 * @param token the secret sent in the watch request, echoed as {@code X-Goog-Channel-Token}
 * @param calendarId the watched calendar, such as {@code primary}
 * @param resourceId Google's id of the watched resource from the watch answer ({@code
 *     X-Goog-Resource-ID}); when present, notifications must carry the same one
 * @param expiration when Google stops sending on the channel; notifications after it are refused
 */
public record CalendarChannel(
    String userId,
    String channelId,
    String token,
    String calendarId,
    Optional<String> resourceId,
    Optional<Instant> expiration) {

  /** Validates the components: text must not be blank; absent options may be given as null. */
  public CalendarChannel {
    requireText(userId, "userId");
    requireText(channelId, "channelId");
    requireText(token, "token");
    requireText(calendarId, "calendarId");
    resourceId = resourceId == null ? Optional.empty() : resourceId;
    resourceId.ifPresent(id -> requireText(id, "resourceId"));
    expiration = expiration == null ? Optional.empty() : expiration;
  }

  /**
   * A channel whose resource id and expiration are not known.
   *
   * @param userId the owner of the calendar
   * @param channelId the channel id
   * @param token the channel's secret token
   * @param calendarId the watched calendar
   * @return the channel
   */
  public static CalendarChannel of(
      String userId, String channelId, String token, String calendarId) {
    return new CalendarChannel(
        userId, channelId, token, calendarId, Optional.empty(), Optional.empty());
  }

  /**
   * The channel a {@link GoogleCalendar#watch} call just opened, with its resource id and
   * expiration.
   *
   * @param userId the owner of the calendar, the user the watch was made for
   * @param watch what the watch answered
   * @return the channel
   */
  public static CalendarChannel of(String userId, CalendarWatch watch) {
    requireNonNull(watch, "watch");
    return new CalendarChannel(
        userId,
        watch.channelId(),
        watch.token(),
        watch.calendarId(),
        Optional.of(watch.resourceId()),
        watch.expiration());
  }

  /**
   * This channel with Google's resource id, which notifications must then carry.
   *
   * @param id the resource id from the watch answer
   * @return a copy with the resource id set
   */
  public CalendarChannel withResourceId(String id) {
    return new CalendarChannel(
        userId, channelId, token, calendarId, Optional.of(requireText(id, "id")), expiration);
  }

  /**
   * This channel with the time Google stops sending on it.
   *
   * @param expiresAt the expiration from the watch answer
   * @return a copy with the expiration set
   */
  public CalendarChannel withExpiration(Instant expiresAt) {
    return new CalendarChannel(
        userId,
        channelId,
        token,
        calendarId,
        resourceId,
        Optional.of(requireNonNull(expiresAt, "expiresAt")));
  }

  /** Every component but the token, which is a secret. */
  @Override
  public String toString() {
    return "CalendarChannel[userId="
        + userId
        + ", channelId="
        + channelId
        + ", calendarId="
        + calendarId
        + ", resourceId="
        + resourceId
        + ", expiration="
        + expiration
        + ", token=(hidden)]";
  }
}
