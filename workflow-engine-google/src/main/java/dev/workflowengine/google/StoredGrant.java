package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auth.oauth2.AccessToken;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The tokens of one user's grant, as they are kept (encrypted) in the credential vault.
 *
 * <p>Stored as JSON, format 1: {@code {"format":1, "access_token", "access_token_expires_at" (ISO
 * instant, absent if unknown), "refresh_token" (absent if Google sent none), "scopes": [...]}}. The
 * format is ours rather than google-auth-library's {@code TokenStore} layout so that it can be
 * versioned and read without building a credentials object.
 *
 * @param accessToken the access token
 * @param accessTokenExpiry when it expires, or {@code null} if Google did not say
 * @param refreshToken the refresh token, or {@code null} if Google sent none
 * @param scopes the granted scopes
 */
record StoredGrant(
    String accessToken, Instant accessTokenExpiry, String refreshToken, List<String> scopes) {

  static final int FORMAT = 1;

  StoredGrant {
    requireNonNull(accessToken, "accessToken");
    scopes = List.copyOf(scopes);
  }

  /** Builds the grant from the library's access token, as it came from the token endpoint. */
  static StoredGrant of(AccessToken token, String refreshToken) {
    Date expiry = token.getExpirationTime();
    return new StoredGrant(
        token.getTokenValue(),
        expiry == null ? null : expiry.toInstant(),
        refreshToken,
        token.getScopes());
  }

  /**
   * The grant after a refresh: the new access token, the same refresh token, and the scopes the
   * refresh answer listed, or the previous ones if it listed none.
   */
  StoredGrant withAccessToken(AccessToken fresh) {
    StoredGrant refreshed = of(fresh, refreshToken);
    return refreshed.scopes().isEmpty()
        ? new StoredGrant(
            refreshed.accessToken(), refreshed.accessTokenExpiry(), refreshToken, scopes)
        : refreshed;
  }

  Optional<String> refreshTokenIfAny() {
    return Optional.ofNullable(refreshToken);
  }

  Optional<Instant> expiry() {
    return Optional.ofNullable(accessTokenExpiry);
  }

  AccessToken toAccessToken() {
    return AccessToken.newBuilder()
        .setTokenValue(accessToken)
        .setExpirationTime(accessTokenExpiry == null ? null : Date.from(accessTokenExpiry))
        .setScopes(scopes)
        .build();
  }

  String toJson(ObjectMapper json) {
    ObjectNode node = json.createObjectNode();
    node.put("format", FORMAT);
    node.put("access_token", accessToken);
    if (accessTokenExpiry != null) {
      node.put("access_token_expires_at", accessTokenExpiry.toString());
    }
    if (refreshToken != null) {
      node.put("refresh_token", refreshToken);
    }
    scopes.forEach(node.putArray("scopes")::add);
    return node.toString();
  }

  /**
   * Reads a grant back.
   *
   * @return the grant, or empty if the text is not a grant of a format this code reads
   */
  static Optional<StoredGrant> fromJson(ObjectMapper json, String text) {
    try {
      JsonNode node = json.readTree(text);
      if (node == null
          || node.path("format").asInt() != FORMAT
          || !node.path("access_token").isTextual()) {
        return Optional.empty();
      }
      List<String> scopes = new ArrayList<>();
      node.path("scopes").forEach(scope -> scopes.add(scope.asText()));
      return Optional.of(
          new StoredGrant(
              node.get("access_token").asText(),
              node.hasNonNull("access_token_expires_at")
                  ? Instant.parse(node.get("access_token_expires_at").asText())
                  : null,
              node.hasNonNull("refresh_token") ? node.get("refresh_token").asText() : null,
              scopes));
    } catch (JsonProcessingException | DateTimeParseException e) {
      // Not chained to any caller's exception: parser messages quote the text, which holds tokens.
      return Optional.empty();
    }
  }

  /** Shows expiry and scopes only, never a token. */
  @Override
  public String toString() {
    return "StoredGrant[accessTokenExpiry="
        + accessTokenExpiry
        + ", hasRefreshToken="
        + (refreshToken != null)
        + ", scopes="
        + scopes
        + "]";
  }
}
