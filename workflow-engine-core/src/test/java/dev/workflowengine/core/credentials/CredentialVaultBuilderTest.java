package dev.workflowengine.core.credentials;

import static dev.workflowengine.core.credentials.VaultFixtures.keyIdOf;
import static dev.workflowengine.core.credentials.VaultFixtures.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialVaultBuilderTest {

  private final MapCredentialStore store = new MapCredentialStore();

  @Test
  void theOnlyKeyIsActive() {
    CredentialVault vault = CredentialVault.builder().store(store).key("only", newKey()).build();

    vault.putString("u1", "google", "s");

    assertThat(keyIdOf(store.raw("u1", "google"))).isEqualTo("only");
  }

  @Test
  void storeIsRequired() {
    assertThatIllegalStateException()
        .isThrownBy(() -> CredentialVault.builder().key("k1", newKey()).build())
        .withMessageContaining("needs a store")
        .withMessageContaining("store(CredentialStore)");
  }

  @Test
  void aKeyIsRequired() {
    assertThatIllegalStateException()
        .isThrownBy(() -> CredentialVault.builder().store(store).build())
        .withMessageContaining("needs at least one key")
        .withMessageContaining("SecureRandom");
  }

  @Test
  void severalKeysNeedAnActiveOne() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                CredentialVault.builder()
                    .store(store)
                    .key("k1", newKey())
                    .key("k2", newKey())
                    .build())
        .withMessageContaining("[k1, k2]")
        .withMessageContaining("call activeKey(keyId)");
  }

  @Test
  void activeKeyMustHaveBeenAdded() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                CredentialVault.builder().store(store).key("k1", newKey()).activeKey("k3").build())
        .withMessageContaining("active key 'k3' was not added")
        .withMessageContaining("key(\"k3\", bytes)")
        .withMessageContaining("[k1]");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, 24, 31, 33, 64})
  void keysMustBe32Bytes(int length) {
    byte[] key = VaultFixtures.randomBytes(length);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> CredentialVault.builder().key("k1", key))
        .withMessageContaining("key 'k1' must be 32 bytes for AES-256 but has " + length)
        .withMessageContaining("KeyGenerator.getInstance(\"AES\")")
        .withMessageContaining("SecureRandom");
  }

  @Test
  void anUnfilledKeyIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CredentialVault.builder().key("k1", new byte[32]))
        .withMessageContaining("all zeros");
  }

  @Test
  void aKeyIdCanBeAddedOnce() {
    CredentialVaultBuilder builder = CredentialVault.builder().key("k1", newKey());

    assertThatIllegalStateException()
        .isThrownBy(() -> builder.key("k1", newKey()))
        .withMessageContaining("key id 'k1' was already added");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "k 1",
        "k/1",
        "ключ",
        "a-key-id-that-is-far-too-long-for-the-one-byte-prefix-of-the-format"
      })
  void invalidKeyIdsAreRefused(String keyId) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CredentialVault.builder().key(keyId, newKey()))
        .withMessageStartingWith("key id must be 1 to 64 characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CredentialVault.builder().activeKey(keyId))
        .withMessageStartingWith("key id must be 1 to 64 characters");
  }

  @Test
  void nullArgumentsAreNamed() {
    CredentialVaultBuilder builder = CredentialVault.builder();

    assertThatNullPointerException().isThrownBy(() -> builder.store(null)).withMessage("store");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.key(null, newKey()))
        .withMessage("keyId");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.key("k1", (byte[]) null))
        .withMessage("key");
    assertThatNullPointerException()
        .isThrownBy(() -> builder.key("k1", (SecretKey) null))
        .withMessage("key");
    assertThatNullPointerException().isThrownBy(() -> builder.activeKey(null)).withMessage("keyId");
  }

  @Test
  void secretKeysWorkLikeTheirBytes() throws NoSuchAlgorithmException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    SecretKey key = generator.generateKey();
    CredentialVault fromKey = CredentialVault.builder().store(store).key("k1", key).build();

    fromKey.putString("u1", "google", "token");

    CredentialVault fromBytes = VaultFixtures.vault(store, "k1", key.getEncoded());
    assertThat(fromBytes.getString("u1", "google")).hasValue("token");
  }

  @Test
  void secretKeysMustBeAes256AndExportable() throws NoSuchAlgorithmException {
    KeyGenerator aes128 = KeyGenerator.getInstance("AES");
    aes128.init(128);
    SecretKey shortKey = aes128.generateKey();
    SecretKey hmacKey = new SecretKeySpec(newKey(), "HmacSHA256");
    SecretKey hardwareKey = new NonExportableKey();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> CredentialVault.builder().key("k1", shortKey))
        .withMessageContaining("must be 32 bytes for AES-256 but has 16");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CredentialVault.builder().key("k1", hmacKey))
        .withMessageContaining("must be an AES key but its algorithm is 'HmacSHA256'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CredentialVault.builder().key("k1", hardwareKey))
        .withMessageContaining("cannot be exported");
  }

  @Test
  void keyBytesAreCopiedWhenAdded() {
    byte[] key = newKey();
    byte[] original = key.clone();
    CredentialVaultBuilder builder = CredentialVault.builder().store(store).key("k1", key);
    Arrays.fill(key, (byte) 0);

    builder.build().putString("u1", "google", "token");

    assertThat(VaultFixtures.vault(store, "k1", original).getString("u1", "google"))
        .hasValue("token");
  }

  @Test
  void aReusedBuilderDoesNotChangeVaultsItBuilt() {
    CredentialVaultBuilder builder = CredentialVault.builder().store(store).key("k1", newKey());
    CredentialVault first = builder.build();

    CredentialVault second = builder.key("k2", newKey()).activeKey("k2").build();
    first.putString("u1", "a", "1");
    second.putString("u1", "b", "2");

    assertThat(keyIdOf(store.raw("u1", "a"))).isEqualTo("k1");
    assertThat(keyIdOf(store.raw("u1", "b"))).isEqualTo("k2");
    assertThat(first.toString()).contains("keys=[k1]").doesNotContain("k2");
  }

  @Test
  void toStringNamesKeyIdsAndStoreButNoKeyMaterial() {
    byte[] key1 = newKey();
    byte[] key2 = newKey();
    CredentialVault vault =
        CredentialVault.builder()
            .store(store)
            .key("k1", key1)
            .key("k2", key2)
            .activeKey("k2")
            .build();
    vault.putString("u1", "google", "token-value");

    String text = vault.toString();

    assertThat(text)
        .isEqualTo(
            "CredentialVault{store="
                + MapCredentialStore.class.getName()
                + ", keys=[k1, k2], activeKey=k2}");
    for (byte[] key : new byte[][] {key1, key2}) {
      for (String rendering : VaultFixtures.renderings(key)) {
        assertThat(text).doesNotContain(rendering);
      }
    }
  }

  /** Stands in for a key kept in a hardware module: it will not give out its bytes. */
  private static final class NonExportableKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    @Override
    public String getAlgorithm() {
      return "AES";
    }

    @Override
    public String getFormat() {
      return null;
    }

    @Override
    public byte[] getEncoded() {
      return null;
    }
  }
}
