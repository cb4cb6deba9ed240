package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Execute, status, history, resume, cancel, and generation, over HTTP. */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "workflow-engine.web.enabled=true",
      "workflow-engine.web.dev-user-header=X-User",
      // Status polling would exhaust the default limit; RateLimitTests covers the limit itself.
      "workflow-engine.web.rate-limit.requests=1000000",
      "workflow-engine.ollama.enabled=false"
    })
class ExecutionEndpointsTests {

  static final String NAMED = "{\"input\": {\"name\": \"Ada\"}}";

  @LocalServerPort int port;
  @Autowired WebTestApplication.SwitchableModel model;
  WebClient carol;

  @BeforeEach
  void client() {
    carol = new WebClient(port, "carol");
    model.available.set(true);
  }

  @Test
  void executeAWorkflowAndReadItsStatusUntilItCompletes() {
    WebClient.Reply started =
        carol.post("/workflows/greet/execute", "{\"input\": {\"name\": \"Ada\"}}").expect(202);
    String id = started.text("execution_id");
    assertThat(started.text("workflow_id")).isEqualTo("greet");
    assertThat(started.text("user_id")).isEqualTo("carol");

    WebClient.Reply done = awaitStatus(carol, id, "completed");
    assertThat(done.body().path("output").path("greeting").asText()).isEqualTo("hello Ada");
    assertThat(done.text("completed_at")).isNotBlank();
  }

  @Test
  void invalidInputIs400ListingEveryProblemAndUnknownWorkflowsAre404() {
    WebClient.Reply reply =
        carol
            .post(
                "/workflows/greet/execute",
                "{\"input\": [1], \"version\": 0, \"idempotency_key\": 5}")
            .expect(400);
    assertThat(reply.body().path("problems").findValuesAsText("location"))
        .containsExactly("input", "version", "idempotency_key");
    carol.post("/workflows/unknown/execute", "{}").expect(404);
  }

  @Test
  void resumeAWaitingExecutionAfterRefusingAnAnswerThatDoesNotFit() {
    String id =
        carol
            .post("/workflows/approval/execute", "{\"input\": {\"name\": \"Ada\"}}")
            .expect(202)
            .text("execution_id");
    awaitStatus(carol, id, "waiting");

    carol.post("/executions/" + id + "/resume", "{\"input\": {\"approved\": \"yes\"}}").expect(400);
    carol.post("/executions/" + id + "/resume", "{\"input\": {\"approved\": true}}").expect(202);

    WebClient.Reply done = awaitStatus(carol, id, "completed");
    assertThat(done.body().path("output").path("sent").asBoolean()).isTrue();
  }

  @Test
  void cancelAWaitingExecution() {
    String id = carol.post("/workflows/approval/execute", "{}").expect(202).text("execution_id");
    awaitStatus(carol, id, "waiting");

    WebClient.Reply cancelled = carol.post("/executions/" + id + "/cancel", "").expect(200);

    assertThat(cancelled.body().path("cancelled").asBoolean()).isTrue();
    awaitStatus(carol, id, "cancelled");
  }

  @Test
  void historyListsTheCallersExecutionsNewestFirstAndFiltersByStatus() {
    WebClient dave = carol.as("dave");
    String first = dave.post("/workflows/greet/execute", NAMED).expect(202).text("execution_id");
    awaitStatus(dave, first, "completed");
    String second = dave.post("/workflows/approval/execute", "{}").expect(202).text("execution_id");
    awaitStatus(dave, second, "waiting");

    assertThat(
            dave.get("/executions")
                .expect(200)
                .body()
                .path("executions")
                .findValuesAsText("execution_id"))
        .containsExactly(second, first);
    assertThat(
            dave.get("/executions?status=waiting")
                .expect(200)
                .body()
                .path("executions")
                .findValuesAsText("execution_id"))
        .containsExactly(second);
    dave.get("/executions?status=sleeping&limit=1000").expect(400);
  }

  @Test
  void anotherUsersExecutionIsNotFoundForEveryCall() {
    String id = carol.post("/workflows/approval/execute", "{}").expect(202).text("execution_id");
    awaitStatus(carol, id, "waiting");
    WebClient eve = carol.as("eve");

    eve.get("/executions/" + id).expect(404);
    eve.post("/executions/" + id + "/resume", "{\"input\": {\"approved\": true}}").expect(404);
    eve.post("/executions/" + id + "/cancel", "").expect(404);
    assertThat(eve.get("/executions/" + id).text("detail"))
        .isEqualTo(
            eve.get("/executions/no-such-execution")
                .text("detail")
                .replace("no-such-execution", id));
  }

  @Test
  void generateWritesADefinitionWithoutStoringIt() {
    WebClient.Reply reply =
        carol.post("/workflows/generate", "{\"prompt\": \"Greet people by name\"}").expect(200);
    assertThat(reply.body().path("definition").path("id").asText()).isEqualTo("generated");
    assertThat(reply.body().path("generation").path("attempts").asInt()).isEqualTo(1);
    carol.get("/workflows/generated").expect(404);
  }

  @Test
  void generateAndExecuteStoresTheWorkflowAndRunsIt() {
    WebClient frank = carol.as("frank");
    WebClient.Reply reply =
        frank
            .post(
                "/workflows/generate-and-execute",
                "{\"prompt\": \"Greet people\", \"input\": {\"name\": \"Ada\"}}")
            .expect(202);
    assertThat(reply.body().path("workflow").path("owner_id").asText()).isEqualTo("frank");
    String id = reply.body().path("execution").path("execution_id").asText();
    WebClient.Reply done = awaitStatus(frank, id, "completed");
    assertThat(done.body().path("output").path("greeting").asText()).isEqualTo("Hello, Ada");
    frank.get("/workflows/generated").expect(200);
  }

  @Test
  void promptsAreCheckedBeforeTheModelIsAsked() {
    carol.post("/workflows/generate", "{\"prompt\": \"  \"}").expect(400);
    carol.post("/workflows/generate", "{}").expect(400);
    carol.post("/workflows/generate", "{\"prompt\": \"" + "x".repeat(4001) + "\"}").expect(400);
  }

  @Test
  void anUnreachableModelIs503() {
    model.available.set(false);
    WebClient.Reply reply =
        carol.post("/workflows/generate", "{\"prompt\": \"Greet\"}").expect(503);
    assertThat(reply.text("detail")).contains("not reachable");
  }

  static WebClient.Reply awaitStatus(WebClient client, String id, String status) {
    WebClient.Reply[] last = new WebClient.Reply[1];
    await()
        .untilAsserted(
            () -> {
              last[0] = client.get("/executions/" + id).expect(200);
              assertThat(last[0].text("status")).isEqualTo(status);
            });
    return last[0];
  }
}
