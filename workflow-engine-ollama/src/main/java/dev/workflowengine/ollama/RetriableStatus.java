package dev.workflowengine.ollama;

import java.time.Duration;
import java.util.Optional;

/**
 * An answer worth another attempt (429, 502, 503): what the retry policy handles. Never leaves the
 * package: once the attempts are used up it becomes an {@link OllamaUnavailableException}.
 */
final class RetriableStatus extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String ollamaMessage;
  private final transient Duration retryAfter;

  RetriableStatus(int status, String ollamaMessage, Duration retryAfter) {
    super("HTTP " + status + ": " + ollamaMessage, null, false, false);
    this.status = status;
    this.ollamaMessage = ollamaMessage;
    this.retryAfter = retryAfter;
  }

  int status() {
    return status;
  }

  String ollamaMessage() {
    return ollamaMessage;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
