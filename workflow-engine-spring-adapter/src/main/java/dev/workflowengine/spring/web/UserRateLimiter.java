package dev.workflowengine.spring.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts each user's requests in fixed windows. A fixed window is cheap, needs one entry per active
 * user, and gives an exact Retry-After: the end of the current window. Windows that ended are
 * dropped as users come back or when the map is swept, so memory stays bounded by the users of one
 * period.
 */
final class UserRateLimiter {

  private static final int SWEEP_EVERY = 1024;

  private final int requests;
  private final Duration period;
  private final Clock clock;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private int calls;

  UserRateLimiter(int requests, Duration period, Clock clock) {
    this.requests = requests;
    this.period = period;
    this.clock = clock;
  }

  /**
   * Counts a request of the user.
   *
   * @return empty if it is allowed, else how long until the user may try again
   */
  Optional<Duration> acquire(String userId) {
    Instant now = clock.instant();
    sweepNow(now);
    Window window =
        windows.compute(
            userId,
            (user, current) ->
                current == null || !now.isBefore(current.end)
                    ? new Window(now.plus(period), 1)
                    : new Window(current.end, current.count + 1));
    if (window.count <= requests) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, window.end);
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  private void sweepNow(Instant now) {
    boolean sweep;
    synchronized (this) {
      sweep = ++calls % SWEEP_EVERY == 0;
    }
    if (sweep) {
      windows.values().removeIf(window -> !now.isBefore(window.end));
    }
  }

  private record Window(Instant end, int count) {}
}
