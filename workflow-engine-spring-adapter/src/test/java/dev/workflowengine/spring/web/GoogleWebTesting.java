package dev.workflowengine.spring.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Google client the endpoint tests configure, WireMock as Google's OAuth endpoints, a flow. */
final class GoogleWebTesting {

  static final String CLIENT_ID = "client-123.apps.googleusercontent.com";
  static final String REDIRECT_URI = "https://app.example.com/api/v1/oauth/google/callback";
  static final String SCOPE = "https://www.googleapis.com/auth/calendar.events";
  static final String CODE = "4/0AX4XfWcode-from-google";
  static final String ACCESS_TOKEN = "ya29.access-token-never-shown";
  static final String REFRESH_TOKEN = "1//refresh-token-never-shown";

  // Google on with one scope; each test class points the token and revoke URIs at its WireMock.
  static final String CLIENT_ID_PROPERTY = "workflow-engine.google.client-id=" + CLIENT_ID;

  static final String CLIENT_SECRET_PROPERTY =
      "workflow-engine.google.client-secret=GOCSPX-never-shown-4f7c1a";
  static final String REDIRECT_URI_PROPERTY = "workflow-engine.google.redirect-uri=" + REDIRECT_URI;
  static final String SCOPES_PROPERTY = "workflow-engine.google.scopes=" + SCOPE;

  private GoogleWebTesting() {}

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(WireMockConfiguration.wireMockConfig().dynamicPort())
        .build();
  }

  /** Google's token endpoint, exchanging {@link #CODE} for a grant of {@link #SCOPE}. */
  static void stubTokenEndpoint(WireMockExtension google) {
    google.stubFor(
        post(urlEqualTo("/token"))
            .withFormParam("grant_type", equalTo("authorization_code"))
            .withFormParam("code", equalTo(CODE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(
                        "{\"access_token\":\""
                            + ACCESS_TOKEN
                            + "\",\"expires_in\":3600,\"refresh_token\":\""
                            + REFRESH_TOKEN
                            + "\",\"scope\":\""
                            + SCOPE
                            + "\",\"token_type\":\"Bearer\"}")));
  }

  /**
   * A flow the authorize endpoint started: the consent URL it redirected to, its state, and the
   * cookie its answer set in the browser.
   */
  record Flow(URI consent, String state, String setCookie) {

    /** The cookie as the browser sends it back: {@code name=value}. */
    String cookie() {
      return setCookie.substring(0, setCookie.indexOf(';'));
    }

    String cookieName() {
      return cookie().substring(0, cookie().indexOf('='));
    }
  }

  /** Starts a flow as the user, in a browser that follows the redirect. */
  static Flow start(WebClient user) {
    WebClient.Reply reply = user.get("/oauth/google/authorize").expect(302);
    URI consent = URI.create(reply.response().headers().firstValue("Location").orElseThrow());
    return new Flow(consent, query(consent).get("state"), onlySetCookie(reply));
  }

  /** The consent URL the authorize endpoint redirected the user to. */
  static URI consentUrl(WebClient user) {
    return start(user).consent();
  }

  /** The callback path for a state, as Google's redirect carries it. */
  static String callback(String state) {
    return "/oauth/google/callback?code="
        + URLEncoder.encode(CODE, UTF_8)
        + "&state="
        + URLEncoder.encode(state, UTF_8);
  }

  /**
   * Comes back from Google to the callback with the state, as a browser holding these cookies
   * ({@code name=value}) does: without the user's credentials.
   */
  static WebClient.Reply finish(WebClient user, String state, String... cookies) {
    WebClient browser = user.as(null);
    if (cookies.length == 0) {
      return browser.get(callback(state));
    }
    return browser.send("GET", callback(state), "", "Cookie", String.join("; ", cookies));
  }

  /** Authorizes and comes back from Google in the same browser, as a user does. */
  static WebClient.Reply connect(WebClient user) {
    Flow flow = start(user);
    assertThat(flow.state()).isNotBlank();
    return finish(user, flow.state(), flow.cookie());
  }

  /** The one Set-Cookie header of an answer. */
  static String onlySetCookie(WebClient.Reply reply) {
    List<String> cookies = reply.response().headers().allValues("Set-Cookie");
    assertThat(cookies).hasSize(1);
    return cookies.get(0);
  }

  /** A Set-Cookie header's attributes, by lower-case name; a flag's value is empty. */
  static Map<String, String> cookieAttributes(String setCookie) {
    Map<String, String> attributes = new LinkedHashMap<>();
    String[] parts = setCookie.split(";");
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      int eq = part.indexOf('=');
      attributes.put(
          (eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT),
          eq < 0 ? "" : part.substring(eq + 1));
    }
    return attributes;
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, eq), UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return parameters;
  }
}
