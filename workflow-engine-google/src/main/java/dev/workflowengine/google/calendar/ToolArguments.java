package dev.workflowengine.google.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the arguments a model passes to {@link CalendarTools}: leniently where the meaning is
 * clear, refusing with a message the model can act on where it is not. Models write times in many
 * ISO-like ways; each refusal names the argument and shows forms that work.
 */
final class ToolArguments {

  /** "2026-03-02 10:00": a space where ISO-8601 wants a 'T', as people and models often write. */
  private static final Pattern SPACED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");

  private ToolArguments() {}

  /**
   * A date-time ({@link ZonedDateTime}; without an offset read in {@code zone}) or a date ({@link
   * LocalDate}).
   */
  static Temporal time(String name, String text, ZoneId zone) {
    String value = SPACED.matcher(text.strip()).replaceFirst("$1T$2");
    try {
      return ZonedDateTime.parse(value);
    } catch (DateTimeParseException notZoned) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(value).atZone(zone);
    } catch (DateTimeParseException notLocal) {
      // try the next form
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException notDate) {
      throw new IllegalArgumentException(
          name
              + " '"
              + text
              + "' is not an ISO-8601 date-time or date; write it like 2026-03-02T10:00:00+01:00,"
              + " 2026-03-02T10:00 (read in "
              + zone.getId()
              + ") or 2026-03-02");
    }
  }

  /** An optional argument: absent when null or blank. */
  static Optional<String> optional(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A required argument. */
  static String required(String name, String value) {
    return optional(value)
        .orElseThrow(() -> new IllegalArgumentException(name + " is required and was empty"));
  }

  /** An IANA zone id, or the default when none is given. */
  static ZoneId zone(String timeZone, ZoneId defaultZone) {
    Optional<String> id = optional(timeZone);
    if (id.isEmpty()) {
      return defaultZone;
    }
    try {
      return ZoneId.of(id.get());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "timeZone '"
              + timeZone
              + "' is not an IANA time zone; write it like Europe/Berlin or America/New_York");
    }
  }

  /** E-mail addresses, each element possibly holding several separated by commas or spaces. */
  static List<String> emails(List<String> values) {
    List<String> emails = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String email : value == null ? new String[0] : value.split("[,;\\s]+")) {
          if (!email.isBlank()) {
            emails.add(email);
          }
        }
      }
    }
    return emails;
  }

  /** A count between 1 and {@code most}, or the default when none is given. */
  static int count(String name, Integer value, int defaultValue, int most) {
    if (value == null) {
      return defaultValue;
    }
    if (value < 1 || value > most) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + most + " but was " + value);
    }
    return value;
  }
}
