package dev.workflowengine.core.credentials;

import static dev.workflowengine.core.credentials.VaultFixtures.contains;
import static dev.workflowengine.core.credentials.VaultFixtures.keyIdOf;
import static dev.workflowengine.core.credentials.VaultFixtures.newKey;
import static dev.workflowengine.core.credentials.VaultFixtures.randomBytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.CredentialException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

  private final MapCredentialStore store = new MapCredentialStore();
  private final CredentialVault vault = VaultFixtures.vault(store, "k1", newKey());

  @Test
  void bytesRoundTrip() {
    byte[] secret = randomBytes(40);

    vault.put("u1", "google", secret);

    assertThat(vault.get("u1", "google")).hasValueSatisfying(v -> assertThat(v).isEqualTo(secret));
  }

  @Test
  void stringsRoundTripIncludingNonAscii() {
    vault.putString("u1", "openai-api-key", "sk-pässwörd-\uD83D\uDD11-密码");

    assertThat(vault.getString("u1", "openai-api-key")).hasValue("sk-pässwörd-\uD83D\uDD11-密码");
  }

  @Test
  void emptySecretsRoundTrip() {
    vault.put("u1", "empty-bytes", new byte[0]);
    vault.putString("u1", "empty-text", "");

    assertThat(vault.get("u1", "empty-bytes")).hasValueSatisfying(v -> assertThat(v).isEmpty());
    assertThat(vault.getString("u1", "empty-text")).hasValue("");
  }

  @Test
  void largeSecretRoundTrips() {
    byte[] secret = randomBytes(4 * 1024 * 1024 + 7);

    vault.put("u1", "large", secret);

    assertThat(vault.get("u1", "large")).hasValueSatisfying(v -> assertThat(v).isEqualTo(secret));
  }

  @Test
  void absentCredentialIsEmpty() {
    assertThat(vault.get("u1", "google")).isEmpty();
    assertThat(vault.getString("u1", "google")).isEmpty();
  }

  @Test
  void storeNeverHoldsThePlaintext() {
    String text = "ya29.a0-refresh-token-that-must-stay-secret";
    byte[] binary = randomBytes(64);

    vault.putString("u1", "google", text);
    vault.put("u1", "binary", binary);

    for (byte[] stored : store.allValues()) {
      assertThat(contains(stored, text.getBytes(UTF_8))).isFalse();
      assertThat(contains(stored, Arrays.copyOfRange(binary, 0, 16))).isFalse();
      assertThat(contains(stored, Arrays.copyOfRange(binary, 48, 64))).isFalse();
    }
  }

  @Test
  void storedValueFollowsTheDocumentedLayout() {
    vault.put("u1", "google", randomBytes(10));

    byte[] stored = store.raw("u1", "google");

    assertThat(stored[0]).isEqualTo((byte) 1);
    assertThat(stored[1]).isEqualTo((byte) 2);
    assertThat(keyIdOf(stored)).isEqualTo("k1");
    assertThat(stored).hasSize(1 + 1 + 2 + 12 + 10 + 16);
  }

  @Test
  void twoWritesOfTheSameSecretDiffer() {
    vault.putString("u1", "a", "same secret");
    byte[] first = store.raw("u1", "a");
    vault.putString("u1", "a", "same secret");
    byte[] second = store.raw("u1", "a");

    assertThat(second).isNotEqualTo(first);
    assertThat(Arrays.copyOfRange(second, 4, 16)).isNotEqualTo(Arrays.copyOfRange(first, 4, 16));
    assertThat(vault.getString("u1", "a")).hasValue("same secret");
  }

  @Test
  void vaultKeepsNoReferenceToCallerArrays() {
    byte[] secret = {1, 2, 3, 4};
    vault.put("u1", "pin", secret);
    secret[0] = 9;

    byte[] read = vault.get("u1", "pin").orElseThrow();
    read[1] = 9;

    assertThat(vault.get("u1", "pin"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3, 4));
  }

  @Test
  void usersNeverSeeEachOthersCredentials() {
    vault.putString("alice", "google", "alice-token");
    vault.putString("bob", "google", "bob-token");
    vault.putString("alice", "slack", "alice-slack");

    assertThat(vault.getString("alice", "google")).hasValue("alice-token");
    assertThat(vault.getString("bob", "google")).hasValue("bob-token");
    assertThat(vault.getString("bob", "slack")).isEmpty();
    assertThat(vault.names("bob")).containsExactly("google");
    assertThat(vault.delete("bob", "slack")).isFalse();
    assertThat(vault.getString("alice", "slack")).hasValue("alice-slack");
  }

  @Test
  void namesAreSortedAndDeleteRemoves() {
    vault.putString("u1", "zoom", "z");
    vault.putString("u1", "asana", "a");
    vault.putString("u1", "google", "g");

    assertThat(vault.names("u1")).containsExactly("asana", "google", "zoom");
    assertThat(vault.delete("u1", "google")).isTrue();
    assertThat(vault.delete("u1", "google")).isFalse();
    assertThat(vault.names("u1")).containsExactly("asana", "zoom");
    assertThat(vault.names("nobody")).isEmpty();
  }

  @Test
  void textThatIsNotValidUnicodeIsRefused() {
    assertThatThrownBy(() -> vault.putString("u1", "bad", "abc\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate")
        .hasMessageNotContaining("abc");
    assertThat(store.names("u1")).isEmpty();
  }

  @Test
  void bytesThatAreNotUtf8CannotBeReadAsText() {
    vault.put("u1", "binary", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});

    assertThatThrownBy(() -> vault.getString("u1", "binary"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("credential 'binary' of user 'u1'")
        .hasMessageContaining("not UTF-8")
        .hasMessageContaining("get(userId, name)");
  }
}
