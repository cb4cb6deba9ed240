package dev.workflowengine.google.gmail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.workflowengine.google.gmail.GmailTestSupport.body;
import static dev.workflowengine.google.gmail.GmailTestSupport.decodeRaw;
import static dev.workflowengine.google.gmail.GmailTestSupport.parse;
import static dev.workflowengine.google.gmail.GmailTestSupport.path;
import static dev.workflowengine.google.gmail.GmailTestSupport.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.agent.Agent;
import dev.workflowengine.testing.ScriptedChatModel;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent with {@link GmailTools} on a scripted model, run as a workflow node (so that tools see
 * the node's idempotency key), against Gmail on WireMock.
 */
@WireMockTest
class GmailAgentTest {

  private static final String SEND_ARGUMENTS =
      """
      {"to": "ada@example.com", "subject": "Your unread mail",
       "body": "You have 2 unread messages:\\n- Status\\n- Invoice"}""";

  private WireMockRuntimeInfo wireMock;
  private GmailTools tools;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wireMock) {
    this.wireMock = wireMock;
    this.tools = new GmailTools(GmailTestSupport.gmail(wireMock.getHttpBaseUrl(), "u1"));
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages"))
                .willReturn(
                    okJson(
                        """
                        {"messages": [{"id": "m1", "threadId": "t1"}, {"id": "m2", "threadId": "t2"}],
                         "resultSizeEstimate": 2}""")));
    registerMetadata("m1", "Ada <ada@example.com>", "Status", "All good");
    registerMetadata("m2", "billing@example.com", "Invoice", "Please pay");
  }

  private void registerMetadata(String id, String from, String subject, String snippet) {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/" + id))
                .willReturn(
                    okJson(
                        GmailTestSupport.JSON
                            .createObjectNode()
                            .put("id", id)
                            .put("threadId", "t-" + id)
                            .put("snippet", snippet)
                            .put("internalDate", "1767225600000")
                            .set(
                                "payload",
                                GmailTestSupport.JSON
                                    .createObjectNode()
                                    .set(
                                        "headers",
                                        GmailTestSupport.JSON
                                            .createArrayNode()
                                            .add(header("From", from))
                                            .add(header("Subject", subject))))
                            .toString())));
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode header(String name, String value) {
    return GmailTestSupport.JSON.createObjectNode().put("name", name).put("value", value);
  }

  private void sendAnswers(String id) {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .willReturn(okJson("{\"id\": \"" + id + "\", \"threadId\": \"t9\"}")));
  }

  private List<LoggedRequest> requests() {
    return GmailTestSupport.requests(wireMock);
  }

  private static RunResult run(ScriptedChatModel model, GmailTools tools) {
    Agent assistant = Agent.builder("assistant").model(model).tools(tools).build();
    Workflow workflow =
        Workflow.builder("mail")
            .node("assistant", assistant)
            .edge(Workflow.START, "assistant")
            .edge("assistant", Workflow.END)
            .build();
    return workflow.invoke(Map.of("input", "Mail Ada a list of my unread messages."));
  }

  private static String lastToolResult(ScriptedChatModel model, int request) {
    List<ChatMessage> messages = model.requests().get(request).messages();
    return ((ToolExecutionResultMessage) messages.get(messages.size() - 1)).text();
  }

  @Test
  void anAgentListsTheMailboxThenSendsAnEmail() throws Exception {
    sendAnswers("s1");
    ScriptedChatModel model =
        ScriptedChatModel.builder()
            .toolCall(GmailTools.LIST_MESSAGES, "{\"query\": \"is:unread\", \"max\": 2}")
            .toolCall(GmailTools.SEND_EMAIL, SEND_ARGUMENTS)
            .reply("I mailed Ada the list.")
            .build();

    RunResult result = run(model, tools);

    assertThat(result.state().getString("assistant")).isEqualTo("I mailed Ada the list.");
    List<LoggedRequest> requests = requests();
    assertThat(requests)
        .extracting(r -> r.getMethod().getName() + " " + path(r))
        .containsExactly(
            "GET /gmail/v1/users/me/messages",
            "GET /gmail/v1/users/me/messages/m1",
            "GET /gmail/v1/users/me/messages/m2",
            "POST /gmail/v1/users/me/messages/send");
    assertThat(query(requests.get(0)))
        .isEqualTo(Map.of("q", List.of("is:unread"), "maxResults", List.of("2")));
    assertThat(query(requests.get(1)))
        .isEqualTo(
            Map.of(
                "format", List.of("metadata"),
                "metadataHeaders", List.of("From", "To", "Cc", "Subject", "Date", "Message-ID")));
    assertThat(body(requests.get(3)).fieldNames()).toIterable().containsExactly("raw");
    MimeMessage sent = parse(decodeRaw(body(requests.get(3)).get("raw").asText()));
    assertThat(sent.getHeader("To", ",")).isEqualTo("ada@example.com");
    assertThat(sent.getSubject()).isEqualTo("Your unread mail");
    assertThat(sent.getContent()).isEqualTo("You have 2 unread messages:\r\n- Status\r\n- Invoice");

    assertThat(lastToolResult(model, 1))
        .isEqualTo(
            "[{\"id\":\"m1\",\"from\":\"Ada <ada@example.com>\",\"subject\":\"Status\","
                + "\"date\":\"2026-01-01T00:00:00Z\",\"snippet\":\"All good\"},"
                + "{\"id\":\"m2\",\"from\":\"billing@example.com\",\"subject\":\"Invoice\","
                + "\"date\":\"2026-01-01T00:00:00Z\",\"snippet\":\"Please pay\"}]");
    assertThat(lastToolResult(model, 2)).isEqualTo("Sent as message s1 in thread t9");
  }

  @Test
  void theSameEmailAskedForTwiceInOneStepIsSentOnce() {
    sendAnswers("s1");
    ScriptedChatModel model =
        ScriptedChatModel.builder()
            .toolCall(GmailTools.SEND_EMAIL, SEND_ARGUMENTS)
            .toolCall(GmailTools.SEND_EMAIL, SEND_ARGUMENTS)
            .reply("Done.")
            .build();

    run(model, tools);

    assertThat(requests())
        .extracting(GmailTestSupport::path)
        .containsExactly("/gmail/v1/users/me/messages/send");
    assertThat(lastToolResult(model, 2))
        .isEqualTo("Not sent again: this step already sent the same e-mail as message s1");
  }

  @Test
  void aFailedSendIsForgottenSoThatTheModelCanTryAgain() {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .inScenario("send")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\": {\"code\": 400, \"message\": \"Invalid To header\"}}"))
                .willSetStateTo("failed once"));
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .inScenario("send")
                .whenScenarioStateIs("failed once")
                .willReturn(okJson("{\"id\": \"s2\", \"threadId\": \"t9\"}")));
    ScriptedChatModel model =
        ScriptedChatModel.builder()
            .toolCall(GmailTools.SEND_EMAIL, SEND_ARGUMENTS)
            .toolCall(GmailTools.SEND_EMAIL, SEND_ARGUMENTS)
            .reply("Done.")
            .build();

    run(model, tools);

    assertThat(requests()).hasSize(2);
    assertThat(lastToolResult(model, 1)).startsWith("Error: ");
    assertThat(lastToolResult(model, 2)).isEqualTo("Sent as message s2 in thread t9");
  }
}
