package dev.workflowengine.spring.web;

import dev.workflowengine.google.AuthorizationStateException;
import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.GoogleAuthorizationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Google sends the user's browser back after the consent page. The browser may arrive without
 * the application's credentials (a bearer token stays in the script that started the flow), so no
 * user is resolved here: the single-use state names the user who started the flow. The endpoint is
 * rate-limited per remote address instead.
 *
 * <p>Success is a redirect to {@code workflow-engine.google.web.success-redirect}, or without one a
 * small static page; failures are JSON {@code {"detail": ...}} like every endpoint of this layer.
 */
@RestController
@RequestMapping("${workflow-engine.web.base-path:/api/v1}/oauth/google")
final class GoogleCallbackController {

  private static final Logger log = LoggerFactory.getLogger(GoogleCallbackController.class);

  // Google's codes are about 70 characters and the states 43; far longer values are not theirs.
  private static final int MAX_CODE_LENGTH = 2048;
  private static final int MAX_STATE_LENGTH = 512;
  private static final Pattern OAUTH_ERROR = Pattern.compile("[a-z_]{1,64}");

  private static final String CONNECTED_PAGE =
      """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Google account connected</title></head>
      <body><p>Your Google account is connected. You can close this window.</p></body></html>
      """;

  private final GoogleAuthorization authorization;
  private final Optional<URI> successRedirect;
  private final String authorizePath;

  GoogleCallbackController(
      GoogleAuthorization authorization, GoogleWebProperties google, WebProperties web) {
    this.authorization = authorization;
    this.successRedirect = Optional.ofNullable(google.successRedirect());
    this.authorizePath = web.basePath() + "/oauth/google/authorize";
  }

  @GetMapping("/callback")
  ResponseEntity<String> callback(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String error) {
    if (error != null) {
      return declined(error);
    }
    RequestChecks checks = new RequestChecks();
    required(checks, "code", code, MAX_CODE_LENGTH);
    required(checks, "state", state, MAX_STATE_LENGTH);
    checks.throwIfAny();
    authorization.handleCallback(code, state);
    CacheControl noStore = CacheControl.noStore();
    if (successRedirect.isPresent()) {
      return ResponseEntity.status(302)
          .location(successRedirect.get())
          .cacheControl(noStore)
          .build();
    }
    // The page shows nothing of the request, and its URL (with the code) goes nowhere else.
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(noStore)
        .header("Referrer-Policy", "no-referrer")
        .body(CONNECTED_PAGE);
  }

  /** The state was forged, reloaded or too old: nothing was sent to Google. */
  @ExceptionHandler(AuthorizationStateException.class)
  ResponseEntity<String> unknownState(AuthorizationStateException e) {
    return WireJson.status(
        400,
        WebErrors.detail(
            "this Google authorization was not started here, was already used, or expired;"
                + " nothing was stored. Start again at GET "
                + authorizePath));
  }

  /** Google's token endpoint refused the code or could not be reached; nothing was stored. */
  @ExceptionHandler(GoogleAuthorizationException.class)
  ResponseEntity<String> exchangeFailed(GoogleAuthorizationException e) {
    // The message holds no code, token or secret, and may say what an operator has to fix.
    log.warn("Google authorization callback failed: {}", e.getMessage());
    return WireJson.status(502, WebErrors.detail(e.getMessage()));
  }

  private ResponseEntity<String> declined(String error) {
    // Google ends the flow with ?error=... when the user declines; the state expires by itself.
    String detail =
        "access_denied".equals(error)
            ? "the user declined to give this application access to their Google account"
            : "Google ended the authorization with the error '"
                + (OAUTH_ERROR.matcher(error).matches() ? error : "(unreadable)")
                + "'";
    return WireJson.status(
        400,
        WebErrors.detail(
            detail + "; nothing was stored. To connect, start again at GET " + authorizePath));
  }

  private static void required(RequestChecks checks, String name, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      checks.problem(name, "is required: open this endpoint only through Google's redirect");
    } else if (value.length() > maxLength) {
      checks.problem(name, "must be at most " + maxLength + " characters");
    }
  }
}
