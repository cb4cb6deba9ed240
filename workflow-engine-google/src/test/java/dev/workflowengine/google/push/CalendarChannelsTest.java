package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.PushFixtures.CHANNEL_ID;
import static dev.workflowengine.google.push.PushFixtures.TOKEN;
import static dev.workflowengine.google.push.PushFixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The in-memory channel registry, and the channel record it holds. */
class CalendarChannelsTest {

  private final CalendarChannels channels = new InMemoryCalendarChannels();

  @Test
  void aRegisteredChannelIsFoundUntilRemoved() {
    channels.register(channel());

    assertThat(channels.find(CHANNEL_ID)).contains(channel());
    assertThat(channels.remove(CHANNEL_ID)).isTrue();
    assertThat(channels.find(CHANNEL_ID)).isEmpty();
    assertThat(channels.remove(CHANNEL_ID)).isFalse();
  }

  @Test
  void advanceOnlyMovesUpAndOnlyOnKnownChannels() {
    assertThat(channels.advance(CHANNEL_ID, 1)).isFalse();
    channels.register(channel());

    assertThat(channels.advance(CHANNEL_ID, 1)).isTrue();
    assertThat(channels.advance(CHANNEL_ID, 1)).isFalse();
    assertThat(channels.advance(CHANNEL_ID, 8)).isTrue();
    assertThat(channels.advance(CHANNEL_ID, 5)).isFalse();
    assertThat(channels.lastMessageNumber(CHANNEL_ID)).isEqualTo(8);
    assertThat(channels.lastMessageNumber("unknown")).isZero();
  }

  @Test
  void registeringAChannelAgainStartsItsMessageNumbersAfresh() {
    channels.register(channel());
    channels.advance(CHANNEL_ID, 40);

    channels.register(channel().withResourceId("renewed"));

    assertThat(channels.lastMessageNumber(CHANNEL_ID)).isZero();
    assertThat(channels.find(CHANNEL_ID).flatMap(CalendarChannel::resourceId)).contains("renewed");
  }

  @Test
  void ofConcurrentAdvancesToTheSameNumberExactlyOneWins() throws Exception {
    channels.register(channel());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> advances =
          IntStream.range(0, 64)
              .<Callable<Boolean>>mapToObj(i -> () -> channels.advance(CHANNEL_ID, 3))
              .toList();
      long winners = 0;
      for (Future<Boolean> result : pool.invokeAll(advances)) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aChannelNeverShowsItsToken() {
    assertThat(channel().toString()).contains(CHANNEL_ID).doesNotContain(TOKEN);
    channels.register(channel());
    assertThat(channels.toString()).doesNotContain(TOKEN).contains("1 channels");
  }

  @Test
  void aChannelRefusesBlankTextAndTreatsNullOptionsAsAbsent() {
    assertThatThrownBy(() -> CalendarChannel.of("u1", "c1", " ", "primary"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token");
    assertThatThrownBy(() -> CalendarChannel.of(null, "c1", "t", "primary"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("userId");
    assertThat(new CalendarChannel("u1", "c1", "t", "primary", null, null).resourceId())
        .isEqualTo(Optional.empty());
  }
}
