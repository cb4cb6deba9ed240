package dev.workflowengine.spring.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Ties each Google authorization to the browser that started it, against login CSRF: without it,
 * anyone could start a flow as themselves, send the consent URL to someone else, and have that
 * person's Google grant stored under their own user id, since the callback resolves no user and
 * trusts the state alone.
 *
 * <p>{@code /authorize} sets one cookie per flow, named after a prefix of the state's hash and
 * holding the whole hash (SHA-256, base64url): worthless without the state, and the state is
 * worthless without it. It is HttpOnly, SameSite=Lax (Google's redirect back is a top-level GET
 * navigation, which carries Lax cookies; a cross-site subrequest does not), Secure on a secure
 * request, sent only to the callback's path, and lives as long as the state. The callback accepts a
 * state only with its cookie, compared in constant time. One cookie per flow, rather than one for
 * the latest flow, lets a user finish either of two flows started in two tabs, and keeps a flow
 * started later in the same browser (by the user or by a forged request) from breaking one under
 * way; the cookies of abandoned flows expire with their states.
 */
final class GoogleFlowCookie {

  /** Every flow cookie's name starts with this. */
  static final String NAME_PREFIX = "workflow_engine_oauth_";

  private static final Logger log = LoggerFactory.getLogger(GoogleFlowCookie.class);

  // 48 bits of the hash: two flows of one browser never share a name in practice.
  private static final int NAME_HASH_CHARS = 8;

  private final String callbackPath;
  private final Duration maxAge;
  private final AtomicBoolean warnedAboutRedirectPath = new AtomicBoolean();

  /**
   * Cookies for one callback.
   *
   * @param callbackPath the callback's path below the context path
   * @param maxAge how long the cookie lives: the state's time to live, or longer
   */
  GoogleFlowCookie(String callbackPath, Duration maxAge) {
    this.callbackPath = callbackPath;
    this.maxAge = maxAge;
  }

  /**
   * The cookie that binds the flow of a consent URL to the browser asking for it.
   *
   * @throws IllegalStateException if the URL has no state, which GoogleAuthorization always adds
   */
  ResponseCookie issue(URI consent, HttpServletRequest request) {
    String state =
        queryParameter(consent, "state")
            .orElseThrow(() -> new IllegalStateException("Google's consent URL has no state"));
    String path = path(request);
    queryParameter(consent, "redirect_uri")
        .map(uri -> URI.create(uri).getRawPath())
        .filter(redirectPath -> !redirectPath.equals(path))
        .ifPresent(redirectPath -> warnOnce(redirectPath, path));
    String hash = hash(state);
    return cookie(name(hash), hash, request).maxAge(maxAge).build();
  }

  /** Whether the request carries the cookie of this state's flow. */
  boolean presentedWith(String state, HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    String hash = hash(state);
    String name = name(hash);
    byte[] expected = hash.getBytes(UTF_8);
    boolean found = false;
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())
          && cookie.getValue() != null
          && MessageDigest.isEqual(expected, cookie.getValue().getBytes(UTF_8))) {
        found = true;
      }
    }
    return found;
  }

  /** Deletes the cookie of this state's flow from the browser, once the state is used up. */
  ResponseCookie cleared(String state, HttpServletRequest request) {
    return cookie(name(hash(state)), "", request).maxAge(Duration.ZERO).build();
  }

  private ResponseCookie.ResponseCookieBuilder cookie(
      String name, String value, HttpServletRequest request) {
    return ResponseCookie.from(name, value)
        .path(path(request))
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Lax");
  }

  private String path(HttpServletRequest request) {
    return request.getContextPath() + callbackPath;
  }

  private void warnOnce(String redirectPath, String path) {
    if (warnedAboutRedirectPath.compareAndSet(false, true)) {
      log.warn(
          "Google's redirect URI has the path {} but the callback is at {}: browsers send the"
              + " cookie that ties each authorization to them only to {}, so callbacks are refused"
              + " unless the redirect URI's page brings the browser there. Register the callback's"
              + " own URL as the redirect URI, or behind a proxy that changes paths set"
              + " server.forward-headers-strategy and X-Forwarded-Prefix",
          redirectPath,
          path,
          path);
    }
  }

  private static String name(String hash) {
    return NAME_PREFIX + hash.substring(0, NAME_HASH_CHARS);
  }

  static String hash(String state) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static Optional<String> queryParameter(URI uri, String name) {
    return Optional.ofNullable(
            UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name))
        .map(value -> UriUtils.decode(value, UTF_8));
  }
}
