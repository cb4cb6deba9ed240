package dev.workflowengine.google.calendar;

import static dev.workflowengine.google.calendar.CalendarTestSupport.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The records and builders refuse what Google would refuse, with messages naming the argument. */
class CalendarValuesTest {

  static final ZonedDateTime TEN = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, BERLIN);

  @Test
  void anEventTimeIsEitherADateTimeOrADate() {
    assertThat(EventTime.at(TEN))
        .isEqualTo(
            new EventTime(
                Optional.of(Instant.parse("2026-03-02T09:00:00Z")),
                Optional.empty(),
                Optional.of("Europe/Berlin")));
    assertThat(EventTime.at(TEN.withZoneSameInstant(ZoneOffset.ofHours(1))).timeZone())
        .as("a bare offset is no IANA zone")
        .isEmpty();
    assertThat(EventTime.allDay(LocalDate.of(2026, 3, 2)).isAllDay()).isTrue();
    assertThatThrownBy(() -> new EventTime(Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither");
    assertThatThrownBy(
            () ->
                new EventTime(
                    Optional.of(Instant.EPOCH), Optional.of(LocalDate.EPOCH), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both");
  }

  @Test
  void aQueryChecksItsPageSizeWindowAndCalendar() {
    EventQuery defaults = EventQuery.builder().build();
    assertThat(defaults)
        .isEqualTo(
            new EventQuery(
                "primary",
                Optional.empty(),
                Optional.empty(),
                250,
                Optional.empty(),
                Optional.empty()));
    assertThatThrownBy(() -> EventQuery.builder().pageSize(2501))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be between 1 and 2500 but was 2501");
    assertThatThrownBy(() -> EventQuery.builder().pageSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventQuery.builder().calendarId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calendarId");
    assertThatThrownBy(
            () ->
                EventQuery.builder()
                    .timeMin(Instant.parse("2026-03-02T10:00:00Z"))
                    .timeMax(Instant.parse("2026-03-02T10:00:00Z"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeMax (2026-03-02T10:00:00Z) must be after timeMin (2026-03-02T10:00:00Z)");
  }

  @Test
  void aQueryWithOnlyAnEndBeforeNowFailsWhenItIsRead() {
    EventQuery past = EventQuery.builder().timeMax(Instant.parse("2026-01-01T00:00:00Z")).build();

    assertThatThrownBy(() -> past.fixedAt(Instant.parse("2026-03-02T08:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set timeMin");
    assertThat(EventQuery.builder().build().fixedAt(Instant.EPOCH).timeMax())
        .contains(Instant.EPOCH.plus(EventQuery.DEFAULT_WINDOW));
  }

  @Test
  void aNewEventNeedsATimeThatEndsAfterItStarts() {
    assertThatThrownBy(() -> NewEvent.builder("Lunch").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("time(...) or allDay(...)");
    assertThatThrownBy(() -> NewEvent.builder("Lunch").time(TEN, TEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("end must be after start");
    assertThatThrownBy(
            () ->
                NewEvent.builder("Trip").allDay(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exclusive");
    assertThatThrownBy(
            () ->
                new NewEvent(
                    "primary",
                    "Mixed",
                    EventTime.at(TEN),
                    EventTime.allDay(LocalDate.of(2026, 3, 3)),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    SendUpdates.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both be timed or both be all-day");
  }

  @Test
  void aNewEventRefusesBlankTitlesAndAddressesThatAreNoEmail() {
    assertThatThrownBy(() -> NewEvent.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("summary must not be blank");
    assertThatThrownBy(() -> NewEvent.builder("Lunch").attendees(List.of("alan")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attendee 'alan' is not an e-mail address such as ada@example.com");
    NewEvent oneDay = NewEvent.builder("Holiday").allDay(LocalDate.of(2026, 12, 25)).build();
    assertThat(oneDay.end()).isEqualTo(EventTime.allDay(LocalDate.of(2026, 12, 26)));
    assertThat(oneDay.calendarId()).isEqualTo("primary");
    assertThat(oneDay.sendUpdates()).isEqualTo(SendUpdates.NONE);
  }
}
