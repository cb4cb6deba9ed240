package dev.workflowengine.google;

import com.google.api.client.http.HttpResponseException;
import dev.failsafe.CircuitBreaker;
import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.api.WorkflowException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one place where the failure of a Google call becomes this SDK's exception, each with a
 * message that names the service, the user, what Google said and what to do about it. Messages
 * never contain tokens: Google's error answers do not echo them, and requests are not quoted.
 */
final class GoogleFailures {

  private static final String REAUTHORIZE =
      "send them through GoogleAuthorization.authorizationUrl(userId) again";

  private final ResilienceSettings settings;

  GoogleFailures(ResilienceSettings settings) {
    this.settings = settings;
  }

  /**
   * The exception for what a call's last attempt threw, a checked exception Failsafe wrapped.
   *
   * @param attempts how many requests were sent
   */
  RuntimeException callFailed(
      GoogleService service, String userId, Throwable failure, int attempts) {
    if (failure instanceof HttpResponseException answer) {
      return answered(service, userId, answer, attempts);
    }
    if (GoogleErrors.isRefusedRefresh(failure)) {
      return refreshRefused(service, userId, failure);
    }
    if (failure instanceof IOException io) {
      return unreachable(service, userId, io, attempts);
    }
    if (failure instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new WorkflowException(
          "the call to " + service.displayName() + " for user '" + userId + "' was interrupted");
    }
    return new WorkflowException(
        "the call to " + service.displayName() + " for user '" + userId + "' failed: " + failure,
        failure);
  }

  /** Google answered with an error status, and retrying did not help or was not worth it. */
  GoogleApiException answered(
      GoogleService service, String userId, HttpResponseException answer, int attempts) {
    int status = answer.getStatusCode();
    String reason = GoogleErrors.reason(answer).orElse(null);
    Optional<Duration> retryAfter = GoogleErrors.retryAfter(answer, Instant.now());
    String message =
        service.displayName()
            + " answered HTTP "
            + status
            + (reason == null ? "" : " (" + reason + ")")
            + " for user '"
            + userId
            + "': "
            + GoogleErrors.googleMessage(answer)
            + ". "
            + ErrorAdvice.forAnswer(service, status, reason)
            + retriesNote(answer, attempts, retryAfter);
    return new GoogleApiException(
        service, status, reason, retryAfter.orElse(null), message, answer);
  }

  /** The network failed on every attempt. */
  UnavailableException unreachable(
      GoogleService service, String userId, IOException failure, int attempts) {
    String timeout =
        failure instanceof SocketTimeoutException
            ? " A timeout: GoogleWorkspace.builder().connectTimeout(...) and readTimeout(...) set"
                + " how long to wait."
            : "";
    return new UnavailableException(
        "Could not reach "
            + service.displayName()
            + " for user '"
            + userId
            + "' ("
            + GoogleErrors.describe(failure)
            + "), after "
            + attempts(attempts)
            + "."
            + timeout
            + " Check the network, proxy and firewall between this application and"
            + " googleapis.com, then try again.",
        failure);
  }

  /** The service's circuit breaker refused the call without sending it. */
  UnavailableException circuitOpen(GoogleService service, CircuitBreaker<?> breaker) {
    Duration remaining = breaker.getRemainingDelay();
    return new UnavailableException(
        service.displayName()
            + " is unavailable: its circuit breaker opened after "
            + settings.breakerFailureThreshold()
            + " consecutive calls failed with server errors or network failures, so this call was"
            + " refused without sending a request. A trial call goes through in "
            + ErrorAdvice.duration(remaining)
            + " (at "
            + Instant.now().plus(remaining)
            + "); try again then.");
  }

  /** The user's own rate limit refused the call without sending it. */
  RateLimitedException rateLimited(String userId, Duration retryAfter) {
    return new RateLimitedException(
        "user '"
            + userId
            + "' made more than "
            + settings.rateLimitRequests()
            + " Google API calls in "
            + ErrorAdvice.duration(settings.rateLimitPeriod())
            + ", the limit set by GoogleWorkspace.builder().rateLimit(...); no request was sent."
            + " Try again in "
            + ErrorAdvice.duration(retryAfter)
            + ", or raise the limit if the user's Google quota allows more.",
        retryAfter);
  }

  /**
   * Google's token endpoint refused to refresh the user's access token: a dead grant means the user
   * must authorise again; anything else is the application's OAuth client set-up.
   */
  private RuntimeException refreshRefused(GoogleService service, String userId, Throwable failure) {
    Optional<HttpResponseException> answer = GoogleErrors.tokenEndpointAnswer(failure);
    if (answer.isEmpty()) {
      return new WorkflowException(
          "Could not refresh the Google access token of user '"
              + userId
              + "' to call "
              + service.displayName()
              + " ("
              + failure.getMessage()
              + "); check the credential source, or "
              + REAUTHORIZE,
          failure);
    }
    // The JDK's HttpURLConnection drops the body of a 401, so the OAuth error may be missing.
    String code = OAuthErrors.errorCode(answer.get()).orElse(null);
    String description =
        OAuthErrors.errorDescription(answer.get())
            .orElseGet(() -> GoogleErrors.googleMessage(answer.get()));
    if (OAuthErrors.INVALID_GRANT.equals(code)) {
      return new ReauthorizationRequiredException(userId, code + ": " + description);
    }
    int status = answer.get().getStatusCode();
    return new GoogleApiException(
        service,
        status,
        code,
        null,
        "Google's token endpoint refused to refresh the access token of user '"
            + userId
            + "' to call "
            + service.displayName()
            + " (HTTP "
            + status
            + (code == null ? "" : " " + code)
            + ": "
            + description
            + "). Check the OAuth client id and secret of the credential source, or "
            + REAUTHORIZE
            + ".",
        failure);
  }

  private String retriesNote(
      HttpResponseException answer, int attempts, Optional<Duration> retryAfter) {
    if (!GoogleErrors.isRetriable(answer)) {
      return "";
    }
    if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxDelay()) > 0) {
      return " Google asked to wait "
          + ErrorAdvice.duration(retryAfter.get())
          + ", longer than the retry delay's maximum of "
          + ErrorAdvice.duration(settings.maxDelay())
          + ", so no further attempt was made; try again after that.";
    }
    return " Gave up after " + attempts(attempts) + ".";
  }

  private static String attempts(int attempts) {
    return attempts + (attempts == 1 ? " attempt" : " attempts");
  }
}
