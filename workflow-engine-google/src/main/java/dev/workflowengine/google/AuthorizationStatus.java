package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a user has a Google account connected, as far as the stored tokens tell: a grant the user
 * revoked at Google still shows as connected until the next refresh fails (which then deletes it).
 *
 * <pre>{@code
 * AuthorizationStatus status = authorization.status("u1");
 * if (!status.connected() || !status.scopes().contains(CalendarScopes.CALENDAR)) {
 *   redirectTo(authorization.authorizationUrl("u1"));
 * }
 * }</pre>
 *
 * <p>Immutable; holds no token.
 *
 * @param userId the user
 * @param connected whether tokens are stored for the user
 * @param scopes the scopes Google granted, sorted; empty when not connected (the user may have
 *     granted fewer than were asked for)
 * @param accessTokenExpiry when the stored access token expires; it is refreshed before then, so
 *     this says nothing about how long the connection lasts
 */
public record AuthorizationStatus(
    String userId, boolean connected, Set<String> scopes, Optional<Instant> accessTokenExpiry) {

  /**
   * Checks and copies the components.
   *
   * @throws IllegalArgumentException if a user who is not connected has scopes or an expiry
   */
  public AuthorizationStatus {
    requireNonNull(userId, "userId");
    scopes = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(scopes, "scopes")));
    requireNonNull(accessTokenExpiry, "accessTokenExpiry");
    if (!connected && (!scopes.isEmpty() || accessTokenExpiry.isPresent())) {
      throw new IllegalArgumentException(
          "a user who is not connected has no scopes and no token expiry; use"
              + " AuthorizationStatus.notConnected(userId)");
    }
  }

  /**
   * The status of a user with no tokens stored.
   *
   * @param userId the user
   * @return a status with {@code connected} false, no scopes and no expiry
   */
  public static AuthorizationStatus notConnected(String userId) {
    return new AuthorizationStatus(userId, false, Set.of(), Optional.empty());
  }
}
