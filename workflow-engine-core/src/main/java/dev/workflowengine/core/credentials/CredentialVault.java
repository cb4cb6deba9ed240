package dev.workflowengine.core.credentials;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.CredentialException;
import dev.workflowengine.api.spi.CredentialStore;
import java.nio.charset.CharacterCodingException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts users' credentials (OAuth tokens, API keys) with AES-256-GCM before they reach a {@link
 * CredentialStore}, and decrypts them on the way back. The host supplies the keys; each stored
 * value names the key that encrypted it, so keys can be rotated without losing what was written
 * before.
 *
 * <pre>{@code
 * CredentialVault vault = CredentialVault.builder()
 *     .store(credentialStore)
 *     .key("k1", oldKeyBytes)          // still read
 *     .key("k2", newKeyBytes)          // 32 bytes each, kept outside the store
 *     .activeKey("k2")                 // new writes use k2
 *     .build();
 * vault.putString("u1", "openai-api-key", apiKey);
 * Optional<String> key = vault.getString("u1", "openai-api-key");
 * vault.rotateAll("u1");               // re-encrypt what k1 wrote under k2
 * }</pre>
 *
 * <p>A value that cannot be decrypted (a key the vault does not hold, another key under the same
 * id, a truncated or altered value, or one copied to another user or name) raises a {@link
 * CredentialException}; the vault never returns garbage. Secrets never appear in its exceptions,
 * logs or {@link #toString()}; plaintext copies the vault makes itself are zeroed after use.
 *
 * <h2>Stored format, version 1</h2>
 *
 * <pre>
 * offset   length   content
 * 0        1        format version: 1
 * 1        1        L, the length of the key id in bytes (1 to 64)
 * 2        L        the key id, UTF-8
 * 2+L      12       the IV, random for every write (SecureRandom)
 * 14+L     n+16     the AES-GCM ciphertext of the n-byte secret, then its 128-bit tag
 * </pre>
 *
 * <p>The associated data, authenticated but not stored, is bytes {@code 0} to {@code 2+L} of the
 * value followed by the user id and the credential name, each as a 4-byte big-endian length and its
 * UTF-8 bytes. That binds a value to its owner and name: moved anywhere else it fails to decrypt.
 *
 * <p>Random 96-bit IVs keep the chance of an IV collision negligible up to about 2<sup>32</sup>
 * writes under one key; rotate to a new key well before that.
 *
 * <p>Thread-safe and immutable. {@link #rotate} is not atomic with a concurrent {@link #put} of the
 * same credential, because {@link CredentialStore} has no conditional write: rotate while the
 * credentials are not being written, or write them again afterwards.
 */
public final class CredentialVault {

  private static final Logger log = LoggerFactory.getLogger(CredentialVault.class);

  private final CredentialStore store;
  private final Map<String, SecretKey> keys;
  private final String activeKeyId;
  private final SecureRandom random = new SecureRandom();

  CredentialVault(CredentialStore store, Map<String, SecretKey> keys, String activeKeyId) {
    this.store = store;
    this.keys = keys;
    this.activeKeyId = activeKeyId;
  }

  /**
   * Starts building a vault.
   *
   * @return a new builder
   */
  public static CredentialVaultBuilder builder() {
    return new CredentialVaultBuilder();
  }

  /**
   * Encrypts a secret under the active key and stores it, replacing any previous value.
   *
   * @param userId the owner
   * @param name the credential's name, for example {@code google}
   * @param secret the secret; not modified, and not kept after this call
   * @throws IllegalArgumentException if the user id or name is not valid
   */
  public void put(String userId, String name, byte[] secret) {
    CredentialIds.userId(userId);
    CredentialIds.name(name);
    requireNonNull(secret, "secret");
    store.put(userId, name, seal(userId, name, secret));
  }

  /**
   * Encrypts a text secret, as UTF-8, under the active key and stores it.
   *
   * @param userId the owner
   * @param name the credential's name
   * @param secret the secret
   * @throws IllegalArgumentException if the user id or name is not valid, or the secret is not
   *     valid text (an unpaired surrogate)
   */
  public void putString(String userId, String name, String secret) {
    CredentialIds.userId(userId);
    CredentialIds.name(name);
    requireNonNull(secret, "secret");
    byte[] plaintext = Utf8.encode(secret);
    try {
      store.put(userId, name, seal(userId, name, plaintext));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * Reads and decrypts a secret.
   *
   * @param userId the owner
   * @param name the credential's name
   * @return a fresh copy of the secret, which the caller may zero when done, or empty if none
   * @throws CredentialException if the stored value cannot be decrypted
   * @throws IllegalArgumentException if the user id or name is not valid
   */
  public Optional<byte[]> get(String userId, String name) {
    CredentialIds.userId(userId);
    CredentialIds.name(name);
    return store.get(userId, name).map(stored -> open(userId, name, stored));
  }

  /**
   * Reads and decrypts a text secret.
   *
   * @param userId the owner
   * @param name the credential's name
   * @return the secret, or empty if none
   * @throws CredentialException if the stored value cannot be decrypted or is not UTF-8 text
   * @throws IllegalArgumentException if the user id or name is not valid
   */
  public Optional<String> getString(String userId, String name) {
    Optional<byte[]> plaintext = get(userId, name);
    if (plaintext.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = plaintext.get();
    try {
      return Optional.of(Utf8.decode(bytes));
    } catch (CharacterCodingException e) {
      throw CredentialErrors.notText(userId, name, e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Deletes a credential.
   *
   * @param userId the owner
   * @param name the credential's name
   * @return {@code true} if something was deleted
   */
  public boolean delete(String userId, String name) {
    CredentialIds.userId(userId);
    CredentialIds.name(name);
    return store.delete(userId, name);
  }

  /**
   * The names of a user's credentials.
   *
   * @param userId the owner
   * @return the names, sorted, possibly empty
   */
  public List<String> names(String userId) {
    CredentialIds.userId(userId);
    return List.copyOf(store.names(userId));
  }

  /**
   * Re-encrypts a credential under the active key if another key wrote it.
   *
   * @param userId the owner
   * @param name the credential's name
   * @return {@code true} if it was re-encrypted; {@code false} if it is absent or already under the
   *     active key
   * @throws CredentialException if the stored value cannot be decrypted
   */
  public boolean rotate(String userId, String name) {
    CredentialIds.userId(userId);
    CredentialIds.name(name);
    return rotateChecked(userId, name);
  }

  /**
   * Re-encrypts every credential of a user that another key than the active one wrote, in name
   * order. Stops at the first credential that cannot be decrypted; those rotated before stay
   * rotated, so calling again after fixing the cause is safe.
   *
   * @param userId the owner
   * @return how many credentials were re-encrypted
   * @throws CredentialException if a stored value cannot be decrypted
   */
  public int rotateAll(String userId) {
    CredentialIds.userId(userId);
    int rotated = 0;
    for (String name : store.names(userId)) {
      if (rotateChecked(userId, name)) {
        rotated++;
      }
    }
    return rotated;
  }

  /**
   * The key ids, the active one and the store's class; never key material.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "CredentialVault{store="
        + store.getClass().getName()
        + ", keys="
        + keys.keySet()
        + ", activeKey="
        + activeKeyId
        + "}";
  }

  private boolean rotateChecked(String userId, String name) {
    Optional<byte[]> stored = store.get(userId, name);
    if (stored.isEmpty()) {
      return false;
    }
    Envelope envelope = Envelope.parse(stored.get(), userId, name);
    if (envelope.keyId().equals(activeKeyId)) {
      return false;
    }
    byte[] plaintext = open(userId, name, envelope);
    try {
      store.put(userId, name, seal(userId, name, plaintext));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    log.debug(
        "re-encrypted credential '{}' of user '{}' from key '{}' to key '{}'",
        name,
        userId,
        envelope.keyId(),
        activeKeyId);
    return true;
  }

  private byte[] seal(String userId, String name, byte[] plaintext) {
    byte[] header = Envelope.header(activeKeyId);
    byte[] iv = new byte[Envelope.IV_LENGTH];
    random.nextBytes(iv);
    byte[] associatedData = Envelope.associatedData(header, header.length, userId, name);
    byte[] sealed = AesGcm.seal(keys.get(activeKeyId), iv, associatedData, plaintext);
    return Envelope.join(header, iv, sealed);
  }

  private byte[] open(String userId, String name, byte[] stored) {
    return open(userId, name, Envelope.parse(stored, userId, name));
  }

  private byte[] open(String userId, String name, Envelope envelope) {
    SecretKey key = keys.get(envelope.keyId());
    if (key == null) {
      throw CredentialErrors.unknownKey(userId, name, envelope.keyId(), keys.keySet());
    }
    byte[] associatedData =
        Envelope.associatedData(envelope.bytes(), envelope.headerLength(), userId, name);
    try {
      return AesGcm.open(key, envelope, associatedData);
    } catch (GeneralSecurityException e) {
      // Normally AEADBadTagException; never surfaced raw, callers get the typed failure.
      throw CredentialErrors.unreadable(userId, name, envelope.keyId(), e);
    }
  }
}
