package dev.workflowengine.samples;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scripted calendar assistant's answer: the first free slot in the events the tool listed, the
 * way a model is asked to give it, with the arguments {@code google.calendar.create_event} would
 * take to book it.
 */
final class ScriptedProposal {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private ScriptedProposal() {}

  static String from(String toolResult, String title, Duration length, List<String> attendees) {
    if (toolResult.startsWith("Error:")) {
      // The agent hands a tool's failure back as text; a model would say it could not read.
      return "I could not read your calendar. " + toolResult;
    }
    FreeSlots week = FreeSlots.read(toolResult);
    return week.first(length)
        .map(slot -> proposal(slot, week.busy().size(), title, attendees))
        .orElseGet(
            () ->
                "Your calendar has no free "
                    + length.toMinutes()
                    + " minutes on a weekday between 09:00 and 17:00 from "
                    + week.from().toLocalDate()
                    + " to "
                    + week.to().toLocalDate().minusDays(1)
                    + ". Shall I look at the week after?");
  }

  private static long minutes(FreeSlots.Slot slot) {
    return Duration.between(slot.start(), slot.end()).toMinutes();
  }

  private static String proposal(
      FreeSlots.Slot slot, int events, String title, List<String> attendees) {
    String zone = slot.start().getZone().getId();
    return "Proposal: \""
        + title
        + "\" on "
        + DAY.format(slot.start())
        + " "
        + TIME.format(slot.start())
        + "-"
        + TIME.format(slot.end())
        + " ("
        + zone
        + ")"
        + (attendees.isEmpty() ? "" : " with " + String.join(", ", attendees))
        + ".\nThey are the first free "
        + minutes(slot)
        + " minutes on a weekday between 09:00 and 17:00: none of the "
        + events
        + " events listed overlaps. Only your calendar was read, not the attendees'.\n"
        + "google.calendar.create_event would book it with: {\"summary\": \""
        + title
        + "\", \"start\": \""
        + LOCAL.format(slot.start())
        + "\", \"end\": \""
        + LOCAL.format(slot.end())
        + "\", \"timeZone\": \""
        + zone
        + "\", \"attendees\": ["
        + attendees.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "))
        + "]}";
  }
}
