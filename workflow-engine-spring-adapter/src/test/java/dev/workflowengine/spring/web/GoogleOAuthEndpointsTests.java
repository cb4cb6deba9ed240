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
import static dev.workflowengine.spring.web.GoogleWebTesting.connect;
import static dev.workflowengine.spring.web.GoogleWebTesting.consentUrl;
import static dev.workflowengine.spring.web.GoogleWebTesting.cookieAttributes;
import static dev.workflowengine.spring.web.GoogleWebTesting.finish;
import static dev.workflowengine.spring.web.GoogleWebTesting.onlySetCookie;
import static dev.workflowengine.spring.web.GoogleWebTesting.query;
import static dev.workflowengine.spring.web.GoogleWebTesting.start;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workflowengine.spring.web.GoogleWebTesting.Flow;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
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
 * The HTTP client keeps no cookies: each test sends the flow cookies a browser would hold.
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
      // Not the default, so that the flow cookie's Max-Age is seen to follow it.
      "workflow-engine.google.state-ttl=7m",
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
  void authorizeSetsACookieBindingTheFlowToTheBrowserThatOnlyTheCallbackReceives() {
    WebClient.Reply reply = user("ada").get("/oauth/google/authorize").expect(302);

    String state =
        query(URI.create(reply.response().headers().firstValue("Location").orElseThrow()))
            .get("state");
    String setCookie = onlySetCookie(reply);
    String hash = sha256(state);
    // The state's hash, not the state: the cookie alone cannot finish a flow.
    assertThat(setCookie)
        .startsWith("workflow_engine_oauth_" + hash.substring(0, 8) + "=" + hash + ";")
        .doesNotContain(state);
    Map<String, String> attributes = cookieAttributes(setCookie);
    assertThat(attributes)
        .containsEntry("path", "/api/v1/oauth/google/callback")
        .containsEntry("max-age", "420")
        .containsEntry("httponly", "")
        .containsEntry("samesite", "Lax")
        .doesNotContainKey("domain")
        // Plain HTTP here; on HTTPS it is Secure (GoogleFlowCookieTests).
        .doesNotContainKey("secure");
  }

  @Test
  void authorizeAnswersJsonWhenTheClientAsksForIt() {
    WebClient ada = user("ada");
    WebClient.Reply reply =
        ada.send("GET", "/oauth/google/authorize", "", "Accept", "application/json").expect(200);

    URI consent = URI.create(reply.text("authorization_url"));
    assertThat(query(consent)).containsEntry("client_id", CLIENT_ID);
    // Every flow has a state of its own, and the JSON answer sets the flow's cookie too.
    assertThat(query(consent).get("state")).isNotEqualTo(query(consentUrl(ada)).get("state"));
    assertThat(onlySetCookie(reply))
        .startsWith("workflow_engine_oauth_")
        .contains("=" + sha256(query(consent).get("state")) + ";", "; HttpOnly");
  }

  @Test
  void theCallbackExchangesTheCodeAtTheTokenEndpointAndTheUserIsConnected() {
    WebClient grace = user("grace");
    Flow flow = start(grace);

    WebClient.Reply page = finish(grace, flow.state(), flow.cookie()).expect(200);

    assertThat(page.response().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
    // The flow is over: its cookie is deleted from the browser.
    String cleared = onlySetCookie(page);
    assertThat(cleared).startsWith(flow.cookieName() + "=;");
    assertThat(cookieAttributes(cleared))
        .containsEntry("max-age", "0")
        .containsEntry("path", "/api/v1/oauth/google/callback");
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
    Flow flow = start(ken);
    finish(ken, flow.state(), flow.cookie()).expect(200);

    // A browser drops the deleted cookie; one that sent it again would meet the used-up state.
    WebClient.Reply reloaded = finish(ken, flow.state()).expect(400);
    WebClient.Reply reused = finish(ken, flow.state(), flow.cookie()).expect(400);
    WebClient.Reply unknown = finish(ken, "forged-state-0123456789").expect(400);

    assertThat(reloaded.text("detail"))
        .contains("start again at GET /api/v1/oauth/google/authorize in this browser");
    assertThat(reused.text("detail")).contains("Start again at GET /api/v1/oauth/google/authorize");
    assertThat(unknown.text("detail")).isEqualTo(reloaded.text("detail"));
    assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(1);
  }

  @Test
  void aConsentUrlOfAnotherUsersFlowFinishedInABrowserWithoutItsCookieIs400AndStoresNothing() {
    // Login CSRF: mallory starts a flow as herself and has victor consent through its URL.
    WebClient mallory = user("mallory");
    Flow malloryFlow = start(mallory);
    WebClient victor = user("victor");
    Flow victorsOwnFlow = start(victor);

    // Victor's browser, with or without his session and his own flow's cookie.
    WebClient.Reply refused = finish(victor, malloryFlow.state()).expect(400);
    victor.send("GET", GoogleWebTesting.callback(malloryFlow.state()), "").expect(400);
    finish(victor, malloryFlow.state(), victorsOwnFlow.cookie()).expect(400);

    assertThat(refused.text("detail"))
        .contains(
            "not started in this browser",
            "nothing was stored",
            "start again at GET /api/v1/oauth/google/authorize");
    assertThat(refused.response().body()).doesNotContain(malloryFlow.state(), CODE);
    assertThat(refused.response().headers().allValues("Set-Cookie")).isEmpty();
    assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).isEmpty();
    assertThat(mallory.get("/oauth/google/status").body().path("connected").asBoolean()).isFalse();
    assertThat(victor.get("/oauth/google/status").body().path("connected").asBoolean()).isFalse();
  }

  @Test
  void aRefusedCallbackLeavesTheStateToTheBrowserThatStartedTheFlow() {
    WebClient olga = user("olga");
    Flow flow = start(olga);
    finish(olga, flow.state()).expect(400);
    // A cookie of the right name whose value is not the state's hash.
    finish(olga, flow.state(), flow.cookieName() + "=" + sha256("another-state")).expect(400);

    finish(olga, flow.state(), flow.cookie()).expect(200);

    assertThat(olga.get("/oauth/google/status").body().path("connected").asBoolean()).isTrue();
    assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(1);
  }

  @Test
  void eachOfTwoFlowsInOneBrowserIsFinishedOnlyWithItsOwnCookie() {
    WebClient pat = user("pat");
    Flow first = start(pat);
    Flow second = start(pat);
    assertThat(second.cookieName()).isNotEqualTo(first.cookieName());

    // The other flow's cookie is not this one's.
    finish(pat, first.state(), second.cookie()).expect(400);
    assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).isEmpty();

    // A browser holding both, as after two tabs: the later flow does not break the earlier one.
    WebClient.Reply earlier = finish(pat, first.state(), first.cookie(), second.cookie());
    WebClient.Reply later = finish(pat, second.state(), second.cookie()).expect(200);

    assertThat(onlySetCookie(earlier.expect(200))).startsWith(first.cookieName() + "=;");
    assertThat(onlySetCookie(later)).startsWith(second.cookieName() + "=;");
    assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(2);
    assertThat(pat.get("/oauth/google/status").body().path("connected").asBoolean()).isTrue();
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
    // The state is used up all the same, and its cookie deleted.
    assertThat(cookieAttributes(onlySetCookie(reply))).containsEntry("max-age", "0");
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

  private static String sha256(String state) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(state.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
