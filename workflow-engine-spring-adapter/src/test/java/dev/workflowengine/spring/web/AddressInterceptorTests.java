package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/** Each remote address has a budget of its own, and other endpoints are not counted. */
class AddressInterceptorTests {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private final AddressInterceptor interceptor =
      new AddressInterceptor(Set.of(Limited.class), 2, Duration.ofMinutes(1), CLOCK);

  @Test
  void eachAddressHasItsOwnBudget() throws Exception {
    HandlerMethod limited = new HandlerMethod(new Limited(), Limited.class.getMethod("handle"));
    assertThat(interceptor.preHandle(from("203.0.113.5"), new MockHttpServletResponse(), limited))
        .isTrue();
    interceptor.preHandle(from("203.0.113.5"), new MockHttpServletResponse(), limited);

    assertThatThrownBy(
            () ->
                interceptor.preHandle(from("203.0.113.5"), new MockHttpServletResponse(), limited))
        .isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("203.0.113.5")
        .satisfies(
            e ->
                assertThat(((RateLimitedException) e).retryAfter())
                    .hasValue(Duration.ofMinutes(1)));
    assertThat(interceptor.preHandle(from("198.51.100.7"), new MockHttpServletResponse(), limited))
        .isTrue();
  }

  @Test
  void otherEndpointsAreNotCounted() throws Exception {
    HandlerMethod other = new HandlerMethod(new Other(), Other.class.getMethod("handle"));
    for (int i = 0; i < 5; i++) {
      assertThat(interceptor.preHandle(from("203.0.113.9"), new MockHttpServletResponse(), other))
          .isTrue();
    }
  }

  private static MockHttpServletRequest from(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
    request.setRemoteAddr(address);
    return request;
  }

  public static final class Limited {
    public void handle() {}
  }

  public static final class Other {
    public void handle() {}
  }
}
