package dev.workflowengine.spring.web;

import dev.workflowengine.google.AuthorizationStateException;
import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.GoogleAuthorizationException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Google sends the user's browser back after the consent page. The browser may arrive without
 * the application's credentials (a bearer token stays in the script that started the flow), so no
 * user is resolved here: the single-use state names the user who started the flow, and is accepted
 * only with the cookie {@code /authorize} set in the browser that started it (see {@link
 * GoogleFlowCookie}), so that nobody can have another person finish a flow they started. The
 * endpoint is rate-limited per remote address instead.
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
  private final GoogleFlowCookie flowCookie;
  private final Optional<URI> successRedirect;
  private final String authorizePath;

  GoogleCallbackController(
      GoogleAuthorization authorization,
      GoogleFlowCookie flowCookie,
      GoogleWebProperties google,
      WebProperties web) {
    this.authorization = authorization;
    this.flowCookie = flowCookie;
    this.successRedirect = Optional.ofNullable(google.successRedirect());
    this.authorizePath = web.basePath() + "/oauth/google/authorize";
  }

  /**
   * Finishes the flow of the state, if the browser holds that flow's cookie. Without it the state
   * is left pending, untouched: the flow can still be finished by the browser that started it, and
   * nothing here could use the state up without sending the code to Google. Once the state is used
   * up, whatever Google answered, the answer deletes the cookie.
   */
  @GetMapping("/callback")
  ResponseEntity<String> callback(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String error,
      HttpServletRequest request) {
    if (error != null) {
      // The state stays pending until it expires, and its cookie with it.
      return declined(error);
    }
    RequestChecks checks = new RequestChecks();
    required(checks, "code", code, MAX_CODE_LENGTH);
    required(checks, "state", state, MAX_STATE_LENGTH);
    checks.throwIfAny();
    if (!flowCookie.presentedWith(state, request)) {
      return notThisBrowser();
    }
    String cleared = flowCookie.cleared(state, request).toString();
    try {
      authorization.handleCallback(code, state);
    } catch (AuthorizationStateException e) {
      return withCookie(unknownState(), cleared);
    } catch (GoogleAuthorizationException e) {
      return withCookie(exchangeFailed(e), cleared);
    }
    CacheControl noStore = CacheControl.noStore();
    if (successRedirect.isPresent()) {
      return ResponseEntity.status(302)
          .location(successRedirect.get())
          .cacheControl(noStore)
          .header(HttpHeaders.SET_COOKIE, cleared)
          .build();
    }
    // The page shows nothing of the request, and its URL (with the code) goes nowhere else.
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(noStore)
        .header("Referrer-Policy", "no-referrer")
        .header(HttpHeaders.SET_COOKIE, cleared)
        .body(CONNECTED_PAGE);
  }

  /**
   * The browser lacks the flow's cookie: another browser started the flow (as in login CSRF, where
   * someone sends the consent URL of their own flow to another person), or this one already
   * finished it, or the cookie expired. Nothing was sent to Google.
   */
  private ResponseEntity<String> notThisBrowser() {
    // No value of the request is logged: the state and the code are secrets.
    log.warn(
        "refused a Google authorization callback from a browser without the flow's cookie;"
            + " nothing was sent to Google");
    return WireJson.status(
        400,
        WebErrors.detail(
            "this Google authorization was not started in this browser, or was already finished"
                + " or expired; nothing was stored. Finish it in the browser that started it, or"
                + " start again at GET "
                + authorizePath
                + " in this browser"));
  }

  /** The state was forged, reloaded or too old: nothing was sent to Google. */
  private ResponseEntity<String> unknownState() {
    return WireJson.status(
        400,
        WebErrors.detail(
            "this Google authorization was not started here, was already used, or expired;"
                + " nothing was stored. Start again at GET "
                + authorizePath));
  }

  /** Google's token endpoint refused the code or could not be reached; nothing was stored. */
  private static ResponseEntity<String> exchangeFailed(GoogleAuthorizationException e) {
    // The message holds no code, token or secret, and may say what an operator has to fix.
    log.warn("Google authorization callback failed: {}", e.getMessage());
    return WireJson.status(502, WebErrors.detail(e.getMessage()));
  }

  private static ResponseEntity<String> withCookie(ResponseEntity<String> answer, String cookie) {
    return ResponseEntity.status(answer.getStatusCode())
        .headers(answer.getHeaders())
        .header(HttpHeaders.SET_COOKIE, cookie)
        .body(answer.getBody());
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
