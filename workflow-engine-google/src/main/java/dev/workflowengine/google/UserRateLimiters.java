package dev.workflowengine.google;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Failsafe rate limiter per user, so one busy user cannot spend everyone's quota.
 *
 * <p>Bursty, not smooth: a user may make all of a period's calls at once, and the permits come back
 * at the start of the next period. Google counts its per-user quotas per minute, and an agent
 * typically makes a few calls in quick succession (list, then read, then write); a smooth limiter
 * of 100 a minute would space them 600 ms apart and, with no wait allowed, refuse the second one.
 *
 * <p>The map does not grow forever: a limiter unused for a whole period (plus the longest wait) has
 * all its permits back, so dropping it changes nothing; idle users are swept out at most once per
 * period. Thread-safe.
 */
final class UserRateLimiters {

  private final int requests;
  private final Duration period;
  private final Duration maxWait;
  private final long idleNanos;
  private final ConcurrentMap<String, UserLimiter> limiters = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep;

  /**
   * Limiters of {@code requests} calls per {@code period} for each user.
   *
   * @param maxWait how long a call over the limit waits for a permit; zero refuses it at once
   */
  UserRateLimiters(int requests, Duration period, Duration maxWait) {
    this.requests = requests;
    this.period = period;
    this.maxWait = maxWait;
    this.idleNanos = period.plus(maxWait).toNanos();
    this.nextSweep = new AtomicLong(System.nanoTime() + idleNanos);
  }

  /** The user's limiter, created on first use; marks the user active. */
  RateLimiter<Object> forUser(String userId) {
    long now = System.nanoTime();
    sweepIfDue(now);
    // compute() marks the user active atomically with the lookup, so a sweep never drops a
    // limiter between a caller getting it and using it.
    return limiters
        .compute(userId, (id, existing) -> existing == null ? newLimiter() : existing.used(now))
        .limiter();
  }

  /**
   * How long until the user's limiter hands out permits again: the start of its next period. A
   * bursty Failsafe limiter counts periods from its creation.
   */
  Duration untilNextPeriod(String userId) {
    UserLimiter limiter = limiters.get(userId);
    if (limiter == null) {
      return period;
    }
    long periodNanos = period.toNanos();
    long intoPeriod = Math.floorMod(System.nanoTime() - limiter.createdNanos(), periodNanos);
    long millis = (periodNanos - intoPeriod + 999_999) / 1_000_000;
    return Duration.ofMillis(Math.max(1, millis));
  }

  /** How many users have a limiter now; for tests of the sweep. */
  int size() {
    return limiters.size();
  }

  private UserLimiter newLimiter() {
    RateLimiter<Object> limiter =
        RateLimiter.burstyBuilder(requests, period).withMaxWaitTime(maxWait).build();
    // Read after build(), when the limiter's own stopwatch has started: our idea of where its
    // period ends is then never earlier than the limiter's, and a refused caller told to come back
    // then finds permits.
    long created = System.nanoTime();
    return new UserLimiter(limiter, created, new AtomicLong(created));
  }

  private void sweepIfDue(long now) {
    long due = nextSweep.get();
    if (now - due < 0 || !nextSweep.compareAndSet(due, now + idleNanos)) {
      return;
    }
    for (String userId : limiters.keySet()) {
      limiters.computeIfPresent(
          userId, (id, limiter) -> now - limiter.lastUsed().get() >= idleNanos ? null : limiter);
    }
  }

  /** A user's limiter, when it was made and when it was last asked for. */
  private record UserLimiter(RateLimiter<Object> limiter, long createdNanos, AtomicLong lastUsed) {

    UserLimiter used(long now) {
      lastUsed.set(now);
      return this;
    }
  }
}
