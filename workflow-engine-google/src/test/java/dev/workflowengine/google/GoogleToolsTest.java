package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Google tool in one catalog, each run acting with its own user's credentials. */
@WireMockTest
class GoogleToolsTest {

  private static final String INBOX =
      """
      {"id": "inbox", "version": 1,
       "nodes": [{"id": "unread", "type": "tool",
                  "config": {"tool": "google.gmail.list_messages",
                             "arguments": {"query": "is:unread", "max": 1}}}],
       "edges": [{"from": "__start__", "to": "unread"}, {"from": "unread", "to": "__end__"}]}""";

  private static final String FILES_AND_EVENTS =
      """
      {"id": "files-and-events", "version": 1,
       "nodes": [{"id": "files", "type": "tool", "config": {"tool": "google.drive.list_files"}},
                 {"id": "events", "type": "tool", "config": {"tool": "google.calendar.list_events"}}],
       "edges": [{"from": "__start__", "to": "files"}, {"from": "files", "to": "events"},
                 {"from": "events", "to": "__end__"}]}""";

  @Test
  void theCatalogHoldsEveryToolByItsName(WireMockRuntimeInfo wireMock) {
    Catalog catalog = GoogleTools.register(Catalog.builder(), workspace(wireMock)).build();

    assertThat(catalog.toolNames())
        .containsExactlyInAnyOrder(
            "google.calendar.list_events",
            "google.calendar.create_event",
            "google.drive.list_files",
            "google.drive.upload_file",
            "google.drive.download_file",
            "google.gmail.list_messages",
            "google.gmail.read_message",
            "google.gmail.send_email");
    assertThat(
            GoogleTools.forRunUser(workspace(wireMock), Clock.system(ZoneOffset.UTC)).stream()
                .map(AgentTool::name))
        .hasSize(8);
  }

  @Test
  void oneDefinitionRunForTwoUsersReadsEachUsersOwnMailbox(WireMockRuntimeInfo wireMock)
      throws Exception {
    stubMailbox(wireMock);
    Catalog catalog = GoogleTools.register(Catalog.builder(), workspace(wireMock)).build();
    try (WorkflowEngine engine = WorkflowEngine.builder().workers(2).build()) {
      engine.register(Workflows.compile(Workflows.parse(INBOX), catalog));

      ExecutionRecord ada = run(engine, "ada");
      ExecutionRecord bob = run(engine, "bob");

      assertThat(ada.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(bob.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(ada.output().get("unread").toString()).contains("Status report");
    }
    List<String> bearers =
        wireMock.getWireMock().find(anyRequestedFor(anyUrl())).stream()
            .map(request -> request.getHeader("Authorization"))
            .toList();
    assertThat(bearers)
        .containsOnly("Bearer token-ada", "Bearer token-bob")
        .contains("Bearer token-ada", "Bearer token-bob")
        .hasSize(4); // a list and a metadata read per user
  }

  @Test
  void theDriveAndCalendarToolsActForTheRunsUserToo(WireMockRuntimeInfo wireMock) throws Exception {
    wireMock
        .getWireMock()
        .register(get(urlPathEqualTo("/drive/v3/files")).willReturn(okJson("{\"files\": []}")));
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .willReturn(okJson("{\"items\": []}")));
    Catalog catalog = GoogleTools.register(Catalog.builder(), workspace(wireMock)).build();
    try (WorkflowEngine engine = WorkflowEngine.builder().workers(1).build()) {
      engine.register(Workflows.compile(Workflows.parse(FILES_AND_EVENTS), catalog));

      assertThat(
              engine
                  .start(StartRequest.of("files-and-events", Map.of()).user("carol"))
                  .await(Duration.ofSeconds(20))
                  .status())
          .isEqualTo(ExecutionStatus.COMPLETED);
    }
    assertThat(wireMock.getWireMock().find(anyRequestedFor(anyUrl())))
        .extracting(request -> request.getUrl().replaceAll("\\?.*", ""))
        .containsExactly("/drive/v3/files", "/calendar/v3/calendars/primary/events");
    assertThat(wireMock.getWireMock().find(anyRequestedFor(anyUrl())))
        .extracting(request -> request.getHeader("Authorization"))
        .containsOnly("Bearer token-carol");
  }

  private static ExecutionRecord run(WorkflowEngine engine, String user) throws Exception {
    return engine
        .start(StartRequest.of("inbox", Map.of()).user(user))
        .await(Duration.ofSeconds(20));
  }

  private static void stubMailbox(WireMockRuntimeInfo wireMock) {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages"))
                .willReturn(okJson("{\"messages\": [{\"id\": \"m1\", \"threadId\": \"t1\"}]}")));
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/m1"))
                .willReturn(
                    okJson(
                        """
                        {"id": "m1", "threadId": "t1", "snippet": "All green",
                         "payload": {"headers": [{"name": "Subject", "value": "Status report"},
                                                 {"name": "From", "value": "ops@example.com"}]}}""")));
  }

  private static GoogleWorkspace workspace(WireMockRuntimeInfo wireMock) {
    Date farFuture = Date.from(Instant.now().plus(Duration.ofDays(1)));
    return GoogleWorkspace.builder()
        .credentials(
            userId -> GoogleCredentials.create(new AccessToken("token-" + userId, farFuture)))
        .rootUrl(wireMock.getHttpBaseUrl() + "/")
        .build();
  }
}
