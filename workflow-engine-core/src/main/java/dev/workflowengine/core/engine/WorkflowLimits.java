package dev.workflowengine.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits for the executions of one workflow in one engine, like the seeds' {@code concurrent_limit}
 * and {@code timeout}: how many may run at once, and how long one may wait in the queue before it
 * fails instead of starting late.
 *
 * <pre>{@code
 * WorkflowEngine.builder().limits("email-triage", WorkflowLimits.of(10, Duration.ofMinutes(5)))
 * }</pre>
 *
 * @param concurrency the most executions of the workflow running at once in this engine; 0 for no
 *     limit beyond the engine's workers
 * @param queueTimeout how long an execution may wait before its first node; empty for no limit
 */
public record WorkflowLimits(int concurrency, Optional<Duration> queueTimeout) {

  /** No limit beyond the engine's own. */
  public static final WorkflowLimits NONE = new WorkflowLimits(0, Optional.empty());

  /** Validates the components. */
  public WorkflowLimits {
    if (concurrency < 0) {
      throw new IllegalArgumentException("concurrency must be >= 0 but was " + concurrency);
    }
    queueTimeout = queueTimeout == null ? Optional.empty() : queueTimeout;
    queueTimeout.ifPresent(
        limit -> {
          if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("queueTimeout must be positive but was " + limit);
          }
        });
  }

  /**
   * Both limits.
   *
   * @param concurrency the most running at once, at least 1
   * @param queueTimeout the longest wait in the queue
   * @return the limits
   */
  public static WorkflowLimits of(int concurrency, Duration queueTimeout) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
    }
    return new WorkflowLimits(
        concurrency, Optional.of(requireNonNull(queueTimeout, "queueTimeout")));
  }

  /**
   * A concurrency limit only.
   *
   * @param concurrency the most running at once, at least 1
   * @return the limits
   */
  public static WorkflowLimits concurrency(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
    }
    return new WorkflowLimits(concurrency, Optional.empty());
  }
}
