package dev.workflowengine.samples;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The busy times in what {@code google.calendar.list_events} answered, read back from its text, and
 * the first free slot in them. The scripted assistant proposes what this finds, so its proposal
 * comes from the events it was given, as a model's should.
 *
 * @param from the listed window's start
 * @param to the listed window's end
 * @param busy the events, all-day ones as whole days
 * @param complete whether every event of the window was listed
 */
record FreeSlots(ZonedDateTime from, ZonedDateTime to, List<Slot> busy, boolean complete) {

  static final LocalTime DAY_START = LocalTime.of(9, 0);
  static final LocalTime DAY_END = LocalTime.of(17, 0);

  private static final Duration STEP = Duration.ofMinutes(30);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String TIME = "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})";
  private static final Pattern HEADER =
      Pattern.compile(
          "^(?:No events|Events) from " + TIME + " to " + TIME + " \\(times in (.+?)\\)");
  private static final Pattern SAME_DAY =
      Pattern.compile("^- (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2})-(\\d{2}:\\d{2}) ");
  private static final Pattern OVERNIGHT = Pattern.compile("^- " + TIME + " to " + TIME + " ");
  private static final Pattern ALL_DAY =
      Pattern.compile("^- (\\d{4}-\\d{2}-\\d{2})(?: to (\\d{4}-\\d{2}-\\d{2}))? \\(all day\\)");

  /**
   * A time span, its end exclusive.
   *
   * @param start when it starts
   * @param end when it ends
   */
  record Slot(ZonedDateTime start, ZonedDateTime end) {
    boolean overlaps(Slot other) {
      return start.isBefore(other.end) && other.start.isBefore(end);
    }
  }

  /**
   * Reads a listing.
   *
   * @throws IllegalArgumentException on a line it cannot read, rather than miss a busy time
   */
  static FreeSlots read(String listing) {
    List<String> lines = listing.lines().toList();
    Matcher header = HEADER.matcher(lines.isEmpty() ? "" : lines.get(0));
    if (!header.find()) {
      throw new IllegalArgumentException("not an event listing: " + listing);
    }
    ZoneId zone = ZoneId.of(header.group(3));
    List<Slot> busy = new ArrayList<>();
    boolean complete = true;
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("There are more events")) {
        complete = false;
      } else {
        busy.add(event(line, zone));
      }
    }
    return new FreeSlots(at(header.group(1), zone), at(header.group(2), zone), busy, complete);
  }

  /** The earliest slot of this length on the half hour, Monday to Friday, 09:00 to 17:00. */
  Optional<Slot> first(Duration length) {
    // Events after the last one listed are unknown when the listing was cut short.
    ZonedDateTime end = complete || busy.isEmpty() ? to : busy.get(busy.size() - 1).start();
    for (LocalDate day = from.toLocalDate();
        !day.isAfter(end.toLocalDate());
        day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      ZonedDateTime closing = day.atTime(DAY_END).atZone(from.getZone());
      for (ZonedDateTime start = day.atTime(DAY_START).atZone(from.getZone());
          !start.plus(length).isAfter(closing);
          start = start.plus(STEP)) {
        Slot slot = new Slot(start, start.plus(length));
        if (!start.isBefore(from)
            && !slot.end().isAfter(end)
            && busy.stream().noneMatch(slot::overlaps)) {
          return Optional.of(slot);
        }
      }
    }
    return Optional.empty();
  }

  private static Slot event(String line, ZoneId zone) {
    Matcher sameDay = SAME_DAY.matcher(line);
    if (sameDay.find()) {
      String day = sameDay.group(1);
      return new Slot(
          at(day + " " + sameDay.group(2), zone), at(day + " " + sameDay.group(3), zone));
    }
    Matcher overnight = OVERNIGHT.matcher(line);
    if (overnight.find()) {
      return new Slot(at(overnight.group(1), zone), at(overnight.group(2), zone));
    }
    Matcher allDay = ALL_DAY.matcher(line);
    if (allDay.find()) {
      LocalDate first = LocalDate.parse(allDay.group(1));
      LocalDate last = allDay.group(2) == null ? first : LocalDate.parse(allDay.group(2));
      return new Slot(first.atStartOfDay(zone), last.plusDays(1).atStartOfDay(zone));
    }
    throw new IllegalArgumentException("cannot read the event line: " + line);
  }

  private static ZonedDateTime at(String minutes, ZoneId zone) {
    return LocalDateTime.parse(minutes, MINUTES).atZone(zone);
  }
}
