package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Secrets.quote;

import dev.workflowengine.google.push.PushVerificationException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies Calendar notifications. Google signs nothing, so a notification is genuine when its
 * channel is registered, its token matches the registered one and its resource id too; it is new
 * when its message number is above the last one accepted on the channel.
 *
 * <p>Checking and recording are two steps so that the handler can start workflows in between and
 * record only when that succeeded: a notification whose start failed is then accepted again when
 * Google retries it, and the idempotency key keeps the starts that did succeed from repeating.
 */
final class CalendarNotifications {

  static final String CHANNEL_ID = "X-Goog-Channel-ID";
  static final String CHANNEL_TOKEN = "X-Goog-Channel-Token";
  static final String RESOURCE_ID = "X-Goog-Resource-ID";
  static final String RESOURCE_STATE = "X-Goog-Resource-State";
  static final String MESSAGE_NUMBER = "X-Goog-Message-Number";

  /** The headers of one notification, read but not verified. */
  private record Headers(
      String channelId,
      Optional<String> token,
      String resourceId,
      CalendarResourceState state,
      long messageNumber) {}

  private final CalendarChannels channels;
  private final Clock clock;

  CalendarNotifications(CalendarChannels channels, Clock clock) {
    this.channels = channels;
    this.clock = clock;
  }

  /**
   * Verifies a notification without recording it.
   *
   * @throws PushVerificationException if it is malformed, not from a registered channel, expired or
   *     not newer than the last accepted
   */
  CalendarChange check(Function<String, Optional<String>> lookup) {
    Headers headers = read(lookup);
    CalendarChannel channel = authenticate(headers);
    Instant now = clock.instant();
    if (channel.expiration().filter(expiry -> !now.isBefore(expiry)).isPresent()) {
      throw new PushVerificationException(
          Reason.EXPIRED,
          "calendar channel "
              + quote(headers.channelId())
              + " expired at "
              + channel.expiration().get()
              + "; create a new watch to keep receiving notifications");
    }
    long last = channels.lastMessageNumber(headers.channelId());
    if (headers.messageNumber() <= last) {
      throw replay(headers.channelId(), headers.messageNumber(), last);
    }
    return new CalendarChange(
        channel.userId(),
        channel.channelId(),
        channel.calendarId(),
        headers.resourceId(),
        headers.state(),
        headers.messageNumber(),
        channel.expiration());
  }

  /** Records the change as handled; {@code false} if a concurrent delivery recorded it first. */
  boolean record(CalendarChange change) {
    return channels.advance(change.channelId(), change.messageNumber());
  }

  private CalendarChannel authenticate(Headers headers) {
    Optional<CalendarChannel> found = channels.find(headers.channelId());
    if (found.isEmpty()) {
      throw unknownChannel(headers.channelId(), "is registered");
    }
    CalendarChannel channel = found.get();
    // the token is checked before anything else about the channel is revealed
    if (headers.token().filter(token -> Secrets.matches(channel.token(), token)).isEmpty()) {
      throw new PushVerificationException(
          Reason.BAD_TOKEN,
          "the "
              + CHANNEL_TOKEN
              + " header of a notification on calendar channel "
              + quote(headers.channelId())
              + (headers.token().isEmpty() ? " is missing" : " does not match the channel's token")
              + "; register each channel with the token its watch request sent");
    }
    if (channel.resourceId().filter(id -> !id.equals(headers.resourceId())).isPresent()) {
      throw unknownChannel(
          headers.channelId(), "is registered for resource " + quote(headers.resourceId()));
    }
    return channel;
  }

  private static Headers read(Function<String, Optional<String>> lookup) {
    String channelId = required(lookup, CHANNEL_ID);
    String resourceId = required(lookup, RESOURCE_ID);
    String stateName = required(lookup, RESOURCE_STATE);
    CalendarResourceState state =
        CalendarResourceState.fromWire(stateName)
            .orElseThrow(
                () ->
                    malformed(
                        RESOURCE_STATE
                            + " is "
                            + quote(stateName)
                            + "; Google sends sync, exists or not_exists"));
    String number = required(lookup, MESSAGE_NUMBER);
    long messageNumber = parsePositive(number);
    return new Headers(channelId, header(lookup, CHANNEL_TOKEN), resourceId, state, messageNumber);
  }

  private static long parsePositive(String number) {
    try {
      long parsed = Long.parseLong(number);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the other bad values
    }
    throw malformed(MESSAGE_NUMBER + " is " + quote(number) + ", not a positive whole number");
  }

  private static String required(Function<String, Optional<String>> lookup, String name) {
    return header(lookup, name)
        .orElseThrow(
            () ->
                malformed(
                    "the "
                        + name
                        + " header is missing; pass every X-Goog-* header of the request"));
  }

  private static Optional<String> header(Function<String, Optional<String>> lookup, String name) {
    Optional<String> value = Objects.requireNonNullElse(lookup.apply(name), Optional.empty());
    return value.map(String::strip).filter(text -> !text.isEmpty());
  }

  private static PushVerificationException malformed(String what) {
    return new PushVerificationException(Reason.MALFORMED, "not a Calendar notification: " + what);
  }

  private static PushVerificationException unknownChannel(String channelId, String what) {
    return new PushVerificationException(
        Reason.UNKNOWN_CHANNEL,
        "no calendar channel "
            + quote(channelId)
            + " "
            + what
            + "; register each channel in CalendarChannels when its watch is created");
  }

  private static PushVerificationException replay(String channelId, long number, long last) {
    return new PushVerificationException(
        Reason.REPLAY,
        "message "
            + number
            + " on calendar channel "
            + quote(channelId)
            + " is not newer than message "
            + last
            + ", already accepted; it was handled before, so acknowledge it");
  }
}
