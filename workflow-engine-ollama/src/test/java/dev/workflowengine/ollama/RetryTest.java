package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * 429, 502 and 503 are retried through Failsafe, honouring {@code Retry-After}; nothing else is,
 * and a stream never after a chunk was delivered.
 */
class RetryTest extends OllamaServerTest {

  private static final ChatRequest REQUEST =
      ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));

  /**
   * The backoff is set to ten seconds, so a retry within a second proves the server's {@code
   * Retry-After: 0} was read and preferred.
   */
  @Test
  void retryAfterInSecondsIsHonouredThenTheStreamSucceeds() {
    client(b -> b.retryDelay(Duration.ofSeconds(10), Duration.ofSeconds(20)));
    server.enqueue(busy(429).newBuilder().addHeader("Retry-After", "0").build());
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));

    long start = System.nanoTime();
    ChatResponse last = client.chatStream(REQUEST).last();

    assertThat(last.done()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    client(b -> b.retryDelay(Duration.ofSeconds(10), Duration.ofSeconds(20)));
    String past =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(5));
    server.enqueue(busy(503).newBuilder().addHeader("Retry-After", past).build());
    server.enqueue(MockOllama.json("chat.json"));

    long start = System.nanoTime();
    ChatResponse answer = client.chat(REQUEST);

    assertThat(answer.done()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
  }

  @Test
  void withoutRetryAfterTheBackoffApplies() {
    client(b -> b.retryDelay(Duration.ofMillis(200), Duration.ofSeconds(1)));
    server.enqueue(busy(502));
    server.enqueue(MockOllama.json("chat.json"));

    long start = System.nanoTime();
    client.chat(REQUEST);

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(150);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theRetriesStopAtTheLimit() {
    client(b -> b.maxRetries(3));
    for (int i = 0; i < 5; i++) {
      server.enqueue(busy(429).newBuilder().addHeader("Retry-After", "0").build());
    }

    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaUnavailableException.class)
        .hasMessageContaining("is rate-limiting requests")
        .hasMessageContaining("Gave up after 4 attempts")
        .satisfies(
            e -> assertThat(((OllamaUnavailableException) e).retryAfter()).contains(Duration.ZERO));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aRetryAfterLongerThanTheMaximumDelayEndsTheRetriesAtOnce() {
    client(b -> b.retryDelay(Duration.ofMillis(1), Duration.ofSeconds(5)));
    server.enqueue(busy(503).newBuilder().addHeader("Retry-After", "120").build());

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.chat(REQUEST))
        .isInstanceOf(OllamaUnavailableException.class)
        .hasMessageContaining("asked to wait 120 s")
        .satisfies(
            e ->
                assertThat(((OllamaUnavailableException) e).retryAfter())
                    .contains(Duration.ofSeconds(120)));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
  }

  @Test
  void withNoRetriesConfiguredTheFirstBusyAnswerIsFinal() {
    client(b -> b.maxRetries(0));
    server.enqueue(busy(503));

    assertThatThrownBy(() -> client.list())
        .isInstanceOf(OllamaUnavailableException.class)
        .hasMessageContaining("Gave up after 1 attempt;");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStreamIsNotRetriedOnceAChunkWasDelivered() {
    server.enqueue(MockOllama.stream("chat-stream-error.ndjson"));
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));

    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaStreamException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static MockResponse busy(int status) {
    return MockOllama.error(
        status, "server busy, please try again.  maximum pending requests exceeded");
  }
}
