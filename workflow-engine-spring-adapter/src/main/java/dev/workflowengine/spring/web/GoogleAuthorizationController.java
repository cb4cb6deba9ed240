package dev.workflowengine.spring.web;

import dev.workflowengine.google.AuthorizationStatus;
import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.GoogleAuthorizationException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own Google connection: start the authorization, read its status, disconnect. Every
 * call acts for the user the {@link UserResolver} names; the callback that finishes an
 * authorization is {@link GoogleCallbackController}.
 */
@RestController
@RequestMapping("${workflow-engine.web.base-path:/api/v1}/oauth/google")
final class GoogleAuthorizationController {

  private final GoogleAuthorization authorization;
  private final GoogleFlowCookie flowCookie;

  GoogleAuthorizationController(GoogleAuthorization authorization, GoogleFlowCookie flowCookie) {
    this.authorization = authorization;
    this.flowCookie = flowCookie;
  }

  /**
   * A redirect to Google's consent page, or its URL as JSON when the client asks for {@code
   * application/json}: a link or a form in the browser follows the redirect, while a script calling
   * with a bearer token cannot follow it (the consent page is on another origin) and navigates to
   * the URL itself.
   *
   * <p>Either way the answer sets the flow's cookie (see {@link GoogleFlowCookie}), and the
   * callback accepts the flow's state only from the browser that stored it: a script's request must
   * let the browser store cookies (from another origin of the same site, {@code credentials:
   * "include"}), and from another site, which cannot, the browser must navigate here instead.
   */
  @GetMapping("/authorize")
  ResponseEntity<String> authorize(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletRequest request) {
    URI consent = authorization.authorizationUrl(user);
    String cookie = flowCookie.issue(consent, request).toString();
    // Each URL carries a single-use state: no cache may hand it to anyone else.
    CacheControl noStore = CacheControl.noStore();
    if (wantsJson(accept)) {
      ResponseEntity<String> json = WireJson.ok(Map.of("authorization_url", consent.toString()));
      return ResponseEntity.ok()
          .headers(json.getHeaders())
          .cacheControl(noStore)
          .header(HttpHeaders.SET_COOKIE, cookie)
          .body(json.getBody());
    }
    return ResponseEntity.status(302)
        .location(consent)
        .cacheControl(noStore)
        .header(HttpHeaders.SET_COOKIE, cookie)
        .build();
  }

  @GetMapping("/status")
  ResponseEntity<String> status(@RequestAttribute(CallerInterceptor.USER) String user) {
    AuthorizationStatus status = authorization.status(user);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("user_id", status.userId());
    view.put("connected", status.connected());
    view.put("scopes", List.copyOf(status.scopes()));
    view.put("access_token_expiry", status.accessTokenExpiry().orElse(null));
    return WireJson.ok(view);
  }

  /**
   * 204 once the tokens are deleted and revoked, or if there were none. When Google does not
   * confirm the revocation the tokens are deleted all the same and nothing is left to retry with,
   * so the disconnection did happen: 200 with a detail saying the grant may live on at Google and
   * where the user can remove it, rather than an error (nothing failed here) or 202 (nothing is
   * pending).
   */
  @DeleteMapping
  ResponseEntity<String> disconnect(@RequestAttribute(CallerInterceptor.USER) String user) {
    try {
      authorization.disconnect(user);
      return ResponseEntity.noContent().build();
    } catch (GoogleAuthorizationException e) {
      Map<String, Object> body = WebErrors.detail(e.getMessage());
      body.put("disconnected", true);
      body.put("revoked", false);
      return WireJson.ok(body);
    }
  }

  private static boolean wantsJson(String accept) {
    if (accept == null) {
      return false;
    }
    try {
      // Only an explicit application/json: browsers send */*, and they should get the redirect.
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
