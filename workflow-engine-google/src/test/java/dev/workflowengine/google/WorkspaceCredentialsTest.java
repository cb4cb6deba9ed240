package dev.workflowengine.google;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.calendar.Calendar;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A Google client built through {@link GoogleWorkspace} calls as the user the authorization knows.
 */
class WorkspaceCredentialsTest extends AuthorizationTestBase {

  private static final String CALENDAR_LIST = "/calendar/v3/users/me/calendarList";

  @Test
  void requestsCarryTheUsersAccessToken() throws IOException {
    connect("alice", 3599);
    server.stubFor(get(urlPathEqualTo(CALENDAR_LIST)).willReturn(json(200, "{\"items\":[]}")));

    calendarOf("alice").calendarList().list().execute();

    server.verify(
        getRequestedFor(urlPathEqualTo(CALENDAR_LIST))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
  }

  @Test
  void aDeadGrantSurfacesFromTheClientAsReauthorizationRequired() {
    connect("alice", 60);
    server.stubFor(
        post(urlEqualTo("/token"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("refresh_token"))
            .willReturn(json(400, "{\"error\":\"invalid_grant\"}")));

    assertThatThrownBy(() -> calendarOf("alice").calendarList().list().execute())
        .isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(server.findAll(getRequestedFor(urlPathEqualTo(CALENDAR_LIST)))).isEmpty();
  }

  @Test
  void aUserWhoNeverConnectedIsNotConnected() {
    assertThatThrownBy(() -> calendarOf("bob").calendarList().list().execute())
        .isInstanceOf(NotConnectedException.class)
        .hasMessageContaining("user 'bob'");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  private Calendar calendarOf(String userId) {
    GoogleWorkspace workspace =
        GoogleWorkspace.builder()
            .credentials(authorization)
            .rootUrl(server.baseUrl() + "/")
            .build();
    return workspace
        .configure(
            new Calendar.Builder(
                workspace.transport(),
                workspace.jsonFactory(),
                workspace.requestInitializer(userId)))
        .build();
  }
}
