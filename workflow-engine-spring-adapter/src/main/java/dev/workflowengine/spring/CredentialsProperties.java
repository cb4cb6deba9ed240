package dev.workflowengine.spring;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AES-256 keys of the {@link dev.workflowengine.core.credentials.CredentialVault} that encrypts
 * users' OAuth tokens and API keys before they reach the {@code CredentialStore}.
 *
 * <pre>
 * workflow-engine.credentials.key-id=k2
 * workflow-engine.credentials.key=${CREDENTIAL_KEY}          # openssl rand -base64 32
 * workflow-engine.credentials.previous-keys.k1=${OLD_CREDENTIAL_KEY}
 * </pre>
 *
 * <p>Without a key the vault encrypts with a key generated at start-up, but only while the
 * credential store is the in-memory default, which forgets everything on restart as well; with a
 * {@code CredentialStore} bean of the application's own, start-up fails until a key is set, because
 * values written under a generated key could never be read after a restart. {@link #toString()}
 * never shows a key.
 *
 * @param key The active key, 32 random bytes in base64 ('openssl rand -base64 32'); new values are
 *     encrypted with it. Keep it in a secret manager or an environment variable, never next to the
 *     credential store. Unset: a key generated at start-up while the credential store is in memory,
 *     else start-up fails.
 * @param keyId The id stored with every value the active key encrypts; give a new key a new id when
 *     rotating.
 * @param previousKeys Keys of earlier rotations by id, in base64, so that values they encrypted
 *     stay readable.
 */
@ConfigurationProperties(CredentialsProperties.PREFIX)
public record CredentialsProperties(
    String key, @DefaultValue("k1") String keyId, Map<String, String> previousKeys) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.credentials";

  private static final int KEY_LENGTH = 32;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** Checks every key and id, naming the property that is wrong but never showing a key. */
  public CredentialsProperties {
    keyId(keyId, PREFIX + ".key-id");
    if (key != null) {
      decode(key, PREFIX + ".key");
    }
    previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
    previousKeys.forEach(
        (id, value) -> {
          String property = PREFIX + ".previous-keys." + id;
          keyId(id, property);
          if (id.equals(keyId)) {
            throw new IllegalArgumentException(
                property
                    + " has the id of the active key ("
                    + PREFIX
                    + ".key-id); give each key"
                    + " its own id");
          }
          decode(value, property);
        });
  }

  /**
   * Whether an active key is configured.
   *
   * @return {@code true} if {@code workflow-engine.credentials.key} is set
   */
  public boolean hasKey() {
    return key != null;
  }

  /**
   * The active key's bytes.
   *
   * @return a new array of 32 bytes; zero it after use
   * @throws IllegalStateException if no key is configured
   */
  public byte[] keyBytes() {
    if (key == null) {
      throw new IllegalStateException(PREFIX + ".key is not set");
    }
    return decode(key, PREFIX + ".key");
  }

  /**
   * The bytes of the earlier keys, by id.
   *
   * @return new arrays of 32 bytes, ordered by id; zero them after use
   */
  public Map<String, byte[]> previousKeyBytes() {
    Map<String, byte[]> keys = new TreeMap<>();
    previousKeys.forEach(
        (id, value) -> keys.put(id, decode(value, PREFIX + ".previous-keys." + id)));
    return keys;
  }

  private static void keyId(String id, String property) {
    if (id == null || !KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          property
              + " must be 1 to 64 characters from ASCII letters, digits, '.', '_', ':' and '-'"
              + " but was '"
              + id
              + "'");
    }
  }

  // The messages describe what is wrong with a key, never its value.
  private static byte[] decode(String base64, String property) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the secret.
      throw new IllegalArgumentException(
          property + " is not valid base64; generate a key with 'openssl rand -base64 32'");
    }
    if (bytes.length != KEY_LENGTH) {
      int length = bytes.length;
      Arrays.fill(bytes, (byte) 0);
      throw new IllegalArgumentException(
          property
              + " must decode to "
              + KEY_LENGTH
              + " bytes for AES-256 but decodes to "
              + length
              + "; generate a key with 'openssl rand -base64 32'");
    }
    boolean allZeros = true;
    for (byte b : bytes) {
      allZeros &= b == 0;
    }
    if (allZeros) {
      throw new IllegalArgumentException(
          property
              + " is all zeros, which is no secret; generate a key with 'openssl rand -base64"
              + " 32'");
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "CredentialsProperties[key="
        + (key == null ? "unset" : "******")
        + ", keyId="
        + keyId
        + ", previousKeys="
        + previousKeys.keySet()
        + "]";
  }
}
