package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Args.requireText;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A verified Calendar notification: a watched calendar of a user changed. It says only that
 * something changed; list the changes with an incremental sync to learn what.
 *
 * <pre>{@code
 * GooglePushHandler.builder()
 *     .calendarChannels(channels)
 *     .onCalendarChange(change -> syncer.syncLater(change.userId(), change.calendarId()))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param userId the owner of the channel, from its registration
 * @param channelId the channel the notification came on
 * @param calendarId the watched calendar, from the channel's registration
 * @param resourceId Google's id of the watched resource, as the notification carried it
 * @param resourceState what happened to the resource
 * @param messageNumber the notification's number on its channel; numbers increase, with gaps
 * @param channelExpiration when the channel expires, if its registration said
 */
public record CalendarChange(
    String userId,
    String channelId,
    String calendarId,
    String resourceId,
    CalendarResourceState resourceState,
    long messageNumber,
    Optional<Instant> channelExpiration) {

  /** The value of {@code source} in {@link #toInput()}. */
  public static final String SOURCE = "google-calendar";

  /** Validates the components: text must not be blank, the message number must be positive. */
  public CalendarChange {
    requireText(userId, "userId");
    requireText(channelId, "channelId");
    requireText(calendarId, "calendarId");
    requireText(resourceId, "resourceId");
    requireNonNull(resourceState, "resourceState");
    if (messageNumber < 1) {
      throw new IllegalArgumentException("messageNumber must be >= 1 but was " + messageNumber);
    }
    channelExpiration = channelExpiration == null ? Optional.empty() : channelExpiration;
  }

  /**
   * The input of a workflow started by this change: {@code source} ({@value #SOURCE}), {@code
   * userId}, {@code channelId}, {@code calendarId}, {@code resourceId}, {@code resourceState} (the
   * wire name, such as {@code exists}), {@code messageNumber} (a long) and, when known, {@code
   * channelExpiration} (ISO-8601, such as {@code 2026-03-01T10:00:00Z}). Only strings and numbers,
   * so the state checkpoints as JSON.
   *
   * @return the input, immutable
   */
  public Map<String, Object> toInput() {
    Map<String, Object> input = new HashMap<>();
    input.put("source", SOURCE);
    input.put("userId", userId);
    input.put("channelId", channelId);
    input.put("calendarId", calendarId);
    input.put("resourceId", resourceId);
    input.put("resourceState", resourceState.wireName());
    input.put("messageNumber", messageNumber);
    channelExpiration.ifPresent(expiry -> input.put("channelExpiration", expiry.toString()));
    return Map.copyOf(input);
  }
}
