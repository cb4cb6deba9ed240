package dev.workflowengine.google;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each setter checks its argument at once; build() checks the required settings. */
class GoogleAuthorizationBuilderTest extends AuthorizationTestBase {

  @Test
  void refusesBlankClientCredentials() {
    assertThatThrownBy(() -> GoogleAuthorization.builder().clientId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> GoogleAuthorization.builder().clientSecret(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> GoogleAuthorization.builder().clientId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clientId");
  }

  @Test
  void refusesUrisThatAreNotAbsoluteHttp() {
    GoogleAuthorizationBuilder builder = GoogleAuthorization.builder();
    assertThatThrownBy(() -> builder.redirectUri(URI.create("/callback")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redirectUri");
    assertThatThrownBy(() -> builder.tokenUri(URI.create("ftp://example.com/token")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.revokeUri(URI.create("https://example.com/revoke#x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.authUri(URI.create("mailto:someone@example.com")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesMissingOrMalformedScopes() {
    GoogleAuthorizationBuilder builder = GoogleAuthorization.builder();
    assertThatThrownBy(() -> builder.scopes(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one scope");
    assertThatThrownBy(() -> builder.scopes(CALENDAR + " " + GMAIL_SEND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.scopes(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAStateLifetimeOutOfRange() {
    GoogleAuthorizationBuilder builder = GoogleAuthorization.builder();
    assertThatThrownBy(() -> builder.stateTtl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.stateTtl(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesACredentialNameTheVaultWouldRefuse() {
    assertThatThrownBy(() -> GoogleAuthorization.builder().credentialName("google work"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void buildSaysWhichRequiredSettingIsMissing() {
    assertThatThrownBy(() -> builder().vault(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> GoogleAuthorization.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientId(String)");
    assertThatThrownBy(
            () ->
                GoogleAuthorization.builder()
                    .clientId(CLIENT_ID)
                    .clientSecret(CLIENT_SECRET)
                    .redirectUri(REDIRECT_URI)
                    .scopes(CALENDAR)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("vault(CredentialVault)");
  }
}
