package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.web.MockHttpServletRequest;

/** The flow cookie's attributes and matching, where the endpoint tests cannot reach: HTTPS. */
class GoogleFlowCookieTests {

  private static final URI CONSENT =
      URI.create(
          "https://accounts.google.com/o/oauth2/v2/auth?client_id=c&state=s-123_abc"
              + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fapp%2Fapi%2Fv1%2Foauth%2Fgoogle"
              + "%2Fcallback");

  private final GoogleFlowCookie flowCookie =
      new GoogleFlowCookie("/api/v1/oauth/google/callback", Duration.ofMinutes(10));

  @Test
  void onHttpsTheCookieIsSecureAndItsPathHasTheContextPath() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setSecure(true);
    request.setContextPath("/app");

    ResponseCookie cookie = flowCookie.issue(CONSENT, request);

    assertThat(cookie.getName()).startsWith(GoogleFlowCookie.NAME_PREFIX);
    assertThat(cookie.getValue()).isEqualTo(GoogleFlowCookie.hash("s-123_abc")).hasSize(43);
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
    assertThat(cookie.getPath()).isEqualTo("/app/api/v1/oauth/google/callback");
    assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(cookie.getDomain()).isNull();
    ResponseCookie cleared = flowCookie.cleared("s-123_abc", request);
    assertThat(cleared.getName()).isEqualTo(cookie.getName());
    assertThat(cleared.getMaxAge()).isZero();
    assertThat(cleared.getPath()).isEqualTo(cookie.getPath());
    assertThat(cleared.isSecure()).isTrue();
  }

  @Test
  void onlyTheStatesOwnCookieMatchesAmongOthers() {
    ResponseCookie issued = flowCookie.issue(CONSENT, new MockHttpServletRequest());
    MockHttpServletRequest callback = new MockHttpServletRequest();
    assertThat(flowCookie.presentedWith("s-123_abc", callback)).isFalse();

    callback.setCookies(
        new Cookie("session", "x"),
        new Cookie(issued.getName(), "tampered"),
        new Cookie(issued.getName(), issued.getValue()));

    assertThat(flowCookie.presentedWith("s-123_abc", callback)).isTrue();
    assertThat(flowCookie.presentedWith("s-123_abd", callback)).isFalse();
    // The value alone, under another name, is not the cookie.
    callback.setCookies(new Cookie(GoogleFlowCookie.NAME_PREFIX + "other", issued.getValue()));
    assertThat(flowCookie.presentedWith("s-123_abc", callback)).isFalse();
  }
}
