package dev.workflowengine.google;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The authorization flows started and not yet finished, keyed by their {@code state}. A state is
 * single-use (taking it removes it), bound to the user who started the flow, and expires.
 *
 * <p>Kept in this process's memory on purpose: each entry holds the flow's PKCE verifier, a secret
 * that lives for minutes and need never touch storage. A host running several instances routes the
 * callback to the instance that issued the URL (sticky sessions). A user keeps at most {@value
 * #MAX_PER_USER} flows at once, the newest: a user (or a script acting as one) that starts flows
 * without finishing them cannot grow this map without bound.
 *
 * <p>Thread-safe.
 */
final class PendingAuthorizations {

  /** One flow in progress; {@code order} counts the flows issued, so the oldest is known. */
  record Pending(String userId, Pkce pkce, Instant expiresAt, long order) {
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

  /** Flows one user may have pending; starting another forgets that user's oldest. */
  static final int MAX_PER_USER = 10;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final Map<String, Pending> byState = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong issued = new AtomicLong();
  private final Clock clock;
  private final Duration ttl;

  PendingAuthorizations(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  Issued issue(String userId) {
    purgeExpired();
    forgetOldestBeyondLimit(userId);
    Pkce pkce = Pkce.generate(random);
    Pending pending =
        new Pending(userId, pkce, clock.instant().plus(ttl), issued.incrementAndGet());
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

  /** Makes room for one more of the user's flows; concurrent starts may briefly exceed it. */
  private void forgetOldestBeyondLimit(String userId) {
    List<Map.Entry<String, Pending>> own =
        byState.entrySet().stream()
            .filter(entry -> entry.getValue().userId().equals(userId))
            .sorted(Comparator.comparingLong(entry -> entry.getValue().order()))
            .toList();
    for (int i = 0; i <= own.size() - MAX_PER_USER; i++) {
      byState.remove(own.get(i).getKey(), own.get(i).getValue());
    }
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
