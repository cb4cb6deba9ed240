package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Google endpoints' rate limits (the user's own budget, shared with the workflow endpoints; the
 * callback's and the webhooks' per address), a configured success redirect, and Gmail pushes when
 * no token is configured. Each test spends a budget no other test spends.
 */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "workflow-engine.web.enabled=true",
      "workflow-engine.web.dev-user-header=X-User",
      "workflow-engine.web.rate-limit.requests=3",
      "workflow-engine.web.rate-limit.period=1h",
      "workflow-engine.google.web.webhook-rate-limit.requests=2",
      "workflow-engine.google.web.webhook-rate-limit.period=1h",
      "workflow-engine.google.web.success-redirect=https://app.example.com/settings/google",
      "workflow-engine.ollama.enabled=false",
      GoogleWebTesting.CLIENT_ID_PROPERTY,
      GoogleWebTesting.CLIENT_SECRET_PROPERTY,
      GoogleWebTesting.REDIRECT_URI_PROPERTY,
      GoogleWebTesting.SCOPES_PROPERTY
    })
class GoogleEndpointsRateLimitTests {

  @RegisterExtension static WireMockExtension google = GoogleWebTesting.wireMock();

  @DynamicPropertySource
  static void googleEndpoints(DynamicPropertyRegistry registry) {
    registry.add("workflow-engine.google.token-uri", () -> google.baseUrl() + "/token");
  }

  @LocalServerPort int port;

  @Test
  void aUsersGoogleCallsCountAgainstTheBudgetOfTheirWorkflowCalls() {
    WebClient ivan = new WebClient(port, "ivan");
    ivan.get("/workflows").expect(200);
    ivan.get("/workflows").expect(200);
    ivan.get("/oauth/google/status").expect(200);

    WebClient.Reply refused = ivan.get("/oauth/google/authorize").expect(429);

    assertThat(retryAfter(refused)).isBetween(3500L, 3600L);
    assertThat(refused.text("detail")).contains("ivan");
    new WebClient(port, "judy").get("/oauth/google/status").expect(200);
  }

  @Test
  void theCallbackRedirectsToTheConfiguredPageAndIsLimitedPerAddressWhateverTheUser() {
    GoogleWebTesting.stubTokenEndpoint(google);
    WebClient.Reply connected = GoogleWebTesting.connect(new WebClient(port, "kim")).expect(302);
    assertThat(connected.response().headers().firstValue("Location"))
        .hasValue("https://app.example.com/settings/google");
    // The redirect deletes the flow's cookie too.
    assertThat(GoogleWebTesting.cookieAttributes(GoogleWebTesting.onlySetCookie(connected)))
        .containsEntry("max-age", "0");
    WebClient browser = new WebClient(port, null);
    browser.get("/oauth/google/callback").expect(400);
    // A user named in the request changes nothing: the callback never resolves one.
    browser.as("lou").get("/oauth/google/callback").expect(400);

    WebClient.Reply refused = browser.get("/oauth/google/callback").expect(429);

    assertThat(retryAfter(refused)).isBetween(3500L, 3600L);
    assertThat(refused.text("detail")).contains("3 requests");
  }

  @Test
  void theWebhooksPastTheirLimitAre503WithRetryAfterSoGoogleRetries() {
    WebClient pushes = new WebClient(port, null);
    // Without workflow-engine.google.push.gmail-token the handler takes no Gmail pushes.
    pushes.post("/webhooks/google/gmail?token=t", "{}").expect(404);
    pushes.post("/webhooks/google/calendar", "").expect(400);

    WebClient.Reply refused = pushes.post("/webhooks/google/calendar", "").expect(503);

    assertThat(retryAfter(refused)).isBetween(3500L, 3600L);
    assertThat(refused.text("detail")).contains("2 requests");
  }

  private static long retryAfter(WebClient.Reply reply) {
    return Long.parseLong(reply.response().headers().firstValue("Retry-After").orElseThrow());
  }
}
