package dev.workflowengine.google.push;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.google.calendar.CalendarWatch;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A channel opened with GoogleCalendar.watch, registered as it came back, then notified. */
@WireMockTest
class WatchThenNotifyTest {

  @Test
  void theWatchAnswerIsAllTheRegistryNeeds(WireMockRuntimeInfo wireMock) {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/calendar/v3/calendars/primary/events/watch"))
                .willReturn(
                    okJson(
                        """
                        {"kind": "api#channel", "id": "ch-1", "resourceId": "res-9",
                         "token": "a-long-channel-secret", "expiration": "1893456000000"}""")));
    CalendarChannels channels = new InMemoryCalendarChannels();
    List<CalendarChange> changes = new CopyOnWriteArrayList<>();
    GooglePushHandler handler =
        GooglePushHandler.builder()
            .calendarChannels(channels)
            .clock(Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC))
            .onCalendarChange(changes::add)
            .build();

    CalendarWatch watch =
        workspace(wireMock)
            .calendar("u1")
            .watch(
                "primary",
                URI.create("https://app.example.com/google/push"),
                "ch-1",
                "a-long-channel-secret");
    channels.register(CalendarChannel.of("u1", watch));
    PushReceipt receipt = handler.handleCalendar(headers("a-long-channel-secret", "res-9", "3"));

    assertThat(receipt.userId()).isEqualTo("u1");
    assertThat(changes)
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.calendarId()).isEqualTo("primary");
              assertThat(change.messageNumber()).isEqualTo(3);
              assertThat(change.channelExpiration()).contains(Instant.ofEpochMilli(1893456000000L));
            });
    assertThatThrownBy(() -> handler.handleCalendar(headers("a-long-channel-secret", "res-0", "4")))
        .isInstanceOf(PushVerificationException.class);
  }

  private static Map<String, String> headers(String token, String resourceId, String number) {
    return Map.of(
        "X-Goog-Channel-ID", "ch-1",
        "X-Goog-Channel-Token", token,
        "X-Goog-Resource-ID", resourceId,
        "X-Goog-Resource-State", "exists",
        "X-Goog-Message-Number", number);
  }

  private static GoogleWorkspace workspace(WireMockRuntimeInfo wireMock) {
    Date farFuture = Date.from(Instant.now().plus(Duration.ofDays(1)));
    return GoogleWorkspace.builder()
        .credentials(userId -> GoogleCredentials.create(new AccessToken("t-" + userId, farFuture)))
        .rootUrl(wireMock.getHttpBaseUrl() + "/")
        .build();
  }
}
