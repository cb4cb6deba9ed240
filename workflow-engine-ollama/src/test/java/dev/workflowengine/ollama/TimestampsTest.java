package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-07-22T20:33:28.123648Z",
        "2023-08-04T08:52:19.385406455-07:00",
        "2025-05-04T17:37:44.706015396-07:00",
        "2025-10-14T11:02:31.4+05:30",
        "2024-02-29T23:59:59Z",
        "0001-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999999Z",
        "2000-03-01T00:00:00.1-00:00"
      })
  void readsWhatOffsetDateTimeReads(String text) {
    assertThat(Timestamps.parse(text)).contains(OffsetDateTime.parse(text).toInstant());
  }

  @Test
  void agreesWithOffsetDateTimeOnRandomInstants() {
    Random random = new Random(42);
    DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextInt(Integer.MAX_VALUE) * 2L - Integer.MAX_VALUE,
              random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(49) - 24) * 1800);
      String text = format.format(instant.atOffset(offset));
      assertThat(Timestamps.parse(text)).as(text).contains(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a time", "2024-02-30T00:00:00Z", "2024-07-22 20:33:28Z", ""})
  void anUnreadableTimestampIsAbsentNotAnError(String text) {
    assertThat(Timestamps.parse(text)).isEmpty();
  }
}
