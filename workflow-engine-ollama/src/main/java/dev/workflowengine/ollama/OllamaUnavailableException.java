package dev.workflowengine.ollama;

import dev.workflowengine.api.UnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Ollama cannot be reached or keeps refusing work: nothing listens at the base URL, the host is
 * unknown, or it answered 429, 502 or 503 on every attempt the retry policy allowed. The message
 * names the base URL and says how to start Ollama ({@code ollama serve}). Retriable.
 */
public class OllamaUnavailableException extends UnavailableException {

  private static final long serialVersionUID = 1L;

  private final String baseUrl;
  private final Duration retryAfter;
  private final int httpStatus;

  /**
   * Creates the exception.
   *
   * @param baseUrl the base URL that was tried
   * @param message what failed and how to bring Ollama up
   * @param httpStatus the last HTTP status (429, 502 or 503), or {@code -1} when nothing answered
   * @param retryAfter how long Ollama (or a proxy before it) asked to wait, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public OllamaUnavailableException(
      String baseUrl, String message, int httpStatus, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.baseUrl = baseUrl;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  /**
   * The status of the last answer, when the server answered but refused the work.
   *
   * @return 429, 502 or 503; absent when no connection could be made
   */
  public OptionalInt httpStatus() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /**
   * The base URL that was tried.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * How long the server asked to wait before trying again, from its last {@code Retry-After}.
   *
   * @return the wait, when the server gave one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
