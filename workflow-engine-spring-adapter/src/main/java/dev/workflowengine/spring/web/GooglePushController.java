package dev.workflowengine.spring.web;

import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.google.push.GooglePushHandler;
import dev.workflowengine.google.push.PushReceipt;
import dev.workflowengine.google.push.PushVerificationException;
import dev.workflowengine.google.push.PushVerificationException.Reason;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Google's push notifications: Calendar channel notifications and Gmail notifications pushed by
 * Cloud Pub/Sub. Google sends no user, so the {@link GooglePushHandler} verifies each notification
 * (channel token or shared secret) and names the user it concerns; the endpoints are rate-limited
 * per remote address.
 *
 * <p>The answers follow {@link Reason}'s advice. Calendar treats 2xx as delivered, retries 5xx and
 * drops other 4xx; Pub/Sub redelivers anything but 2xx for days. So an accepted notification is
 * 204, a failed workflow start or an exceeded rate limit is 503 for both (retried, and nothing was
 * recorded), a Calendar refusal is the 4xx its reason names, and a Gmail notification that can
 * never succeed is acknowledged with 204 and logged. The bodies say nothing of the channels or
 * mailboxes that exist.
 */
@RestController
@RequestMapping("${workflow-engine.web.base-path:/api/v1}/webhooks/google")
final class GooglePushController {

  private static final Logger log = LoggerFactory.getLogger(GooglePushController.class);

  /** A Gmail notification is a few hundred bytes; more is not one, and is not read into memory. */
  static final int MAX_GMAIL_BODY = 64 * 1024;

  private final GooglePushHandler handler;

  GooglePushController(GooglePushHandler handler) {
    this.handler = handler;
  }

  @PostMapping("/calendar")
  ResponseEntity<String> calendar(HttpServletRequest request) {
    if (!handler.takesCalendar()) {
      return notConfigured("Calendar");
    }
    // Headers only: Google sends an empty body. getHeader ignores case, as the handler needs.
    return handle(
        "Calendar",
        () -> handler.handleCalendar(name -> Optional.ofNullable(request.getHeader(name))),
        GooglePushController::refusedCalendar);
  }

  @PostMapping("/gmail")
  ResponseEntity<String> gmail(
      HttpServletRequest request, @RequestParam(required = false) String token) throws IOException {
    if (!handler.takesGmail()) {
      return notConfigured("Gmail");
    }
    // One byte more than the limit is enough to know the body is too long.
    byte[] body = request.getInputStream().readNBytes(MAX_GMAIL_BODY + 1);
    if (body.length > MAX_GMAIL_BODY) {
      return WireJson.status(
          413, WebErrors.detail("the body is over " + MAX_GMAIL_BODY + " bytes; not a Gmail push"));
    }
    return handle(
        "Gmail",
        () -> token == null ? handler.handleGmail(body) : handler.handleGmail(body, token),
        GooglePushController::refusedGmail);
  }

  /** Over the per-address limit: 503, since Calendar drops a 429 but retries a 503. */
  @ExceptionHandler(RateLimitedException.class)
  ResponseEntity<String> overloaded(RateLimitedException e) {
    return WebErrors.withRetryAfter(
        503, e.getMessage(), e.retryAfter().orElse(Duration.ofSeconds(1)));
  }

  private static ResponseEntity<String> handle(
      String kind,
      Supplier<PushReceipt> notification,
      Function<PushVerificationException, ResponseEntity<String>> refused) {
    try {
      notification.get();
      return ResponseEntity.noContent().build();
    } catch (PushVerificationException e) {
      return refused.apply(e);
    } catch (WorkflowException e) {
      // A workflow could not be started; the notification was not recorded, so a retry runs it.
      log.warn(
          "A {} notification was accepted but its workflows did not start: {}", kind, e.toString());
      return WireJson.status(
          503, WebErrors.detail("the notification could not be processed now; retry it later"));
    }
  }

  private static ResponseEntity<String> notConfigured(String kind) {
    return WireJson.status(
        404, WebErrors.detail(kind + " push notifications are not configured here"));
  }

  private static ResponseEntity<String> refusedCalendar(PushVerificationException e) {
    return switch (e.reason()) {
      // Describes only what the request itself lacked.
      case MALFORMED -> WireJson.status(400, WebErrors.detail(e.getMessage()));
      case BAD_TOKEN ->
          WireJson.status(
              403, WebErrors.detail("the notification's channel token is missing or wrong"));
      case REPLAY -> ResponseEntity.ok().build();
      default ->
          WireJson.status(404, WebErrors.detail("no such notification channel, or it has expired"));
    };
  }

  private static ResponseEntity<String> refusedGmail(PushVerificationException e) {
    if (e.reason() == Reason.BAD_TOKEN) {
      return WireJson.status(403, WebErrors.detail("the push token is missing or wrong"));
    }
    // Acknowledged so that Pub/Sub stops redelivering a message that can never be accepted.
    log.warn(
        "Acknowledged a Gmail notification without acting on it ({}): {}",
        e.reason(),
        e.getMessage());
    return ResponseEntity.noContent().build();
  }
}
