package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The per-user request rate limit: 429 with Retry-After past it, other users unaffected. */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "workflow-engine.web.enabled=true",
      "workflow-engine.web.dev-user-header=X-User",
      "workflow-engine.web.rate-limit.requests=3",
      "workflow-engine.web.rate-limit.period=1h",
      "workflow-engine.ollama.enabled=false"
    })
class RateLimitTests {

  @LocalServerPort int port;

  @Test
  void theRequestPastTheLimitIs429WithRetryAfter() {
    WebClient ivan = new WebClient(port, "ivan");
    for (int i = 0; i < 3; i++) {
      ivan.get("/workflows").expect(200);
    }

    WebClient.Reply refused = ivan.get("/workflows").expect(429);

    long retryAfter =
        Long.parseLong(refused.response().headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(3500L, 3600L);
    assertThat(refused.text("detail")).contains("ivan", "3 requests");
    // Refused before the engine: even an endpoint that would fail validation is 429 now.
    ivan.post("/workflows/greet/execute", "[]").expect(429);
    new WebClient(port, "judy").get("/workflows").expect(200);
    // The application's own endpoints under the same base path are neither limited nor refused.
    assertThat(ivan.getText("/host/ping")).isEqualTo("pong");
    assertThat(ivan.as(null).getText("/host/ping")).isEqualTo("pong");
  }

  /**
   * Regression: when an event stream ended, Spring MVC's async dispatch ran the interceptor again,
   * so every stream cost its user two requests and could be refused with 429 once already sent.
   */
  @Test
  void anEventStreamCountsAsOneRequest() {
    WebClient kim = new WebClient(port, "kim");
    String id =
        kim.post("/workflows/greet/execute", ExecutionEndpointsTests.NAMED)
            .expect(202)
            .text("execution_id");
    assertThat(kim.events(id, null, line -> false).status()).isEqualTo(200);

    kim.get("/executions/" + id).expect(200);
    kim.get("/executions/" + id).expect(429);
  }
}
