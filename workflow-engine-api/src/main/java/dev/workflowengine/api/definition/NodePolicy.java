package dev.workflowengine.api.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Optional;

/**
 * How a node is protected against slow or failing work: a timeout per attempt, retries with
 * exponential backoff and jitter, a circuit breaker and a rate limit. Immutable and thread-safe.
 *
 * <pre>{@code
 * NodePolicy policy = NodePolicy.builder()
 *     .timeout(Duration.ofSeconds(60))
 *     .retries(3)
 *     .backoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
 *     .circuitBreaker(5, Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 *
 * @param timeout the limit for one attempt; absent means no limit
 * @param retries how many times a failed attempt is retried; 0 means one attempt only
 * @param backoff the delays between attempts
 * @param circuitBreaker opens after consecutive failures so that a failing dependency gets a rest
 * @param rateLimit the most attempts started per period
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record NodePolicy(
    Optional<Duration> timeout,
    int retries,
    Backoff backoff,
    Optional<CircuitBreaker> circuitBreaker,
    Optional<RateLimit> rateLimit) {

  /** No timeout, no retries, no breaker, no limit: the node runs once. */
  public static final NodePolicy NONE = builder().build();

  /** Validates and normalises the components. */
  public NodePolicy {
    timeout = timeout == null ? Optional.empty() : timeout;
    timeout.ifPresent(limit -> requirePositive(limit, "timeout"));
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0 but was " + retries);
    }
    backoff = backoff == null ? Backoff.DEFAULT : backoff;
    circuitBreaker = circuitBreaker == null ? Optional.empty() : circuitBreaker;
    rateLimit = rateLimit == null ? Optional.empty() : rateLimit;
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Exponential backoff between attempts: {@code initialDelay * multiplier^(attempt-1)}, capped at
   * {@code maxDelay}, each delay varied randomly by up to {@code jitter} of itself so that many
   * clients retrying at once do not stay in step.
   *
   * @param initialDelay the delay before the first retry
   * @param maxDelay the longest delay
   * @param multiplier how much each delay grows; at least 1
   * @param jitter the random variation as a fraction of the delay, from 0 to 1
   */
  public record Backoff(
      Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

    /** One second growing to thirty, doubling, with 20% jitter. */
    public static final Backoff DEFAULT =
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.2);

    /** Validates the components. */
    public Backoff {
      requireNonNull(initialDelay, "initialDelay");
      requireNonNull(maxDelay, "maxDelay");
      // Not requirePositive: calling into NodePolicy while DEFAULT is being created would
      // initialise NodePolicy first, and NONE would be built with a null backoff.
      if (initialDelay.isNegative() || initialDelay.isZero()) {
        throw new IllegalArgumentException(
            "backoff.initialDelay must be positive but was " + initialDelay);
      }
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException(
            "backoff.maxDelay "
                + maxDelay
                + " is shorter than backoff.initialDelay "
                + initialDelay);
      }
      if (multiplier < 1.0) {
        throw new IllegalArgumentException("backoff.multiplier must be >= 1 but was " + multiplier);
      }
      if (jitter < 0.0 || jitter > 1.0) {
        throw new IllegalArgumentException("backoff.jitter must be in [0, 1] but was " + jitter);
      }
    }

    /**
     * Reads a backoff from JSON, where every field may be left out and takes the default's value.
     *
     * @param initialDelay the delay before the first retry, or {@code null}
     * @param maxDelay the longest delay, or {@code null}
     * @param multiplier how much each delay grows, or {@code null}
     * @param jitter the random variation, or {@code null}
     * @return the backoff
     */
    @JsonCreator
    public static Backoff of(
        @JsonProperty("initialDelay") Duration initialDelay,
        @JsonProperty("maxDelay") Duration maxDelay,
        @JsonProperty("multiplier") Double multiplier,
        @JsonProperty("jitter") Double jitter) {
      Duration initial = initialDelay == null ? DEFAULT.initialDelay() : initialDelay;
      Duration max =
          maxDelay == null
              ? DEFAULT.maxDelay().compareTo(initial) < 0 ? initial : DEFAULT.maxDelay()
              : maxDelay;
      return new Backoff(
          initial,
          max,
          multiplier == null ? DEFAULT.multiplier() : multiplier,
          jitter == null ? DEFAULT.jitter() : jitter);
    }
  }

  /**
   * A circuit breaker that opens after {@code failureThreshold} consecutive failures, refuses
   * attempts for {@code delay}, then lets one trial attempt through.
   *
   * @param failureThreshold consecutive failures that open the breaker; at least 1
   * @param delay how long the breaker stays open
   */
  public record CircuitBreaker(int failureThreshold, Duration delay) {

    /** Validates the components. */
    public CircuitBreaker {
      if (failureThreshold < 1) {
        throw new IllegalArgumentException(
            "circuitBreaker.failureThreshold must be >= 1 but was " + failureThreshold);
      }
      requireNonNull(delay, "delay");
      requirePositive(delay, "circuitBreaker.delay");
    }
  }

  /**
   * At most {@code permits} attempts start per {@code period}; an attempt over the limit waits for
   * a permit up to the node's timeout.
   *
   * @param permits attempts allowed per period; at least 1
   * @param period the period
   */
  public record RateLimit(int permits, Duration period) {

    /** Validates the components. */
    public RateLimit {
      if (permits < 1) {
        throw new IllegalArgumentException("rateLimit.permits must be >= 1 but was " + permits);
      }
      requireNonNull(period, "period");
      requirePositive(period, "rateLimit.period");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
  }

  /** Builds a {@link NodePolicy}. Not thread-safe; each {@link #build()} returns a new value. */
  public static final class Builder {
    private Duration timeout;
    private int retries;
    private Backoff backoff = Backoff.DEFAULT;
    private CircuitBreaker circuitBreaker;
    private RateLimit rateLimit;

    private Builder() {}

    /**
     * Limits each attempt.
     *
     * @param timeout the limit; positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      requirePositive(requireNonNull(timeout, "timeout"), "timeout");
      this.timeout = timeout;
      return this;
    }

    /**
     * Retries a failed attempt up to {@code retries} times.
     *
     * @param retries at least 0
     * @return this builder
     */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be >= 0 but was " + retries);
      }
      this.retries = retries;
      return this;
    }

    /**
     * Sets exponential backoff doubling from {@code initialDelay} to {@code maxDelay} with 20%
     * jitter.
     *
     * @param initialDelay the delay before the first retry
     * @param maxDelay the longest delay
     * @return this builder
     */
    public Builder backoff(Duration initialDelay, Duration maxDelay) {
      return backoff(new Backoff(initialDelay, maxDelay, 2.0, 0.2));
    }

    /**
     * Sets the backoff between attempts.
     *
     * @param backoff the backoff
     * @return this builder
     */
    public Builder backoff(Backoff backoff) {
      this.backoff = requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * Opens a circuit breaker after {@code failureThreshold} consecutive failures for {@code
     * delay}.
     *
     * @param failureThreshold consecutive failures that open it
     * @param delay how long it stays open
     * @return this builder
     */
    public Builder circuitBreaker(int failureThreshold, Duration delay) {
      this.circuitBreaker = new CircuitBreaker(failureThreshold, delay);
      return this;
    }

    /**
     * Starts at most {@code permits} attempts per {@code period}.
     *
     * @param permits attempts per period
     * @param period the period
     * @return this builder
     */
    public Builder rateLimit(int permits, Duration period) {
      this.rateLimit = new RateLimit(permits, period);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public NodePolicy build() {
      return new NodePolicy(
          Optional.ofNullable(timeout),
          retries,
          backoff,
          Optional.ofNullable(circuitBreaker),
          Optional.ofNullable(rateLimit));
    }
  }
}
