package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void readsDelaySecondsAndHttpDates() {
    assertThat(RetryDelays.parseRetryAfter("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryDelays.parseRetryAfter(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryDelays.parseRetryAfter("Sun, 01 Jun 2025 12:00:30 GMT", NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryDelays.parseRetryAfter("Sun, 01 Jun 2025 11:59:00 GMT", NOW))
        .contains(Duration.ZERO);
    assertThat(RetryDelays.parseRetryAfter("soon", NOW)).isEmpty();
    assertThat(RetryDelays.parseRetryAfter(null, NOW)).isEmpty();
  }

  @Test
  void backsOffExponentiallyUpToTheMaximumWithJitter() {
    RetryDelays low = new RetryDelays(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
    RetryDelays high = new RetryDelays(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);

    assertThat(low.next(Optional.empty(), 1)).isEqualTo(Duration.ofMillis(75));
    assertThat(high.next(Optional.empty(), 1)).isEqualTo(Duration.ofMillis(125));
    assertThat(low.next(Optional.empty(), 3)).isEqualTo(Duration.ofMillis(300));
    assertThat(low.next(Optional.empty(), 10)).isEqualTo(Duration.ofMillis(750));
    assertThat(high.next(Optional.empty(), 10)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterReplacesTheBackoffAndIsNeverShortened() {
    RetryDelays low = new RetryDelays(Duration.ofSeconds(10), Duration.ofSeconds(30), () -> 0.0);
    RetryDelays high = new RetryDelays(Duration.ofSeconds(10), Duration.ofSeconds(30), () -> 1.0);

    assertThat(low.next(Optional.of(Duration.ofSeconds(2)), 1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(high.next(Optional.of(Duration.ofSeconds(2)), 1)).isEqualTo(Duration.ofMillis(2200));
    assertThat(high.next(Optional.of(Duration.ZERO), 1)).isEqualTo(Duration.ZERO);
  }
}
