package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.calendar.CalendarScopes;
import com.google.api.services.gmail.GmailScopes;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.WorkflowState;
import dev.workflowengine.core.agent.Agent;
import dev.workflowengine.google.calendar.CalendarTools;
import dev.workflowengine.google.gmail.GmailTools;
import dev.workflowengine.testing.ScriptedChatModel;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's Google section, verbatim but for the endpoints (WireMock instead of Google) and the
 * model (scripted), so it cannot rot.
 */
class ReadmeGoogleTest extends AuthorizationTestBase {

  private final ScriptedChatModel model =
      ScriptedChatModel.builder()
          .toolCall("google.calendar.list_events", "{\"from\": \"2026-03-02\"}")
          .reply("You have one meeting: Design review at 10:00.")
          .build();

  @Test
  void theOauthFlowAndAnAgentWithGoogleToolsRunAsDocumented() throws Exception {
    stubCodeExchange(3600);
    server.stubFor(
        get(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
            .willReturn(okJson("{\"items\": []}")));

    GoogleAuthorization google =
        GoogleAuthorization.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .redirectUri(URI.create("https://app.example.com/oauth2/callback"))
            .scopes(CalendarScopes.CALENDAR_EVENTS, GmailScopes.GMAIL_SEND)
            .vault(vault) // tokens are encrypted before any CredentialStore sees them
            .tokenUri(URI.create(server.baseUrl() + "/token"))
            .build();
    URI consent = google.authorizationUrl("u1"); // send the user here: state, PKCE S256, offline
    String code = CODE;
    String state = query(consent).get("state");
    AuthorizationStatus status = google.handleCallback(code, state); // on your redirect URI

    GoogleWorkspace workspace =
        GoogleWorkspace.builder()
            .credentials(google)
            .rootUrl(server.baseUrl() + "/")
            .build(); // retries, rate limits, circuit breakers
    Agent assistant =
        Agent.builder("assistant")
            .model(model)
            .systemPrompt("You manage the user's calendar and mail.")
            .tools(
                new CalendarTools(workspace.calendar("u1")), new GmailTools(workspace.gmail("u1")))
            .build();
    Map<String, Object> answer =
        assistant.apply(WorkflowState.of(Map.of("input", "What is on my calendar Monday?")));
    Catalog catalog =
        GoogleTools.register(Catalog.builder().defaultModel(model), workspace).build();

    assertThat(status.connected()).isTrue();
    assertThat(status.userId()).isEqualTo("u1");
    assertThat(answer).containsEntry("assistant", "You have one meeting: Design review at 10:00.");
    assertThat(
            server
                .findAll(getRequestedFor(urlPathEqualTo("/calendar/v3/calendars/primary/events")))
                .get(0)
                .getHeader("Authorization"))
        .isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(catalog.toolNames()).contains("google.gmail.send_email");
  }
}
