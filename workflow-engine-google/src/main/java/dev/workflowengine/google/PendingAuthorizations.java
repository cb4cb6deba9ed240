package dev.workflowengine.google;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization flows started and not yet finished, keyed by their {@code state}. A state is
 * single-use (taking it removes it), bound to the user who started the flow, and expires.
 *
 * <p>Kept in this process's memory on purpose: each entry holds the flow's PKCE verifier, a secret
 * that lives for minutes and need never touch storage. A host running several instances routes the
 * callback to the instance that issued the URL (sticky sessions).
 *
 * <p>Thread-safe.
 */
final class PendingAuthorizations {

  /** One flow in progress. */
  record Pending(String userId, Pkce pkce, Instant expiresAt) {
    @Override
    public String toString() {
      return "Pending[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** A new flow's state and PKCE pair, for the authorization URL. */
  record Issued(String state, Pkce pkce) {
    @Override
    public String toString() {
      return "Issued[...]";
    }
  }

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final Map<String, Pending> byState = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration ttl;

  PendingAuthorizations(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  Issued issue(String userId) {
    purgeExpired();
    Pkce pkce = Pkce.generate(random);
    Pending pending = new Pending(userId, pkce, clock.instant().plus(ttl));
    String state;
    do {
      state = newState();
    } while (byState.putIfAbsent(state, pending) != null);
    return new Issued(state, pkce);
  }

  /**
   * Removes and returns the flow a state names, unless it is unknown, already taken or expired.
   * Removal comes first, so two callbacks racing with one state cannot both win.
   */
  Optional<Pending> take(String state) {
    purgeExpired();
    Pending pending = byState.remove(state);
    if (pending == null || isExpired(pending)) {
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  int size() {
    return byState.size();
  }

  private void purgeExpired() {
    // A scan per flow started or finished: pending flows number at most what users start within
    // one state lifetime, so this stays small and needs no background thread.
    byState.values().removeIf(this::isExpired);
  }

  private boolean isExpired(Pending pending) {
    return !clock.instant().isBefore(pending.expiresAt());
  }

  /** 256 random bits, base64url without padding: unguessable and safe in a URL as it is. */
  private String newState() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }
}
