package dev.workflowengine.ollama;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads Ollama's RFC 3339 timestamps ({@code 2024-07-22T20:33:28.123648Z} or with an offset such as
 * {@code -07:00}) straight from the parser's characters. Every chunk of a stream carries one, and
 * {@code OffsetDateTime.parse} allocates about a kilobyte per call; this allocates only the {@code
 * Instant}. Anything it does not recognise goes to {@code OffsetDateTime.parse}, and a timestamp
 * nothing can read is treated as absent: an odd clock must not break an answer.
 */
final class Timestamps {

  private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private Timestamps() {}

  static Optional<Instant> parse(String text) {
    return text == null ? Optional.empty() : parse(text.toCharArray(), 0, text.length());
  }

  static Optional<Instant> parse(char[] chars, int offset, int length) {
    Instant fast = fastParse(chars, offset, length);
    if (fast != null) {
      return Optional.of(fast);
    }
    try {
      return Optional.of(OffsetDateTime.parse(new String(chars, offset, length)).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Returns {@code null} when the text is not in the common shape. */
  private static Instant fastParse(char[] c, int o, int length) {
    if (length < 20
        || c[o + 4] != '-'
        || c[o + 7] != '-'
        || (c[o + 10] != 'T' && c[o + 10] != 't')
        || c[o + 13] != ':'
        || c[o + 16] != ':') {
      return null;
    }
    int year = digits(c, o, 4);
    int month = digits(c, o + 5, 2);
    int day = digits(c, o + 8, 2);
    int hour = digits(c, o + 11, 2);
    int minute = digits(c, o + 14, 2);
    int second = digits(c, o + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
      return null;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int i = o + 19;
    int end = o + length;
    long nanos = 0;
    if (c[i] == '.') {
      int fractionStart = ++i;
      while (i < end && c[i] >= '0' && c[i] <= '9') {
        if (i - fractionStart < 9) {
          nanos = nanos * 10 + (c[i] - '0');
        }
        i++;
      }
      int fractionDigits = Math.min(i - fractionStart, 9);
      if (fractionDigits == 0) {
        return null;
      }
      for (int pad = fractionDigits; pad < 9; pad++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offset(c, i, end);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return null;
    }
    long epochSecond =
        daysFromCivil(year, month, day) * 86_400L
            + hour * 3_600L
            + minute * 60L
            + second
            - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** {@code Z}, or {@code ±hh:mm}; {@link Integer#MIN_VALUE} for anything else. */
  private static int offset(char[] c, int i, int end) {
    if (end - i == 1 && (c[i] == 'Z' || c[i] == 'z')) {
      return 0;
    }
    if (end - i != 6 || (c[i] != '+' && c[i] != '-') || c[i + 3] != ':') {
      return Integer.MIN_VALUE;
    }
    int hours = digits(c, i + 1, 2);
    int minutes = digits(c, i + 4, 2);
    if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3_600 + minutes * 60;
    return c[i] == '-' ? -seconds : seconds;
  }

  private static int digits(char[] c, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      if (c[i] < '0' || c[i] > '9') {
        return -1;
      }
      value = value * 10 + (c[i] - '0');
    }
    return value;
  }

  private static int daysIn(int year, int month) {
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return DAYS_IN_MONTH[month - 1];
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
  private static long daysFromCivil(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
