package dev.workflowengine.google;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt of a Google request. A {@code Retry-After} from Google
 * wins over the backoff (it knows when it will have room), plus up to 10% so that callers told the
 * same time do not return in step, and never less than asked. Without one: Google's truncated
 * exponential backoff, doubling from the base delay, capped at the maximum, varied by ±25% (never
 * above the maximum) so that many clients failing together spread out.
 *
 * <p>The computation is ours, not Failsafe's backoff and jitter, because Failsafe's jitter would
 * also shorten a {@code Retry-After}.
 */
final class RetryDelays {

  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  /**
   * Delays between two bounds.
   *
   * @param base the first backoff delay
   * @param max the longest backoff delay
   * @param random numbers in {@code [0, 1)}, for jitter
   */
  RetryDelays(Duration base, Duration max, DoubleSupplier random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /**
   * The wait after a failed attempt.
   *
   * @param retryAfter what Google asked for, if anything
   * @param attempts attempts made so far, at least 1
   */
  Duration next(Optional<Duration> retryAfter, int attempts) {
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      return asked.plusNanos((long) (asked.toNanos() * 0.1 * random.getAsDouble()));
    }
    double exponential = base.toNanos() * Math.pow(2, Math.max(0, attempts - 1));
    double capped = Math.min(exponential, max.toNanos());
    double jittered = capped * (0.75 + 0.5 * random.getAsDouble());
    return Duration.ofNanos((long) Math.min(jittered, max.toNanos()));
  }

  /** Whether Google asked for a longer wait than this policy is willing to make. */
  boolean tooLong(Optional<Duration> retryAfter) {
    return retryAfter.map(asked -> asked.compareTo(max) > 0).orElse(false);
  }

  /**
   * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110).
   *
   * @param header the header's value, or {@code null}
   * @param now the current time, for dates
   * @return the wait, absent when there is no header or it is unreadable
   */
  static Optional<Duration> parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        // More digits than a long holds: "a very long time" is still what was asked.
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
      }
    }
    try {
      Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, date);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
