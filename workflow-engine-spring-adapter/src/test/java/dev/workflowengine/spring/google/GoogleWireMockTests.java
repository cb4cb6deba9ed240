package dev.workflowengine.spring.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.spring.google.GoogleTesting.CLIENT;
import static dev.workflowengine.spring.google.GoogleTesting.CLIENT_ID;
import static dev.workflowengine.spring.google.GoogleTesting.CLIENT_SECRET;
import static dev.workflowengine.spring.google.GoogleTesting.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.google.AuthorizationStatus;
import dev.workflowengine.google.GoogleAuthorization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configured token URI and root URL are where the beans go: a user connects through the
 * authorization bean's OAuth flow against WireMock's token endpoint, then a JSON definition's
 * Calendar tool, run by the engine for that user, reaches WireMock's Calendar API with the token
 * the user was given.
 */
@WireMockTest
class GoogleWireMockTests {

  private static final String CODE = "4/0AX4XfWcode-from-google";
  private static final String ACCESS_TOKEN = "ya29.access-token-of-ada";

  private static final String AGENDA =
      """
      {"id": "agenda", "version": 1,
       "nodes": [{"id": "events", "type": "tool",
                  "config": {"tool": "google.calendar.list_events",
                             "arguments": {"from": "2026-03-02", "to": "2026-03-02"}}}],
       "edges": [{"from": "__start__", "to": "events"}, {"from": "events", "to": "__end__"}]}""";

  @Test
  void aUserConnectsThroughTheConfiguredTokenUriAndTheirRunsCallTheConfiguredRootUrl(
      WireMockRuntimeInfo wireMock) {
    stubGoogle(wireMock);
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues(
            "workflow-engine.google.token-uri=" + wireMock.getHttpBaseUrl() + "/token",
            "workflow-engine.google.root-url=" + wireMock.getHttpBaseUrl(),
            "workflow-engine.google.time-zone=UTC")
        .run(
            context -> {
              AuthorizationStatus status = connect(context.getBean(GoogleAuthorization.class));

              assertThat(status.userId()).isEqualTo("ada");
              assertThat(status.connected()).isTrue();
              assertTokenRequest(wireMock);

              WorkflowEngine engine = context.getBean(WorkflowEngine.class);
              engine.register(
                  Workflows.compile(Workflows.parse(AGENDA), context.getBean(Catalog.class)));
              ExecutionRecord ada = runAgenda(engine, "ada");
              ExecutionRecord bob = runAgenda(engine, "bob");

              assertThat(ada.status()).isEqualTo(ExecutionStatus.COMPLETED);
              assertThat(ada.output().get("events").toString()).contains("Design review");
              // Bob never connected: his run fails instead of borrowing Ada's account.
              assertThat(bob.status()).isEqualTo(ExecutionStatus.FAILED);
            });
    List<LoggedRequest> calendarCalls =
        wireMock.getWireMock().find(anyRequestedFor(anyUrl())).stream()
            .filter(request -> request.getUrl().startsWith("/calendar/"))
            .toList();
    assertThat(calendarCalls)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.getUrl()).startsWith("/calendar/v3/calendars/primary/events?");
              assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
            });
  }

  private static AuthorizationStatus connect(GoogleAuthorization authorization) {
    String state = GoogleTesting.query(authorization.authorizationUrl("ada")).get("state");
    return authorization.handleCallback(CODE, state);
  }

  private static ExecutionRecord runAgenda(WorkflowEngine engine, String user) {
    return engine
        .start(StartRequest.of("agenda", Map.of()).user(user))
        .await(Duration.ofSeconds(20));
  }

  private static void assertTokenRequest(WireMockRuntimeInfo wireMock) {
    List<LoggedRequest> exchanges =
        wireMock.getWireMock().find(postRequestedFor(urlEqualTo("/token")));
    assertThat(exchanges).hasSize(1);
    assertThat(GoogleTesting.decode(exchanges.get(0).getBodyAsString()))
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", CODE)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("client_secret", CLIENT_SECRET)
        .containsEntry("redirect_uri", REDIRECT_URI)
        .containsKey("code_verifier");
  }

  private static void stubGoogle(WireMockRuntimeInfo wireMock) {
    wireMock
        .getWireMock()
        .register(
            post(urlEqualTo("/token"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(
                            "{\"access_token\":\""
                                + ACCESS_TOKEN
                                + "\",\"expires_in\":3600,\"refresh_token\":\"1//refresh-of-ada\","
                                + "\"scope\":\"https://www.googleapis.com/auth/calendar.events\","
                                + "\"token_type\":\"Bearer\"}")));
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .willReturn(
                    okJson(
                        """
                        {"items": [{"id": "e1", "summary": "Design review", "status": "confirmed",
                                    "start": {"dateTime": "2026-03-02T09:00:00Z"},
                                    "end": {"dateTime": "2026-03-02T10:00:00Z"}}]}""")));
  }
}
