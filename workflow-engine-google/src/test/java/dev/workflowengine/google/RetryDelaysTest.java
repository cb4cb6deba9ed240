package dev.workflowengine.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wait before the next attempt: Google's {@code Retry-After}, else backoff with jitter. */
class RetryDelaysTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.999})
  void aRetryAfterIsNeverShortenedAndLengthenedByAtMostATenth(double random) {
    RetryDelays delays =
        new RetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(32), () -> random);

    Duration wait = delays.next(Optional.of(Duration.ofSeconds(7)), 1);

    assertThat(wait).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700));
  }

  @Test
  void withoutRetryAfterTheBackoffDoublesUpToTheMaximum() {
    RetryDelays delays = new RetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(32), () -> 0.5);

    assertThat(delays.next(Optional.empty(), 1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(delays.next(Optional.empty(), 2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(delays.next(Optional.empty(), 3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(delays.next(Optional.empty(), 6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(delays.next(Optional.empty(), 60)).isEqualTo(Duration.ofSeconds(32));
  }

  @Test
  void jitterVariesTheBackoffByAQuarterButNeverBeyondTheMaximum() {
    Duration base = Duration.ofSeconds(4);
    RetryDelays low = new RetryDelays(base, Duration.ofSeconds(32), () -> 0.0);
    RetryDelays high = new RetryDelays(base, Duration.ofSeconds(32), () -> 0.999_999);

    assertThat(low.next(Optional.empty(), 1)).isEqualTo(Duration.ofSeconds(3));
    assertThat(high.next(Optional.empty(), 1))
        .isBetween(Duration.ofMillis(4999), base.plusSeconds(1));
    assertThat(high.next(Optional.empty(), 10)).isEqualTo(Duration.ofSeconds(32));
  }

  @Test
  void aRetryAfterLongerThanTheMaximumIsTooLong() {
    RetryDelays delays = new RetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(32), () -> 0.5);

    assertThat(delays.tooLong(Optional.of(Duration.ofSeconds(33)))).isTrue();
    assertThat(delays.tooLong(Optional.of(Duration.ofSeconds(32)))).isFalse();
    assertThat(delays.tooLong(Optional.empty())).isFalse();
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    String inNinetySeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
    String past =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(5).atZone(ZoneOffset.UTC));

    assertThat(RetryDelays.parseRetryAfter("30", NOW)).contains(Duration.ofSeconds(30));
    assertThat(RetryDelays.parseRetryAfter(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryDelays.parseRetryAfter(inNinetySeconds, NOW)).contains(Duration.ofSeconds(90));
    assertThat(RetryDelays.parseRetryAfter(past, NOW)).contains(Duration.ZERO);
    assertThat(RetryDelays.parseRetryAfter("99999999999999999999999", NOW))
        .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365)));
  }

  @Test
  void aMissingOrUnreadableRetryAfterIsAbsent() {
    assertThat(RetryDelays.parseRetryAfter(null, NOW)).isEmpty();
    assertThat(RetryDelays.parseRetryAfter("  ", NOW)).isEmpty();
    assertThat(RetryDelays.parseRetryAfter("soon", NOW)).isEmpty();
    assertThat(RetryDelays.parseRetryAfter("-5", NOW)).isEmpty();
  }
}
