package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Workflow definitions over HTTP: create, read, update as a new version, list, delete. */
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
class DefinitionEndpointsTests {

  static final String HELLO =
      """
      {"id": "%s", "startNode": "greet",
       "nodes": [{"id": "greet", "type": "transform",
                  "config": {"set": {"greeting": "'Hello, ' + state.name"}}}],
       "edges": [{"from": "greet", "to": "__end__"}]}
      """;

  @LocalServerPort int port;
  WebClient alice;

  @BeforeEach
  void client() {
    alice = new WebClient(port, "alice");
  }

  @Test
  void createReadUpdateListAndDelete() {
    WebClient.Reply created = alice.post("/workflows", HELLO.formatted("hello")).expect(201);
    assertThat(created.text("workflow_id")).isEqualTo("hello");
    assertThat(created.body().path("version").asInt()).isEqualTo(1);
    assertThat(created.text("owner_id")).isEqualTo("alice");
    assertThat(created.body().path("definition").path("startNode").asText()).isEqualTo("greet");

    alice.get("/workflows/hello").expect(200);
    WebClient.Reply updated =
        alice.put("/workflows/hello", HELLO.formatted("hello").replace("Hello", "Hi")).expect(200);
    assertThat(updated.body().path("version").asInt()).isEqualTo(2);
    assertThat(alice.get("/workflows/hello").expect(200).body().path("version").asInt())
        .isEqualTo(2);
    assertThat(
            alice
                .get("/workflows")
                .expect(200)
                .body()
                .path("workflows")
                .findValuesAsText("workflow_id"))
        .contains("hello");

    alice.delete("/workflows/hello").expect(204);
    WebClient.Reply gone = alice.get("/workflows/hello").expect(404);
    assertThat(gone.text("detail")).contains("hello");
  }

  @Test
  void anInvalidDefinitionIs400ListingEveryProblem() {
    String broken =
        """
        {"id": "broken", "startNode": "missing",
         "nodes": [{"id": "a", "type": "transform", "config": {"set": {"x": "state.("}}}],
         "edges": [{"from": "a", "to": "nowhere"}]}
        """;
    WebClient.Reply reply = alice.post("/workflows", broken).expect(400);
    assertThat(reply.text("detail")).isNotBlank();
    assertThat(reply.body().path("problems").size()).isGreaterThanOrEqualTo(2);
    assertThat(reply.body().path("problems").findValuesAsText("location"))
        .allMatch(l -> !l.isBlank());
  }

  @Test
  void malformedBodiesAndIdsAre400() {
    assertThat(alice.post("/workflows", "{not json").expect(400).text("detail")).contains("JSON");
    alice.post("/workflows", "[]").expect(400);
    WebClient.Reply mismatch = alice.put("/workflows/other", HELLO.formatted("hello")).expect(400);
    assertThat(mismatch.body().path("problems").findValuesAsText("location")).containsExactly("id");
    alice.get("/workflows/bad%20id").expect(400);
    alice.get("/workflows?limit=0").expect(400);
  }

  @Test
  void anotherUsersDefinitionIsNotFound() {
    alice.post("/workflows", HELLO.formatted("private")).expect(201);
    WebClient bob = alice.as("bob");
    bob.get("/workflows/private").expect(404);
    bob.put("/workflows/private", HELLO.formatted("private")).expect(404);
    bob.delete("/workflows/private").expect(404);
    assertThat(bob.get("/workflows").expect(200).body().path("workflows").size()).isZero();
    alice.get("/workflows/private").expect(200);
  }

  @Test
  void aRequestWithoutAUserIs401() {
    WebClient.Reply reply = alice.as(null).get("/workflows").expect(401);
    assertThat(reply.text("detail")).contains("workflow-engine.web.dev-user-header");
  }
}
