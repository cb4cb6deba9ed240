package dev.workflowengine.google;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.workflowengine.api.CredentialException;
import dev.workflowengine.core.credentials.CredentialVault;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' grants in the engine's credential vault, which encrypts them bound to the user and the
 * credential name before any {@code CredentialStore} sees them.
 *
 * <p>Writes that depend on what is stored (persisting a refresh, deleting a dead grant) run under a
 * per-user lock, so within this process a refresh that finishes after the user disconnected or
 * authorised again cannot bring back or overwrite their tokens. Across processes the check and the
 * write are not atomic: {@code CredentialStore} has no conditional write.
 *
 * <p>Thread-safe.
 */
final class TokenVault {

  private static final Logger log = LoggerFactory.getLogger(TokenVault.class);
  private static final int LOCK_STRIPES = 64;

  private final ObjectMapper json =
      JsonMapper.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  private final Object[] locks = new Object[LOCK_STRIPES];
  private final CredentialVault vault;
  private final String name;

  TokenVault(CredentialVault vault, String name) {
    this.vault = vault;
    this.name = name;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  String name() {
    return name;
  }

  Optional<StoredGrant> load(String userId) {
    Optional<String> text = vault.getString(userId, name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(StoredGrant.fromJson(json, text.get()).orElseThrow(() -> notAGrant(userId)));
  }

  void save(String userId, StoredGrant grant) {
    synchronized (lockFor(userId)) {
      vault.putString(userId, name, grant.toJson(json));
    }
  }

  /** What {@link #remove} deleted: the grant, when it could be read, so it can still be revoked. */
  record Removal(boolean deleted, Optional<StoredGrant> grant) {}

  /**
   * Deletes the user's grant. A value that cannot be read is deleted too: disconnecting must not
   * depend on the stored value being intact.
   */
  Removal remove(String userId) {
    synchronized (lockFor(userId)) {
      Optional<StoredGrant> grant;
      try {
        grant = load(userId);
      } catch (CredentialException e) {
        log.warn("{}; deleting it without revoking it at Google", e.getMessage());
        grant = Optional.empty();
      }
      return new Removal(vault.delete(userId, name), grant);
    }
  }

  /**
   * Replaces the user's grant with {@code update(stored)}, only while the stored grant still holds
   * {@code refreshToken}: otherwise the user disconnected or authorised again since.
   *
   * @return whether it was replaced
   */
  boolean updateIfStillHolds(
      String userId, String refreshToken, UnaryOperator<StoredGrant> update) {
    synchronized (lockFor(userId)) {
      Optional<StoredGrant> stored = load(userId);
      if (stored.isEmpty() || !Objects.equals(stored.get().refreshToken(), refreshToken)) {
        return false;
      }
      vault.putString(userId, name, update.apply(stored.get()).toJson(json));
      return true;
    }
  }

  /**
   * Deletes the user's grant, only while it still holds {@code refreshToken}.
   *
   * @return whether it was deleted
   */
  boolean deleteIfStillHolds(String userId, String refreshToken) {
    synchronized (lockFor(userId)) {
      Optional<StoredGrant> stored = load(userId);
      if (stored.isEmpty() || !Objects.equals(stored.get().refreshToken(), refreshToken)) {
        return false;
      }
      return vault.delete(userId, name);
    }
  }

  private Object lockFor(String userId) {
    return locks[Math.floorMod(userId.hashCode(), LOCK_STRIPES)];
  }

  private CredentialException notAGrant(String userId) {
    return new CredentialException(
        "credential '"
            + name
            + "' of user '"
            + userId
            + "' is not a Google grant this SDK wrote (something else stored a value under that"
            + " name); give GoogleAuthorization another credentialName, or disconnect the user and"
            + " send them through authorization again",
        userId,
        name,
        null,
        null);
  }

  @Override
  public String toString() {
    return "TokenVault[name=" + name + "]";
  }
}
