package dev.workflowengine.spring.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.google.push.CalendarChannel;
import dev.workflowengine.google.push.CalendarChannels;
import dev.workflowengine.google.push.GmailMailboxes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The Calendar and Gmail push endpoints over HTTP: what Google is answered, and the workflows a
 * genuine notification starts for the user its channel or mailbox belongs to.
 */
@SpringBootTest(
    classes = {WebTestApplication.class, GooglePushEndpointsTests.InboxWorkflow.class},
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "workflow-engine.web.enabled=true",
      "workflow-engine.web.dev-user-header=X-User",
      "workflow-engine.web.rate-limit.requests=1000000",
      "workflow-engine.google.web.webhook-rate-limit.requests=1000000",
      "workflow-engine.ollama.enabled=false",
      GoogleWebTesting.CLIENT_ID_PROPERTY,
      GoogleWebTesting.CLIENT_SECRET_PROPERTY,
      GoogleWebTesting.REDIRECT_URI_PROPERTY,
      "workflow-engine.google.push.calendar-workflows=calendar-sync",
      "workflow-engine.google.push.gmail-token=" + GooglePushEndpointsTests.GMAIL_TOKEN,
      "workflow-engine.google.push.gmail-workflows=inbox-sync"
    })
class GooglePushEndpointsTests {

  static final String GMAIL_TOKEN = "pubsub-secret-0f9e8d7c6b5a4321";
  private static final String CHANNEL_TOKEN = "channel-token-7f3a9c2e41b8d6f0";
  private static final String CALENDAR = "/webhooks/google/calendar";

  /**
   * Ada's own stored definition, so that a channel of any other user fails to start it: the case of
   * a workflow start that fails.
   */
  private static final String CALENDAR_SYNC =
      """
      {"id": "calendar-sync", "name": "Calendar sync", "startNode": "seen",
       "nodes": [{"id": "seen", "type": "transform", "config": {"set": {"seen": "'calendar'"}}}],
       "edges": [{"from": "seen", "to": "__end__"}]}
      """;

  @LocalServerPort int port;
  @Autowired CalendarChannels channels;
  @Autowired GmailMailboxes mailboxes;
  @Autowired WorkflowEngine engine;
  WebClient google;

  @BeforeEach
  void setUp() {
    google = new WebClient(port, null);
    if (engine.definitions("ada", 0, 1).isEmpty()) {
      engine.saveDefinition("ada", Workflows.parse(CALENDAR_SYNC));
    }
  }

  @Test
  void aGenuineCalendarNotificationIs204AndStartsTheWorkflowForTheChannelsUser() {
    String channel = channelOf("ada");
    int before = executions("ada", "calendar-sync").size();

    // The sync message opening a channel is acknowledged, and starts nothing.
    notify(channel, CHANNEL_TOKEN, "sync", 1).expect(204);
    assertThat(executions("ada", "calendar-sync")).hasSize(before);
    WebClient.Reply reply = notify(channel, CHANNEL_TOKEN, "exists", 2).expect(204);

    assertThat(reply.response().body()).isEmpty();
    List<JsonNode> started = executions("ada", "calendar-sync");
    assertThat(started).hasSize(before + 1);
    assertThat(started.get(0).path("user_id").asText()).isEqualTo("ada");
    assertThat(executions("bob", "calendar-sync")).isEmpty();
  }

  @Test
  void aReplayedNotificationIs200AndStartsNothingMore() {
    String channel = channelOf("ada");
    notify(channel, CHANNEL_TOKEN, "exists", 7).expect(204);
    int after = executions("ada", "calendar-sync").size();

    WebClient.Reply replay = notify(channel, CHANNEL_TOKEN, "exists", 7).expect(200);
    notify(channel, CHANNEL_TOKEN, "exists", 6).expect(200);

    assertThat(replay.response().body()).isEmpty();
    assertThat(executions("ada", "calendar-sync")).hasSize(after);
  }

  @Test
  void aWrongTokenIs403AndAnUnknownOrExpiredChannelIs404RevealingNothing() {
    String channel = channelOf("ada");
    String expired = UUID.randomUUID().toString();
    channels.register(
        CalendarChannel.of("ada", expired, CHANNEL_TOKEN, "primary")
            .withExpiration(Instant.now().minusSeconds(60)));

    WebClient.Reply wrongToken = notify(channel, "a-guessed-token-123456", "exists", 2).expect(403);
    notify(channel, null, "exists", 2).expect(403);
    WebClient.Reply unknown = notify("no-such-channel", CHANNEL_TOKEN, "exists", 2).expect(404);
    WebClient.Reply gone = notify(expired, CHANNEL_TOKEN, "exists", 2).expect(404);

    assertThat(wrongToken.text("detail")).doesNotContain(CHANNEL_TOKEN, channel, "ada");
    assertThat(unknown.text("detail")).isEqualTo(gone.text("detail"));
    assertThat(channels.lastMessageNumber(channel)).isZero();
  }

  @Test
  void aNotificationWithoutGooglesHeadersIs400NamingTheMissingOne() {
    WebClient.Reply reply = google.post(CALENDAR, "").expect(400);

    assertThat(reply.text("detail")).contains("X-Goog-Channel-ID");
  }

  @Test
  void aWorkflowThatCannotStartIs503SoGoogleRetriesAndTheNotificationIsNotRecorded() {
    // Bob has no workflow calendar-sync of his own: starting it for him fails.
    String channel = channelOf("bob");

    WebClient.Reply reply = notify(channel, CHANNEL_TOKEN, "exists", 2).expect(503);

    assertThat(reply.text("detail")).doesNotContain("calendar-sync", "bob");
    assertThat(channels.lastMessageNumber(channel)).isZero();
  }

  @Test
  void aGmailPushWithTheTokenIs204AndStartsTheWorkflowForTheMailboxsUser() {
    mailboxes.register("ivy@example.com", "ivy");

    google.post(gmail(GMAIL_TOKEN), envelope("ivy@example.com", "m-1")).expect(204);

    List<JsonNode> started = executions("ivy", "inbox-sync");
    assertThat(started).hasSize(1);
    assertThat(started.get(0).path("user_id").asText()).isEqualTo("ivy");
  }

  @Test
  void aGmailPushWithoutTheTokenIs403AndOnesThatCanNeverSucceedAreAcknowledged() {
    mailboxes.register("jo@example.com", "jo");

    google.post(gmail("wrong-token-0123456789"), envelope("jo@example.com", "m-2")).expect(403);
    google.post("/webhooks/google/gmail", envelope("jo@example.com", "m-3")).expect(403);
    // Pub/Sub would redeliver these for days: 204, and nothing started.
    google.post(gmail(GMAIL_TOKEN), envelope("nobody@example.com", "m-4")).expect(204);
    google.post(gmail(GMAIL_TOKEN), "{\"message\": 42}").expect(204);
    google
        .post(gmail(GMAIL_TOKEN), "x".repeat(GooglePushController.MAX_GMAIL_BODY + 1))
        .expect(413);

    assertThat(executions("jo", "inbox-sync")).isEmpty();
  }

  /** A channel of the user, registered as the application does once its watch succeeded. */
  private String channelOf(String user) {
    String channel = UUID.randomUUID().toString();
    channels.register(CalendarChannel.of(user, channel, CHANNEL_TOKEN, "primary"));
    return channel;
  }

  private WebClient.Reply notify(String channel, String token, String state, long number) {
    List<String> headers = new ArrayList<>();
    headers.addAll(List.of("X-Goog-Channel-ID", channel));
    if (token != null) {
      headers.addAll(List.of("X-Goog-Channel-Token", token));
    }
    headers.addAll(List.of("X-Goog-Resource-ID", "o3hgv1538sdjfh"));
    headers.addAll(List.of("X-Goog-Resource-State", state));
    headers.addAll(List.of("X-Goog-Message-Number", Long.toString(number)));
    return google.send("POST", CALENDAR, "", headers.toArray(String[]::new));
  }

  private List<JsonNode> executions(String user, String workflowId) {
    JsonNode page =
        new WebClient(port, user)
            .get("/executions?limit=100&workflow_id=" + workflowId)
            .expect(200)
            .body();
    List<JsonNode> executions = new ArrayList<>();
    page.path("executions").forEach(executions::add);
    return executions;
  }

  private static String gmail(String token) {
    return "/webhooks/google/gmail?token=" + token;
  }

  /** A Pub/Sub push envelope around a Gmail notification, as Pub/Sub posts it. */
  private static String envelope(String email, String messageId) {
    String data =
        Base64.getEncoder()
            .encodeToString(
                ("{\"emailAddress\":\"" + email + "\",\"historyId\":\"9876\"}").getBytes(UTF_8));
    return "{\"message\":{\"data\":\""
        + data
        + "\",\"messageId\":\""
        + messageId
        + "\",\"publishTime\":\"2026-03-01T10:00:00Z\"},"
        + "\"subscription\":\"projects/p/subscriptions/s\"}";
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class InboxWorkflow {
    @Bean
    Workflow inboxSync() {
      return Workflow.builder("inbox-sync")
          .node("seen", state -> Map.of("seen", "inbox"))
          .edge(Workflow.START, "seen")
          .edge("seen", Workflow.END)
          .build();
    }
  }
}
