package dev.workflowengine.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.Retryable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one failed attempt of a Google request means: whether it is worth another attempt, whether
 * it says the service is down, and the status, reason, message and {@code Retry-After} Google sent.
 * {@link GoogleFailures} turns these into exceptions; this class only reads.
 *
 * <p>The Google client library throws {@link GoogleJsonResponseException} (with the parsed JSON
 * error) for error answers in JSON, {@link HttpResponseException} for the others, and plain {@link
 * IOException}s for the network.
 */
final class GoogleErrors {

  private static final int SNIPPET_LENGTH = 200;

  private GoogleErrors() {}

  /** 429, 5xx, 403 with a rate-limit reason, and network failures are worth another attempt. */
  static boolean isRetriable(Throwable failure) {
    if (failure instanceof HttpResponseException answer) {
      int status = answer.getStatusCode();
      return status == 429 || status >= 500 || (status == 403 && hasRateLimitReason(answer));
    }
    return isNetworkFailure(failure);
  }

  /**
   * Whether a call's last failure says the service is down: 5xx or the network, which open its
   * circuit breaker. A 4xx, even 429, shows Google up and answering.
   */
  static boolean isOutage(Throwable failure) {
    if (failure instanceof HttpResponseException answer) {
      return answer.getStatusCode() >= 500;
    }
    return isNetworkFailure(failure);
  }

  /**
   * An I/O failure that was no answer from Google: a reset connection, a timeout, an unknown host,
   * or a token refresh that failed on the way (google-auth-library marks those retryable).
   */
  static boolean isNetworkFailure(Throwable failure) {
    return failure instanceof IOException
        && !(failure instanceof HttpResponseException)
        && !isRefusedRefresh(failure);
  }

  /**
   * Google's token endpoint refused to refresh the access token, for good (a 4xx such as {@code
   * invalid_grant}): google-auth-library marks its exception not retryable.
   */
  static boolean isRefusedRefresh(Throwable failure) {
    return failure instanceof Retryable retryable && !retryable.isRetryable();
  }

  /** The token endpoint's answer behind a refused refresh, when it had one. */
  static Optional<HttpResponseException> tokenEndpointAnswer(Throwable refusedRefresh) {
    return refusedRefresh.getCause() instanceof HttpResponseException answer
        ? Optional.of(answer)
        : Optional.empty();
  }

  /** The first {@code errors[].reason}, else the first {@code details[].reason}. */
  static Optional<String> reason(HttpResponseException answer) {
    GoogleJsonError error = jsonError(answer);
    if (error == null) {
      return Optional.empty();
    }
    Optional<String> reason =
        nonNull(error.getErrors()).stream()
            .map(GoogleJsonError.ErrorInfo::getReason)
            .filter(Objects::nonNull)
            .findFirst();
    if (reason.isPresent()) {
      return reason;
    }
    return nonNull(error.getDetails()).stream()
        .map(GoogleJsonError.Details::getReason)
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** Google's own words: the JSON error's message, else the status line and a bit of the body. */
  static String googleMessage(HttpResponseException answer) {
    GoogleJsonError error = jsonError(answer);
    if (error != null && error.getMessage() != null && !error.getMessage().isBlank()) {
      return error.getMessage();
    }
    String statusMessage = Objects.requireNonNullElse(answer.getStatusMessage(), "").strip();
    String content = Objects.requireNonNullElse(answer.getContent(), "").strip();
    String snippet = content.replaceAll("\\s+", " ");
    if (snippet.length() > SNIPPET_LENGTH) {
      snippet = snippet.substring(0, SNIPPET_LENGTH) + "…";
    }
    String text = (statusMessage + " " + snippet).strip();
    return text.isEmpty() ? "no details" : text;
  }

  /** The {@code Retry-After} of an answer. */
  static Optional<Duration> retryAfter(Throwable failure, Instant now) {
    if (failure instanceof HttpResponseException answer && answer.getHeaders() != null) {
      return RetryDelays.parseRetryAfter(answer.getHeaders().getRetryAfter(), now);
    }
    return Optional.empty();
  }

  /** A short description for logs: the status and reason, or the network failure. */
  static String describe(Throwable failure) {
    if (failure instanceof HttpResponseException answer) {
      return "HTTP " + answer.getStatusCode() + reason(answer).map(r -> " " + r).orElse("");
    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  private static boolean hasRateLimitReason(HttpResponseException answer) {
    GoogleJsonError error = jsonError(answer);
    return error != null
        && nonNull(error.getErrors()).stream()
            .map(GoogleJsonError.ErrorInfo::getReason)
            .anyMatch(GoogleApiException::isRateLimitReason);
  }

  private static GoogleJsonError jsonError(HttpResponseException answer) {
    return answer instanceof GoogleJsonResponseException json ? json.getDetails() : null;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
