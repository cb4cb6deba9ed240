package dev.workflowengine.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/** Checks and arithmetic on durations that saturate instead of overflowing. */
final class Durations {

  private Durations() {}

  /** The duration in nanoseconds, or Long.MAX_VALUE for anything longer than about 292 years. */
  static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** The instant plus the duration, or Instant.MAX if that is beyond it. */
  static Instant saturatedPlus(Instant instant, Duration duration) {
    try {
      return instant.plus(duration);
    } catch (ArithmeticException | DateTimeException tooLate) {
      return Instant.MAX;
    }
  }

  static void requirePositive(Duration duration, String name) {
    requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
  }

  static void requireNotNegative(Duration duration, String name) {
    requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative but was " + duration);
    }
  }
}
