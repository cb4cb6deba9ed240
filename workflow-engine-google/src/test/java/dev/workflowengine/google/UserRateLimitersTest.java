package dev.workflowengine.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-user limiters: separate, bursty, and dropped once idle so the map stays small. */
class UserRateLimitersTest {

  @Test
  void eachUserHasTheirOwnBurstyLimiter() {
    UserRateLimiters limiters = new UserRateLimiters(3, Duration.ofMinutes(1), Duration.ZERO);

    for (int i = 0; i < 3; i++) {
      assertThat(limiters.forUser("alice").tryAcquirePermit()).isTrue();
    }

    assertThat(limiters.forUser("alice").tryAcquirePermit()).isFalse();
    assertThat(limiters.forUser("bob").tryAcquirePermit()).isTrue();
    assertThat(limiters.forUser("alice")).isSameAs(limiters.forUser("alice"));
  }

  @Test
  void theNextPeriodStartsWithinAPeriod() {
    UserRateLimiters limiters = new UserRateLimiters(1, Duration.ofMinutes(1), Duration.ZERO);
    limiters.forUser("alice").tryAcquirePermit();

    assertThat(limiters.untilNextPeriod("alice"))
        .isGreaterThan(Duration.ofSeconds(50))
        .isLessThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(limiters.untilNextPeriod("nobody")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void usersIdleForAWholePeriodAreDropped() {
    UserRateLimiters limiters = new UserRateLimiters(1, Duration.ofMillis(50), Duration.ZERO);
    limiters.forUser("alice");
    limiters.forUser("bob");
    assertThat(limiters.size()).isEqualTo(2);

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              limiters.forUser("carol");
              return limiters.size() == 1;
            });
  }

  @Test
  void activeUsersAreKept() {
    UserRateLimiters limiters = new UserRateLimiters(1, Duration.ofMinutes(1), Duration.ZERO);

    limiters.forUser("alice");
    limiters.forUser("bob");
    limiters.forUser("carol");

    assertThat(limiters.size()).isEqualTo(3);
  }
}
