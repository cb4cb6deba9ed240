package dev.workflowengine.core.credentials;

import static dev.workflowengine.core.credentials.VaultFixtures.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.workflowengine.api.CredentialException;
import dev.workflowengine.api.WorkflowException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class CredentialVaultTamperTest {

  private static final String SECRET = "refresh-token-0123456789-do-not-leak";

  private final MapCredentialStore store = new MapCredentialStore();
  private final byte[] key1 = newKey();
  private final CredentialVault vault = VaultFixtures.vault(store, "k1", key1);

  @Test
  void alteringAnyByteIsDetected() {
    vault.putString("u1", "google", SECRET);
    byte[] original = store.raw("u1", "google");

    for (int mask : new int[] {0x01, 0x80, 0xFF}) {
      for (int i = 0; i < original.length; i++) {
        byte[] altered = original.clone();
        altered[i] ^= (byte) mask;
        store.putRaw("u1", "google", altered);

        int position = i;
        assertThatThrownBy(() -> vault.getString("u1", "google"))
            .as("byte %d xor 0x%02x", position, mask)
            .isInstanceOf(CredentialException.class)
            .hasMessageContaining("credential 'google' of user 'u1'")
            .hasMessageNotContaining(SECRET);
      }
    }
  }

  @Test
  void truncationAtAnyLengthIsDetected() {
    vault.putString("u1", "google", SECRET);
    byte[] original = store.raw("u1", "google");

    for (int length = 0; length < original.length; length++) {
      store.putRaw("u1", "google", Arrays.copyOf(original, length));

      int kept = length;
      assertThatThrownBy(() -> vault.get("u1", "google"))
          .as("truncated to %d bytes", kept)
          .isInstanceOf(CredentialException.class)
          .hasMessageContaining("credential 'google' of user 'u1'");
    }
  }

  @Test
  void appendedBytesAreDetected() {
    vault.putString("u1", "google", SECRET);
    byte[] original = store.raw("u1", "google");

    store.putRaw("u1", "google", Arrays.copyOf(original, original.length + 1));

    assertThatThrownBy(() -> vault.get("u1", "google")).isInstanceOf(CredentialException.class);
  }

  @Test
  void unknownKeyIdSaysWhichKeyToAdd() {
    vault.putString("u1", "google", SECRET);
    CredentialVault other = VaultFixtures.vault(store, "k2", newKey());

    CredentialException e =
        catchThrowableOfType(() -> other.getString("u1", "google"), CredentialException.class);

    assertThat(e)
        .hasMessageContaining("credential 'google' of user 'u1' was encrypted with key 'k1'")
        .hasMessageContaining("it holds [k2]")
        .hasMessageContaining(
            "add the key with id 'k1' to the vault, or write the credential again");
    assertThat(e.userId()).isEqualTo("u1");
    assertThat(e.credentialName()).isEqualTo("google");
    assertThat(e.keyId()).hasValue("k1");
    assertThat(e).isInstanceOf(WorkflowException.class);
    assertThat(e.isRetriable()).isFalse();
  }

  @Test
  void wrongKeyUnderTheSameIdIsATypedFailure() {
    vault.putString("u1", "google", SECRET);
    CredentialVault wrongKey = VaultFixtures.vault(store, "k1", newKey());

    CredentialException e =
        catchThrowableOfType(() -> wrongKey.getString("u1", "google"), CredentialException.class);

    assertThat(e)
        .hasMessageContaining("could not be decrypted with key 'k1'")
        .hasMessageContaining("add the original key with id 'k1' to the vault")
        .hasCauseInstanceOf(AEADBadTagException.class);
    assertThat(e.keyId()).hasValue("k1");
  }

  @Test
  void ciphertextCopiedToAnotherUserFails() {
    // Ids of equal length, so only their content can tell them apart.
    vault.putString("alice", "google", SECRET);
    store.putRaw("carol", "google", store.raw("alice", "google"));

    assertThatThrownBy(() -> vault.getString("carol", "google"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("credential 'google' of user 'carol'")
        .hasMessageContaining("copied from another user or credential");
  }

  @Test
  void ciphertextCopiedToAnotherNameFails() {
    vault.putString("u1", "google", SECRET);
    store.putRaw("u1", "github", store.raw("u1", "google"));

    assertThatThrownBy(() -> vault.getString("u1", "github"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("credential 'github' of user 'u1'");
  }

  @Test
  void userAndNameAreBoundSeparatelyNotAsOneString() {
    // "user1" + "x" and "user" + "1x" concatenate alike; the length prefixes tell them apart.
    vault.putString("user1", "x", SECRET);
    store.putRaw("user", "1x", store.raw("user1", "x"));

    assertThatThrownBy(() -> vault.getString("user", "1x")).isInstanceOf(CredentialException.class);
  }

  @Test
  void unknownFormatVersionSaysSo() {
    vault.putString("u1", "google", SECRET);
    byte[] stored = store.raw("u1", "google");
    stored[0] = 7;
    store.putRaw("u1", "google", stored);

    assertThatThrownBy(() -> vault.get("u1", "google"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("format version 7 but this vault reads only version 1");
  }

  @Test
  void rotatingADamagedValueFailsTheSameWay() {
    vault.putString("u1", "google", SECRET);
    byte[] stored = store.raw("u1", "google");
    stored[stored.length - 1] ^= 1;
    store.putRaw("u1", "google", stored);
    CredentialVault rotating =
        CredentialVault.builder()
            .store(store)
            .key("k1", key1)
            .key("k2", newKey())
            .activeKey("k2")
            .build();

    assertThatThrownBy(() -> rotating.rotate("u1", "google"))
        .isInstanceOf(CredentialException.class);
    assertThat(store.raw("u1", "google")).isEqualTo(stored);
  }

  @Test
  void failureMessagesCarryNoSecretAndNoKeyMaterial() {
    List<CredentialException> failures = new ArrayList<>();
    vault.putString("u1", "google", SECRET);
    byte[] good = store.raw("u1", "google");
    failures.add(fail(VaultFixtures.vault(store, "k2", newKey())));
    failures.add(fail(VaultFixtures.vault(store, "k1", newKey())));
    byte[] tampered = good.clone();
    tampered[20] ^= 1;
    store.putRaw("u1", "google", tampered);
    failures.add(fail(vault));
    store.putRaw("u1", "google", Arrays.copyOf(good, 10));
    failures.add(fail(vault));

    for (CredentialException e : failures) {
      String everything = e + " " + e.getCause();
      assertThat(everything).doesNotContain(SECRET).doesNotContain("refresh-token");
      for (String rendering : VaultFixtures.renderings(key1)) {
        assertThat(everything).doesNotContain(rendering);
      }
    }
  }

  private static CredentialException fail(CredentialVault reader) {
    return catchThrowableOfType(() -> reader.getString("u1", "google"), CredentialException.class);
  }
}
