package dev.workflowengine.spring.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.workflowengine.spring.web.GoogleWebTesting.ACCESS_TOKEN;
import static dev.workflowengine.spring.web.GoogleWebTesting.CLIENT_ID;
import static dev.workflowengine.spring.web.GoogleWebTesting.CODE;
import static dev.workflowengine.spring.web.GoogleWebTesting.REDIRECT_URI;
import static dev.workflowengine.spring.web.GoogleWebTesting.REFRESH_TOKEN;
import static dev.workflowengine.spring.web.GoogleWebTesting.SCOPE;
import static dev.workflowengine.spring.web.GoogleWebTesting.callback;
import static dev.workflowengine.spring.web.GoogleWebTesting.connect;
import static dev.workflowengine.spring.web.GoogleWebTesting.consentUrl;
import static dev.workflowengine.spring.web.GoogleWebTesting.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Authorize, callback, status and disconnect over HTTP, with WireMock as Google's token and revoke
 * endpoints. Each test acts for users of its own: the tokens stay in the shared context's vault.
 */
@SpringBootTest(
    classes = WebTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "workflow-engine.web.enabled=true",
      "workflow-engine.web.dev-user-header=X-User",
      // Every callback comes from one address; GoogleEndpointsRateLimitTests covers the limits.
      "workflow-engine.web.rate-limit.requests=1000000",
      "workflow-engine.ollama.enabled=false",
      GoogleWebTesting.CLIENT_ID_PROPERTY,
      GoogleWebTesting.CLIENT_SECRET_PROPERTY,
      GoogleWebTesting.REDIRECT_URI_PROPERTY,
      GoogleWebTesting.SCOPES_PROPERTY
    })
class GoogleOAuthEndpointsTests {

  @RegisterExtension static WireMockExtension google = GoogleWebTesting.wireMock();

  @DynamicPropertySource
  static void googleEndpoints(DynamicPropertyRegistry registry) {
    registry.add("workflow-engine.google.token-uri", () -> google.baseUrl() + "/token");
    registry.add("workflow-engine.google.revoke-uri", () -> google.baseUrl() + "/revoke");
  }

  @LocalServerPort int port;

  @BeforeEach
  void stubGoogle() {
    GoogleWebTesting.stubTokenEndpoint(google);
  }

  private WebClient user(String id) {
    return new WebClient(port, id);
  }

  @Test
  void authorizeRedirectsToGooglesConsentPageForTheConfiguredClientWithAState() {
    WebClient.Reply reply = user("ada").get("/oauth/google/authorize").expect(302);

    URI consent = URI.create(reply.response().headers().firstValue("Location").orElseThrow());
    assertThat(consent.getHost()).isEqualTo("accounts.google.com");
    Map<String, String> parameters = query(consent);
    assertThat(parameters)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", REDIRECT_URI)
        .containsEntry("scope", SCOPE)
        .containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256");
    assertThat(parameters.get("state")).isNotBlank();
    assertThat(reply.response().headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void authorizeAnswersJsonWhenTheClientAsksForIt() {
    WebClient ada = user("ada");
    WebClient.Reply reply =
        ada.send("GET", "/oauth/google/authorize", "", "Accept", "application/json").expect(200);

    URI consent = URI.create(reply.text("authorization_url"));
    assertThat(query(consent)).containsEntry("client_id", CLIENT_ID);
    // Every flow has a state of its own.
    assertThat(query(consent).get("state")).isNotEqualTo(query(consentUrl(ada)).get("state"));
  }

  @Test
  void theCallbackExchangesTheCodeAtTheTokenEndpointAndTheUserIsConnected() {
    WebClient grace = user("grace");

    WebClient.Reply page = connect(grace).expect(200);

    assertThat(page.response().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
    assertThat(page.response().body()).contains("connected").doesNotContain(CODE);
    assertThat(google.findAll(postRequestedFor(urlEqualTo("/token"))).get(0).getBodyAsString())
        .contains("code_verifier=", "client_id=" + CLIENT_ID);
    WebClient.Reply status = grace.get("/oauth/google/status").expect(200);
    assertThat(status.text("user_id")).isEqualTo("grace");
    assertThat(status.body().path("connected").asBoolean()).isTrue();
    assertThat(status.body().path("scopes").size()).isEqualTo(1);
    assertThat(status.body().path("scopes").get(0).asText()).isEqualTo(SCOPE);
    assertThat(Instant.parse(status.text("access_token_expiry"))).isAfter(Instant.now());
    assertThat(status.response().body()).doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN);
  }

  @Test
  void aUserWhoNeverConnectedIsNotConnectedAndSeesNoOtherUsersConnection() {
    connect(user("ivan")).expect(200);

    WebClient.Reply status = user("judy").get("/oauth/google/status").expect(200);

    assertThat(status.text("user_id")).isEqualTo("judy");
    assertThat(status.body().path("connected").asBoolean()).isFalse();
    assertThat(status.body().path("scopes").size()).isZero();
    assertThat(status.body().path("access_token_expiry").isNull()).isTrue();
  }

  @Test
  void aReusedOrUnknownStateIs400SayingToStartAgainAndNeverReachesGoogle() {
    WebClient ken = user("ken");
    String state = query(consentUrl(ken)).get("state");
    ken.as(null).get(callback(state)).expect(200);

    WebClient.Reply reused = ken.as(null).get(callback(state)).expect(400);
    WebClient.Reply unknown = ken.as(null).get(callback("forged-state-0123456789")).expect(400);

    assertThat(reused.text("detail")).contains("Start again at GET /api/v1/oauth/google/authorize");
    assertThat(unknown.text("detail")).isEqualTo(reused.text("detail"));
    assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(1);
  }

  @Test
  void aUserWhoDeclinedIs400SayingSo() {
    WebClient.Reply reply =
        user(null).get("/oauth/google/callback?error=access_denied&state=s1").expect(400);

    assertThat(reply.text("detail")).contains("declined", "nothing was stored");
  }

  @Test
  void aCallbackWithoutCodeOrStateIs400ListingWhatIsMissing() {
    WebClient anonymous = user(null);

    WebClient.Reply neither = anonymous.get("/oauth/google/callback").expect(400);
    WebClient.Reply noState = anonymous.get("/oauth/google/callback?code=abc").expect(400);

    assertThat(neither.body().path("problems").findValuesAsText("location"))
        .containsExactly("code", "state");
    assertThat(noState.body().path("problems").findValuesAsText("location"))
        .containsExactly("state");
    assertThat(neither.text("detail")).isNotBlank();
  }

  @Test
  void aCodeTheTokenEndpointRefusesIs502AndNothingIsStored() {
    google.stubFor(
        post(urlEqualTo("/token"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_grant\"}")));
    WebClient leo = user("leo");

    WebClient.Reply reply = connect(leo).expect(502);

    assertThat(reply.text("detail")).contains("invalid_grant", "nothing was stored");
    assertThat(leo.get("/oauth/google/status").body().path("connected").asBoolean()).isFalse();
  }

  @Test
  void disconnectRevokesTheGrantAtGoogleAndForgetsTheTokens() {
    google.stubFor(post(urlEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));
    WebClient mia = user("mia");
    connect(mia).expect(200);

    mia.delete("/oauth/google").expect(204);

    // By the refresh token, which revokes the access tokens with it.
    google.verify(
        1, postRequestedFor(urlEqualTo("/revoke")).withFormParam("token", equalTo(REFRESH_TOKEN)));
    assertThat(mia.get("/oauth/google/status").body().path("connected").asBoolean()).isFalse();
    // Nothing left: disconnecting again is a no-op, not an error.
    mia.delete("/oauth/google").expect(204);
  }

  @Test
  void aFailedRevocationStillDisconnectsAnd200SaysWhereToRemoveAccess() {
    google.stubFor(post(urlEqualTo("/revoke")).willReturn(aResponse().withStatus(503)));
    WebClient nina = user("nina");
    connect(nina).expect(200);

    WebClient.Reply reply = nina.delete("/oauth/google").expect(200);

    assertThat(reply.body().path("disconnected").asBoolean()).isTrue();
    assertThat(reply.body().path("revoked").asBoolean()).isFalse();
    assertThat(reply.text("detail")).contains("503", "https://myaccount.google.com/permissions");
    assertThat(reply.response().body()).doesNotContain(REFRESH_TOKEN, ACCESS_TOKEN);
    assertThat(nina.get("/oauth/google/status").body().path("connected").asBoolean()).isFalse();
  }

  @Test
  void theUsersOwnEndpointsAre401WithoutAUser() {
    WebClient anonymous = user(null);

    anonymous.get("/oauth/google/authorize").expect(401);
    anonymous.get("/oauth/google/status").expect(401);
    anonymous.delete("/oauth/google").expect(401);
  }
}
