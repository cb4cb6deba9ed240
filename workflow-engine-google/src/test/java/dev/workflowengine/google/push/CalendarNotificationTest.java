package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.PushFixtures.CALENDAR_ID;
import static dev.workflowengine.google.push.PushFixtures.CHANNEL_ID;
import static dev.workflowengine.google.push.PushFixtures.CLOCK;
import static dev.workflowengine.google.push.PushFixtures.EXPIRATION;
import static dev.workflowengine.google.push.PushFixtures.RESOURCE_ID;
import static dev.workflowengine.google.push.PushFixtures.TOKEN;
import static dev.workflowengine.google.push.PushFixtures.USER;
import static dev.workflowengine.google.push.PushFixtures.calendarHeaders;
import static dev.workflowengine.google.push.PushFixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.google.push.PushVerificationException.Reason;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verifying Calendar channel notifications: what is accepted, and why the rest is refused. */
class CalendarNotificationTest {

  private final CalendarChannels channels = new InMemoryCalendarChannels();
  private final List<CalendarChange> changes = new CopyOnWriteArrayList<>();
  private GooglePushHandler handler = handlerAt(CLOCK);

  @BeforeEach
  void registerChannel() {
    channels.register(channel());
  }

  private GooglePushHandler handlerAt(Clock clock) {
    return GooglePushHandler.builder()
        .calendarChannels(channels)
        .clock(clock)
        .onCalendarChange(changes::add)
        .build();
  }

  @Test
  void aNotificationWithTheRegisteredTokenBecomesAChangeOfTheChannelsUser() {
    PushReceipt receipt = handler.handleCalendar(calendarHeaders("exists", 7));

    assertThat(receipt).isEqualTo(new PushReceipt(USER, true, List.of()));
    assertThat(changes)
        .containsExactly(
            new CalendarChange(
                USER,
                CHANNEL_ID,
                CALENDAR_ID,
                RESOURCE_ID,
                CalendarResourceState.EXISTS,
                7,
                Optional.of(EXPIRATION)));
    assertThat(channels.lastMessageNumber(CHANNEL_ID)).isEqualTo(7);
  }

  @Test
  void headerNamesAreLookedUpWithoutRegardToCase() {
    Map<String, String> lowerCase = new HashMap<>();
    calendarHeaders("not_exists", 2)
        .forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));

    handler.handleCalendar(lowerCase);

    assertThat(changes)
        .singleElement()
        .extracting(CalendarChange::resourceState)
        .isEqualTo(CalendarResourceState.NOT_EXISTS);
  }

  @Test
  void theSyncMessageIsAcceptedButIsNotAChange() {
    PushReceipt sync = handler.handleCalendar(calendarHeaders("sync", 1));

    assertThat(sync).isEqualTo(new PushReceipt(USER, false, List.of()));
    assertThat(changes).isEmpty();
    assertThat(channels.lastMessageNumber(CHANNEL_ID)).isEqualTo(1);
    assertRefused(() -> handler.handleCalendar(calendarHeaders("sync", 1)), Reason.REPLAY);
    handler.handleCalendar(calendarHeaders("exists", 2));
    assertThat(changes).extracting(CalendarChange::messageNumber).containsExactly(2L);
  }

  @Test
  void aWrongTokenIsRefusedWithoutRevealingEitherToken() {
    Map<String, String> headers = calendarHeaders("exists", 3);
    headers.put("X-Goog-Channel-Token", "forged-token-0000");

    PushVerificationException refused =
        assertRefused(() -> handler.handleCalendar(headers), Reason.BAD_TOKEN);

    assertThat(refused.getMessage())
        .contains(CHANNEL_ID)
        .doesNotContain(TOKEN)
        .doesNotContain("forged-token-0000");
    assertThat(changes).isEmpty();
    assertThat(channels.lastMessageNumber(CHANNEL_ID)).isZero();
  }

  @Test
  void aTokenThatOnlyStartsLikeTheRightOneIsRefused() {
    Map<String, String> headers = calendarHeaders("exists", 3);
    headers.put("X-Goog-Channel-Token", TOKEN + "x");

    assertRefused(() -> handler.handleCalendar(headers), Reason.BAD_TOKEN);
  }

  @Test
  void aMissingTokenIsRefusedAsABadToken() {
    Map<String, String> headers = calendarHeaders("exists", 3);
    headers.remove("X-Goog-Channel-Token");

    assertThat(assertRefused(() -> handler.handleCalendar(headers), Reason.BAD_TOKEN))
        .hasMessageContaining("is missing");
  }

  @Test
  void anUnknownChannelIsRefused() {
    Map<String, String> headers = calendarHeaders("exists", 3);
    headers.put("X-Goog-Channel-ID", "never-registered");

    assertThat(assertRefused(() -> handler.handleCalendar(headers), Reason.UNKNOWN_CHANNEL))
        .hasMessageContaining("'never-registered'")
        .hasMessageContaining("CalendarChannels");
  }

  @Test
  void aRemovedChannelIsUnknown() {
    channels.remove(CHANNEL_ID);

    assertRefused(
        () -> handler.handleCalendar(calendarHeaders("exists", 3)), Reason.UNKNOWN_CHANNEL);
  }

  @Test
  void aNotificationForAnotherResourceThanTheRegisteredOneIsRefused() {
    Map<String, String> headers = calendarHeaders("exists", 3);
    headers.put("X-Goog-Resource-ID", "another-resource");

    assertThat(assertRefused(() -> handler.handleCalendar(headers), Reason.UNKNOWN_CHANNEL))
        .hasMessageContaining("'another-resource'");
  }

  @Test
  void aReplayedOrOlderMessageIsRefused() {
    handler.handleCalendar(calendarHeaders("exists", 5));

    assertThat(
            assertRefused(
                () -> handler.handleCalendar(calendarHeaders("exists", 5)), Reason.REPLAY))
        .hasMessageContaining("message 5")
        .hasMessageContaining("acknowledge");
    assertRefused(() -> handler.handleCalendar(calendarHeaders("exists", 4)), Reason.REPLAY);
    assertThat(changes).hasSize(1);
    handler.handleCalendar(calendarHeaders("exists", 9));
    assertThat(changes).extracting(CalendarChange::messageNumber).containsExactly(5L, 9L);
  }

  @Test
  void aNotificationOnAnExpiredChannelIsRefused() {
    handler = handlerAt(Clock.fixed(EXPIRATION, ZoneOffset.UTC));

    assertThat(
            assertRefused(
                () -> handler.handleCalendar(calendarHeaders("exists", 2)), Reason.EXPIRED))
        .hasMessageContaining(EXPIRATION.toString())
        .hasMessageContaining("new watch");
    assertThat(changes).isEmpty();
  }

  @Test
  void aChannelWithoutExpirationOrResourceIdAcceptsAnyResource() {
    channels.register(CalendarChannel.of(USER, CHANNEL_ID, TOKEN, CALENDAR_ID));
    Map<String, String> headers = calendarHeaders("exists", 2);
    headers.put("X-Goog-Resource-ID", "whatever-google-says");

    handler.handleCalendar(headers);

    assertThat(changes)
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.resourceId()).isEqualTo("whatever-google-says");
              assertThat(change.channelExpiration()).isEmpty();
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "X-Goog-Channel-ID",
        "X-Goog-Resource-ID",
        "X-Goog-Resource-State",
        "X-Goog-Message-Number"
      })
  void aNotificationWithoutARequiredHeaderIsMalformed(String header) {
    Map<String, String> headers = calendarHeaders("exists", 2);
    headers.remove(header);

    assertThat(assertRefused(() -> handler.handleCalendar(headers), Reason.MALFORMED))
        .hasMessageContaining(header);
  }

  @ParameterizedTest
  @ValueSource(strings = {"seven", "0", "-3", "1.5", "99999999999999999999"})
  void aMessageNumberThatIsNotAPositiveWholeNumberIsMalformed(String number) {
    Map<String, String> headers = calendarHeaders("exists", 2);
    headers.put("X-Goog-Message-Number", number);

    assertThat(assertRefused(() -> handler.handleCalendar(headers), Reason.MALFORMED))
        .hasMessageContaining("X-Goog-Message-Number");
  }

  @Test
  void anUnknownResourceStateIsMalformedAndQuotedSafely() {
    Map<String, String> headers = calendarHeaders("exists\nFAKE LOG LINE", 2);

    assertThat(assertRefused(() -> handler.handleCalendar(headers), Reason.MALFORMED))
        .hasMessageContaining("'exists?FAKE LOG LINE'")
        .hasMessageContaining("sync, exists or not_exists");
  }

  @Test
  void aBlankHeaderCountsAsMissing() {
    Map<String, String> headers = calendarHeaders("exists", 2);
    headers.put("X-Goog-Channel-ID", "  ");

    assertRefused(() -> handler.handleCalendar(headers), Reason.MALFORMED);
  }

  private static PushVerificationException assertRefused(ThrowingCallable call, Reason reason) {
    PushVerificationException[] caught = new PushVerificationException[1];
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            PushVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              caught[0] = e;
            });
    return caught[0];
  }
}
