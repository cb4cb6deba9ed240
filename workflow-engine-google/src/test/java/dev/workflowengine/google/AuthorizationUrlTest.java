package dev.workflowengine.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The consent URL: what it asks Google for, and the state and PKCE challenge of its flow. */
class AuthorizationUrlTest extends AuthorizationTestBase {

  private static final String BASE64URL_256_BITS = "[A-Za-z0-9_-]{43}";

  @Test
  void asksForOfflineAccessWithConsentAndPkceForTheConfiguredClient() {
    URI url = authorization.authorizationUrl("alice");

    assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
        .isEqualTo(AUTH_URI.toString());
    Map<String, String> query = query(url);
    assertThat(query)
        .containsOnlyKeys(
            "response_type",
            "client_id",
            "redirect_uri",
            "scope",
            "state",
            "access_type",
            "prompt",
            "include_granted_scopes",
            "code_challenge",
            "code_challenge_method")
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", REDIRECT_URI.toString())
        .containsEntry("scope", CALENDAR + " " + GMAIL_SEND)
        .containsEntry("access_type", "offline")
        .containsEntry("prompt", "consent")
        .containsEntry("include_granted_scopes", "true")
        .containsEntry("code_challenge_method", "S256");
    assertThat(query.get("state")).matches(BASE64URL_256_BITS);
    assertThat(query.get("code_challenge")).matches(BASE64URL_256_BITS);
  }

  @Test
  void sendsNoUserIdToGoogle() {
    // The library would send it as login_hint; an application's user id is no Google account.
    URI url = authorization.authorizationUrl("alice@app");

    assertThat(url.toString()).doesNotContain("alice").doesNotContain("login_hint");
  }

  @Test
  void everyFlowHasItsOwnStateAndChallenge() {
    Map<String, String> first = query(authorization.authorizationUrl("alice"));
    Map<String, String> second = query(authorization.authorizationUrl("alice"));

    assertThat(second.get("state")).isNotEqualTo(first.get("state"));
    assertThat(second.get("code_challenge")).isNotEqualTo(first.get("code_challenge"));
    assertThat(authorization.pendingFlows()).isEqualTo(2);
  }

  @Test
  void defaultsToGooglesEndpoints() {
    GoogleAuthorization defaults =
        GoogleAuthorization.builder()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .redirectUri(REDIRECT_URI)
            .scopes(CALENDAR)
            .vault(vault)
            .build();

    assertThat(defaults.authorizationUrl("alice").toString())
        .startsWith("https://accounts.google.com/o/oauth2/v2/auth?");
    assertThat(GoogleAuthorizationBuilder.GOOGLE_TOKEN_URI)
        .hasToString("https://oauth2.googleapis.com/token");
    assertThat(GoogleAuthorizationBuilder.GOOGLE_REVOKE_URI)
        .hasToString("https://oauth2.googleapis.com/revoke");
  }

  @Test
  void refusesAUserIdTheVaultWouldRefuseBeforeTheUserConsents() {
    assertThatThrownBy(() -> authorization.authorizationUrl(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> authorization.authorizationUrl("alice smith"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 5");
    assertThatThrownBy(() -> authorization.authorizationUrl("a".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> authorization.authorizationUrl("bad\uD800"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> authorization.authorizationUrl(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(authorization.pendingFlows()).isZero();
  }
}
