package dev.workflowengine.google;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The resilience settings are checked when set, with messages naming the setting. */
class GoogleWorkspaceBuilderTest {

  private final GoogleWorkspaceBuilder builder = GoogleWorkspace.builder();

  @Test
  void retriesMustBeFromZeroToTwenty() {
    assertThatThrownBy(() -> builder.maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> builder.maxRetries(21)).isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> builder.maxRetries(0).maxRetries(20)).doesNotThrowAnyException();
  }

  @Test
  void retryDelaysMustBePositiveAndOrdered() {
    assertThatThrownBy(() -> builder.retryDelay(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base");
    assertThatThrownBy(() -> builder.retryDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least base");
    assertThatThrownBy(() -> builder.retryDelay(null, Duration.ofSeconds(1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("base");
  }

  @Test
  void theRateLimitNeedsAPermitAndAPeriod() {
    assertThatThrownBy(() -> builder.rateLimit(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rateLimit");
    assertThatThrownBy(() -> builder.rateLimit(10, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period");
    assertThatThrownBy(() -> builder.rateLimit(10, Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most a day");
    assertThatThrownBy(() -> builder.rateLimitWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rateLimitWait");
    assertThatCode(() -> builder.rateLimitWait(Duration.ZERO)).doesNotThrowAnyException();
  }

  @Test
  void theCircuitBreakerNeedsAThresholdAndADelay() {
    assertThatThrownBy(() -> builder.circuitBreaker(0, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failureThreshold");
    assertThatThrownBy(() -> builder.circuitBreaker(5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delay");
  }

  @Test
  void theRootUrlMustBeARootThatEndsWithASlash() {
    for (String url :
        new String[] {
          "http://localhost:8089",
          "http://localhost:8089/api/",
          "http://localhost:8089/?x=1",
          "localhost:8089/",
          "ftp://localhost/",
          "not a url/"
        }) {
      assertThatThrownBy(() -> builder.rootUrl(url))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rootUrl");
    }
    assertThatCode(() -> builder.rootUrl("http://localhost:8089/").rootUrl("https://proxy.test/"))
        .doesNotThrowAnyException();
  }

  @Test
  void callChecksItsArguments() {
    GoogleWorkspace google = builder.credentials(userId -> null).build();

    assertThatThrownBy(() -> google.call(null, "alice", () -> "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("service");
    assertThatThrownBy(() -> google.call(GoogleService.GMAIL, null, () -> "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("userId");
    assertThatThrownBy(() -> google.call(GoogleService.GMAIL, "alice", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("call");
  }
}
