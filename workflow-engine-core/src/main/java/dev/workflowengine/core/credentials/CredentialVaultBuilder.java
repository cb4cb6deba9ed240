package dev.workflowengine.core.credentials;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.spi.CredentialStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds a {@link CredentialVault}. Each setter checks its argument at once; {@link #build()}
 * checks that the settings fit together.
 *
 * <pre>{@code
 * byte[] key = new byte[32];
 * new SecureRandom().nextBytes(key);     // once; then keep it in your secret manager
 * CredentialVault vault = CredentialVault.builder()
 *     .store(credentialStore)
 *     .key("k1", key)
 *     .build();                          // k1 is active: it is the only key
 * }</pre>
 *
 * <p>Not thread-safe. Key bytes are copied when added and again by {@link #build()}, so the caller
 * may zero its own array afterwards and a reused builder shares nothing with the vaults it built.
 */
public final class CredentialVaultBuilder {

  private static final int KEY_LENGTH = 32;

  private CredentialStore store;
  private final Map<String, byte[]> keys = new LinkedHashMap<>();
  private String activeKeyId;

  CredentialVaultBuilder() {}

  /**
   * The store that holds the ciphertexts. Required.
   *
   * @param store the store, for example the engine's credential store
   * @return this builder
   */
  public CredentialVaultBuilder store(CredentialStore store) {
    this.store = requireNonNull(store, "store");
    return this;
  }

  /**
   * Adds an AES-256 key. Add the keys of earlier rotations too, so values they wrote stay readable.
   *
   * @param keyId the key's id, stored with every value it encrypts: 1 to 64 characters from ASCII
   *     letters, digits, '.', '_', ':' and '-'
   * @param key exactly 32 random bytes; copied
   * @return this builder
   * @throws IllegalArgumentException if the id is not valid or the key is not 32 bytes or is all
   *     zeros
   * @throws IllegalStateException if a key with this id was already added
   */
  public CredentialVaultBuilder key(String keyId, byte[] key) {
    CredentialIds.keyId(keyId);
    requireNonNull(key, "key");
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "key '"
              + keyId
              + "' must be "
              + KEY_LENGTH
              + " bytes for AES-256 but has "
              + key.length
              + "; generate one with KeyGenerator.getInstance(\"AES\") initialised to 256 bits, or"
              + " fill 32 bytes from SecureRandom, and keep it outside the credential store");
    }
    if (isAllZeros(key)) {
      // An unfilled new byte[32] is the classic mistake, and it would encrypt with a known key.
      throw new IllegalArgumentException(
          "key '"
              + keyId
              + "' is all zeros, which is no secret; fill it from SecureRandom or"
              + " KeyGenerator.getInstance(\"AES\") before passing it");
    }
    if (keys.containsKey(keyId)) {
      throw new IllegalStateException(
          "key id '"
              + keyId
              + "' was already added; give each key its own id, and to rotate add the new key"
              + " under a new id and make it the active key");
    }
    keys.put(keyId, key.clone());
    return this;
  }

  /**
   * Adds an AES-256 key held as a {@link SecretKey}.
   *
   * @param keyId the key's id, as for {@link #key(String, byte[])}
   * @param key an exportable AES key of 256 bits
   * @return this builder
   * @throws IllegalArgumentException if the key is not AES, not exportable or not 256 bits
   * @throws IllegalStateException if a key with this id was already added
   */
  public CredentialVaultBuilder key(String keyId, SecretKey key) {
    CredentialIds.keyId(keyId);
    requireNonNull(key, "key");
    if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          "key '"
              + keyId
              + "' must be an AES key but its algorithm is '"
              + key.getAlgorithm()
              + "'; generate one with KeyGenerator.getInstance(\"AES\") initialised to 256 bits");
    }
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new IllegalArgumentException(
          "key '"
              + keyId
              + "' cannot be exported (getEncoded() returned null, as for keys kept in a hardware"
              + " module); the vault needs the key's bytes, so pass an exportable AES-256 key");
    }
    try {
      return key(keyId, encoded);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /**
   * The key new writes use. Optional when exactly one key was added, required otherwise.
   *
   * @param keyId the id of a key added with {@code key(...)}
   * @return this builder
   * @throws IllegalArgumentException if the id is not a valid key id
   */
  public CredentialVaultBuilder activeKey(String keyId) {
    this.activeKeyId = CredentialIds.keyId(keyId);
    return this;
  }

  /**
   * Builds the vault.
   *
   * @return an immutable, thread-safe vault holding copies of the keys
   * @throws IllegalStateException if the store or the keys are missing, or the active key is
   *     missing or was not added
   */
  public CredentialVault build() {
    if (store == null) {
      throw new IllegalStateException(
          "a credential vault needs a store; call store(CredentialStore), for example with the"
              + " engine's credential store");
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException(
          "a credential vault needs at least one key; call key(keyId, bytes) with 32 bytes from"
              + " SecureRandom, kept outside the credential store");
    }
    String active = activeKeyId;
    if (active == null && keys.size() > 1) {
      throw new IllegalStateException(
          "with several keys "
              + keys.keySet()
              + " the vault cannot tell which one new writes use; call activeKey(keyId) with one"
              + " of them, usually the newest");
    }
    if (active == null) {
      active = keys.keySet().iterator().next();
    }
    if (!keys.containsKey(active)) {
      throw new IllegalStateException(
          "active key '"
              + active
              + "' was not added; add it with key(\""
              + active
              + "\", bytes) or make one of "
              + keys.keySet()
              + " active");
    }
    Map<String, SecretKey> copies = new LinkedHashMap<>();
    // SecretKeySpec copies the bytes, so the vault shares no array with this builder.
    keys.forEach((id, bytes) -> copies.put(id, new SecretKeySpec(bytes, "AES")));
    return new CredentialVault(store, Collections.unmodifiableMap(copies), active);
  }

  private static boolean isAllZeros(byte[] key) {
    int bits = 0;
    for (byte b : key) {
      bits |= b;
    }
    return bits == 0;
  }
}
