package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The retry, rate-limit and circuit-breaker settings of a {@link GoogleWorkspace}, copied from its
 * builder (which validated them).
 *
 * @param maxRetries retries after the first attempt
 * @param baseDelay the first backoff delay
 * @param maxDelay the longest backoff delay, and the longest {@code Retry-After} honoured
 * @param rateLimitRequests calls a user may make per period
 * @param rateLimitPeriod the rate limit's period
 * @param rateLimitWait how long a call over the limit waits for a permit before it is refused
 * @param breakerFailureThreshold consecutive failed calls that open a service's circuit
 * @param breakerDelay how long an open circuit refuses calls before it lets a trial through
 */
record ResilienceSettings(
    int maxRetries,
    Duration baseDelay,
    Duration maxDelay,
    int rateLimitRequests,
    Duration rateLimitPeriod,
    Duration rateLimitWait,
    int breakerFailureThreshold,
    Duration breakerDelay) {

  private static final Duration A_DAY = Duration.ofDays(1);

  /** Checks a whole-number setting, naming it when it is out of range. */
  static int requireBetween(int value, int min, int max, String name) {
    if (value < min || value > max) {
      String range = max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
      throw new IllegalArgumentException(name + " must be " + range + " but was " + value);
    }
    return value;
  }

  /** Checks that a duration is set and longer than zero. */
  static Duration requirePositive(Duration duration, String name) {
    requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
    return duration;
  }

  /**
   * Checks a rate-limit duration: at most a day, so the limiter's arithmetic in nanoseconds cannot
   * overflow.
   */
  static Duration requireUpToADay(Duration duration, boolean zeroAllowed, String name) {
    requireNonNull(duration, name);
    if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
      throw new IllegalArgumentException(
          name
              + " must be "
              + (zeroAllowed ? "zero or more" : "positive")
              + " but was "
              + duration);
    }
    if (duration.compareTo(A_DAY) > 0) {
      throw new IllegalArgumentException(name + " must be at most a day but was " + duration);
    }
    return duration;
  }

  /** Checks the retry delays: both positive, the maximum at least the base. */
  static void requireOrdered(Duration base, Duration max) {
    requirePositive(base, "base");
    requirePositive(max, "max");
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "retryDelay max must be at least base (" + base + ") but was " + max);
    }
  }
}
