package dev.workflowengine.spring.web;

import static dev.workflowengine.spring.web.ExecutionEndpointsTests.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Live events over SSE: wire names, sequence ids, Last-Event-ID replay, heartbeats, ownership. */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "workflow-engine.web.enabled=true",
      "workflow-engine.web.dev-user-header=X-User",
      "workflow-engine.web.dev-user-parameter=user",
      // Status polling would exhaust the default limit; RateLimitTests covers the limit itself.
      "workflow-engine.web.rate-limit.requests=1000000",
      "workflow-engine.web.heartbeat-interval=100ms",
      "workflow-engine.ollama.enabled=false"
    })
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventStreamTests {

  @LocalServerPort int port;
  WebClient grace;

  @BeforeEach
  void client() {
    grace = new WebClient(port, "grace");
  }

  @Test
  void streamsEveryEventWithItsWireNameAndSequenceThenEnds() {
    String id = start("{\"input\": {\"name\": \"Zoë\"}}");

    WebClient.SseStream stream = grace.events(id, null, line -> false);

    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<WebClient.Event> events = stream.events();
    assertThat(events)
        .extracting(WebClient.Event::name)
        .containsExactly(
            "workflow_started", "node_started", "node_completed", "workflow_completed");
    assertThat(events).extracting(WebClient.Event::id).containsExactly("1", "2", "3", "4");
    WebClient.Event completed = events.get(3);
    assertThat(completed.data().path("type").asText()).isEqualTo("workflow_completed");
    assertThat(completed.data().path("execution_id").asText()).isEqualTo(id);
    assertThat(completed.data().path("sequence").asLong()).isEqualTo(4);
    // Non-ASCII text survives: the data is UTF-8 JSON.
    assertThat(events.get(2).data().toString()).contains("hello Zoë");
  }

  @Test
  void lastEventIdResumesAfterTheSequenceItNames() {
    String id = start(ExecutionEndpointsTests.NAMED);
    awaitStatus(grace, id, "completed");

    List<WebClient.Event> rest = grace.events(id, "2", line -> false).events();

    assertThat(rest).extracting(WebClient.Event::id).containsExactly("3", "4");
    assertThat(rest.get(0).name()).isEqualTo("node_completed");
  }

  @Test
  void aWaitingExecutionsStreamStaysOpenWithHeartbeats() {
    String id = grace.post("/workflows/approval/execute", "{}").expect(202).text("execution_id");
    awaitStatus(grace, id, "waiting");

    WebClient.SseStream stream = grace.events(id, null, line -> line.equals(":heartbeat"));

    assertThat(stream.lines()).contains(":heartbeat");
    assertThat(stream.events()).extracting(WebClient.Event::name).contains("workflow_waiting");
  }

  @Test
  void anotherUsersStreamIsNotFoundAndABadLastEventIdIs400() {
    String id = start(ExecutionEndpointsTests.NAMED);

    WebClient.SseStream denied = grace.as("heidi").events(id, null, line -> false);
    WebClient.SseStream bad = grace.events(id, "soon", line -> false);

    assertThat(denied.status()).isEqualTo(404);
    assertThat(String.join("\n", denied.lines())).contains("\"detail\"");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(String.join("\n", bad.lines())).contains("Last-Event-ID");
  }

  private String start(String body) {
    return grace.post("/workflows/greet/execute", body).expect(202).text("execution_id");
  }

  /** A browser's EventSource cannot send headers; in development the user can be a parameter. */
  @Test
  void theDevelopmentUserParameterNamesTheCallerOfAStreamWithoutHeaders() throws Exception {
    String id = start(ExecutionEndpointsTests.NAMED);
    awaitStatus(grace, id, "completed");
    HttpClient http = HttpClient.newHttpClient();
    URI own =
        URI.create("http://localhost:" + port + "/api/v1/executions/" + id + "/events?user=grace");
    URI other =
        URI.create("http://localhost:" + port + "/api/v1/executions/" + id + "/events?user=heidi");

    HttpResponse<String> stream =
        http.send(HttpRequest.newBuilder(own).build(), BodyHandlers.ofString());
    HttpResponse<String> denied =
        http.send(HttpRequest.newBuilder(other).build(), BodyHandlers.ofString());

    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.body()).contains("event:workflow_completed");
    assertThat(denied.statusCode()).isEqualTo(404);
  }
}
