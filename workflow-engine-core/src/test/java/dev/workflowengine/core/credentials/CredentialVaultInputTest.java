package dev.workflowengine.core.credentials;

import static dev.workflowengine.core.credentials.VaultFixtures.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialVaultInputTest {

  private final MapCredentialStore store = new MapCredentialStore();
  private final CredentialVault vault = VaultFixtures.vault(store, "k1", newKey());

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "a b", "tab\there", "new\nline", "nul\0", "\u00A0nbsp", "lone\uDC00"})
  void invalidUserIdsAreRefusedByEveryOperation(String userId) {
    assertThatThrownBy(() -> vault.putString(userId, "google", "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("user id must");
    assertThatThrownBy(() -> vault.get(userId, "google"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vault.delete(userId, "google"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vault.names(userId)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vault.rotate(userId, "google"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vault.rotateAll(userId)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.allValues()).isEmpty();
  }

  @Test
  void tooLongUserIdSaysTheLimit() {
    assertThatThrownBy(() -> vault.putString("u".repeat(257), "google", "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 256 characters but has 257");
  }

  @Test
  void userIdsFromIdentityProvidersAreAccepted() {
    for (String userId :
        new String[] {
          "alice@example.com", "auth0|5f7c8ec7", "0b7e-11d2", "ユーザー", "u".repeat(256)
        }) {
      vault.putString(userId, "google", "s");
      assertThat(vault.getString(userId, "google")).hasValue("s");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "has space", "slash/name", "ümlaut", "semi;colon"})
  void invalidNamesAreRefused(String name) {
    assertThatThrownBy(() -> vault.putString("u1", name, "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("credential name must be 1 to 128 characters")
        .hasMessageContaining("'google'");
    assertThatThrownBy(() -> vault.get("u1", name)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vault.rotate("u1", name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tooLongNameSaysItsLength() {
    assertThatThrownBy(() -> vault.putString("u1", "n".repeat(129), "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it has 129 characters");
  }

  @Test
  void validationMessagesNeverEchoTheRejectedValue() {
    // The classic slip: secret and name swapped. The token must not land in the message.
    String token = "ya29.secret token/with+chars";

    assertThatThrownBy(() -> vault.putString("u1", token, "google"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(token)
        .hasMessageNotContaining("ya29")
        .hasMessageContaining("index 11");
  }

  @Test
  void nullArgumentsAreNamed() {
    assertThatNullPointerException()
        .isThrownBy(() -> vault.put(null, "google", new byte[0]))
        .withMessage("userId");
    assertThatNullPointerException()
        .isThrownBy(() -> vault.put("u1", null, new byte[0]))
        .withMessage("name");
    assertThatNullPointerException()
        .isThrownBy(() -> vault.put("u1", "google", null))
        .withMessage("secret");
    assertThatNullPointerException()
        .isThrownBy(() -> vault.putString("u1", "google", null))
        .withMessage("secret");
    assertThatNullPointerException().isThrownBy(() -> vault.names(null)).withMessage("userId");
  }
}
