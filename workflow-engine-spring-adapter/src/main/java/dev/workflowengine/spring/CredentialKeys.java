package dev.workflowengine.spring;

import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.credentials.CredentialVaultBuilder;
import dev.workflowengine.core.engine.WorkflowEngineBuilder;
import dev.workflowengine.core.memory.InMemoryCredentialStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential keys, resolved once so that the vault bean and the engine's own vault encrypt with
 * the same keys, a generated one included. The active key is the last.
 */
final class CredentialKeys {

  private static final Logger log = LoggerFactory.getLogger(CredentialKeys.class);

  /** The id of a key generated at start-up; it says in every stored value what it was. */
  static final String EPHEMERAL_KEY_ID = "ephemeral";

  private final Map<String, byte[]> keys;

  private CredentialKeys(Map<String, byte[]> keys) {
    this.keys = keys;
  }

  /**
   * The configured keys; without any, a generated key if the store forgets everything on restart
   * too, else a failure naming the property.
   */
  static CredentialKeys resolve(CredentialsProperties properties, CredentialStore store) {
    Map<String, byte[]> keys = new LinkedHashMap<>(properties.previousKeyBytes());
    if (properties.hasKey()) {
      keys.put(properties.keyId(), properties.keyBytes());
      return new CredentialKeys(keys);
    }
    if (!(store instanceof InMemoryCredentialStore)) {
      // A generated key would make every value written now unreadable after the next restart.
      throw new IllegalStateException(
          CredentialsProperties.PREFIX
              + ".key is not set but the application's CredentialStore ("
              + store.getClass().getName()
              + ") keeps credentials across restarts; set "
              + CredentialsProperties.PREFIX
              + ".key to 32 random bytes in base64 (openssl rand -base64 32) from a secret manager"
              + " or environment variable");
    }
    byte[] generated = new byte[32];
    new SecureRandom().nextBytes(generated);
    keys.put(EPHEMERAL_KEY_ID, generated);
    log.warn(
        "{}.key is not set: credentials are encrypted with a key generated at start-up and kept"
            + " in memory; both are lost on restart, so users must authorize again. Set {}.key"
            + " (openssl rand -base64 32) before using a persistent CredentialStore.",
        CredentialsProperties.PREFIX,
        CredentialsProperties.PREFIX);
    return new CredentialKeys(keys);
  }

  /** A vault over the store with every key, the last one active. */
  CredentialVault vault(CredentialStore store) {
    CredentialVaultBuilder builder = CredentialVault.builder().store(store);
    String active = null;
    for (Map.Entry<String, byte[]> key : keys.entrySet()) {
      builder.key(key.getKey(), key.getValue());
      active = key.getKey();
    }
    return builder.activeKey(active).build();
  }

  /** Gives the engine's builder the same keys; its credentialKey makes the last one active. */
  void applyTo(WorkflowEngineBuilder builder) {
    keys.forEach(builder::credentialKey);
  }

  /** Zeroes the key bytes this holder copied; the vaults keep their own copies. */
  void destroy() {
    keys.values().forEach(bytes -> Arrays.fill(bytes, (byte) 0));
  }

  @Override
  public String toString() {
    return "CredentialKeys" + keys.keySet();
  }
}
