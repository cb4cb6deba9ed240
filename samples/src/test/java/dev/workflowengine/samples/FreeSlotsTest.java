package dev.workflowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The scripted assistant's reading of list_events answers (written as the tool writes them; the
 * sample's end-to-end test reads the tool's own) and its choice of a slot.
 */
class FreeSlotsTest {

  static final Duration HALF_HOUR = Duration.ofMinutes(30);

  @Test
  void aFullFridaySendsTheSlotPastTheWeekendToMonday() {
    FreeSlots week =
        FreeSlots.read(
            """
            Events from 2026-03-06 00:00 to 2026-03-10 00:00 (times in Europe/Berlin):
            - 2026-03-06 08:00-17:00 Workshop | id: w1
            - 2026-03-09 09:00-09:45 Standup | id: s1""");

    assertThat(week.first(HALF_HOUR).orElseThrow().start())
        .isEqualTo(ZonedDateTime.parse("2026-03-09T10:00+01:00[Europe/Berlin]"));
  }

  @Test
  void aListingCutShortProposesNothingAfterItsLastEvent() {
    FreeSlots week =
        FreeSlots.read(
            """
            Events from 2026-03-03 00:00 to 2026-03-10 00:00 (times in Europe/Berlin):
            - 2026-03-03 09:00-17:00 Conference | id: c1
            - 2026-03-04 09:00-12:00 Conference | id: c2
            There are more events in this window; ask for a shorter window or a larger max.""");

    assertThat(week.complete()).isFalse();
    assertThat(week.first(HALF_HOUR)).isEmpty();
  }

  @Test
  void aWeekWithoutEventsOffersItsFirstMorning() {
    FreeSlots week =
        FreeSlots.read(
            "No events from 2026-03-03 00:00 to 2026-03-10 00:00 (times in America/New_York).");

    assertThat(week.first(HALF_HOUR).orElseThrow())
        .isEqualTo(
            new FreeSlots.Slot(
                ZonedDateTime.parse("2026-03-03T09:00-05:00[America/New_York]"),
                ZonedDateTime.parse("2026-03-03T09:30-05:00[America/New_York]")));
  }

  @Test
  void aLineItCannotReadIsRefusedRatherThanTakenForFreeTime() {
    assertThatThrownBy(
            () ->
                FreeSlots.read(
                    """
                    Events from 2026-03-03 00:00 to 2026-03-10 00:00 (times in Europe/Berlin):
                    - tomorrow at ten Review | id: r1"""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read the event line: - tomorrow at ten Review | id: r1");
  }
}
