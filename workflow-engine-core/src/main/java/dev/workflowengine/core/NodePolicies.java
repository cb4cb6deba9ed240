package dev.workflowengine.core;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.Timeout;
import dev.failsafe.event.ExecutionAttemptedEvent;
import dev.workflowengine.api.definition.NodePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A node's {@link NodePolicy} as Failsafe policies, composed outermost first: retry, circuit
 * breaker, rate limiter, timeout. The breaker, limiter and timeout are built once per node, so
 * their state is shared by every run of the workflow; the retry policy is built per execution
 * because it reports failed attempts to that run's listener.
 */
final class NodePolicies {

  private final NodePolicy policy;
  private final List<Policy<Map<String, Object>>> shared = new ArrayList<>();

  /**
   * Circuit breakers shared by every node, in any workflow of this JVM, that calls the same
   * resource (a model, a tool) with the same breaker settings: when a dependency fails, all its
   * callers give it a rest, not only the node that noticed.
   */
  private static final Map<String, CircuitBreaker<Map<String, Object>>> SHARED_BREAKERS =
      new ConcurrentHashMap<>();

  /**
   * The policies of one node.
   *
   * @param policy the node's policy
   * @param resource what the node calls, such as {@code model:default}, to share its circuit
   *     breaker with other callers of it; {@code null} for a breaker of this node alone
   */
  NodePolicies(NodePolicy policy, String resource) {
    this.policy = policy;
    policy.circuitBreaker().ifPresent(breaker -> shared.add(circuitBreaker(breaker, resource)));
    policy
        .rateLimit()
        .ifPresent(
            limit ->
                shared.add(
                    RateLimiter.<Map<String, Object>>smoothBuilder(limit.permits(), limit.period())
                        .withMaxWaitTime(policy.timeout().orElse(limit.period()))
                        .build()));
    policy
        .timeout()
        .ifPresent(
            limit ->
                shared.add(Timeout.<Map<String, Object>>builder(limit).withInterrupt().build()));
  }

  NodePolicy policy() {
    return policy;
  }

  private static CircuitBreaker<Map<String, Object>> circuitBreaker(
      NodePolicy.CircuitBreaker settings, String resource) {
    if (resource == null) {
      return newBreaker(settings);
    }
    String key = resource + "|" + settings.failureThreshold() + "|" + settings.delay();
    return SHARED_BREAKERS.computeIfAbsent(key, k -> newBreaker(settings));
  }

  private static CircuitBreaker<Map<String, Object>> newBreaker(
      NodePolicy.CircuitBreaker settings) {
    return CircuitBreaker.<Map<String, Object>>builder()
        .withFailureThreshold(settings.failureThreshold())
        .withDelay(settings.delay())
        .handleIf(Failures::isRetriable)
        .build();
  }

  /**
   * An executor for one execution of the node.
   *
   * @param onFailedAttempt hears each failed attempt
   * @param cancelled stops retrying once it returns true
   */
  FailsafeExecutor<Map<String, Object>> executor(
      Consumer<ExecutionAttemptedEvent<Map<String, Object>>> onFailedAttempt,
      BooleanSupplier cancelled) {
    List<Policy<Map<String, Object>>> policies = new ArrayList<>(shared.size() + 1);
    policies.add(retry(onFailedAttempt, cancelled));
    policies.addAll(shared);
    return Failsafe.with(policies);
  }

  private RetryPolicy<Map<String, Object>> retry(
      Consumer<ExecutionAttemptedEvent<Map<String, Object>>> onFailedAttempt,
      BooleanSupplier cancelled) {
    NodePolicy.Backoff backoff = policy.backoff();
    RetryPolicyBuilder<Map<String, Object>> builder =
        RetryPolicy.<Map<String, Object>>builder()
            .withMaxRetries(policy.retries())
            .handleIf(Failures::isRetriable)
            .abortIf((result, failure) -> cancelled.getAsBoolean())
            .onFailedAttempt(onFailedAttempt::accept);
    Duration initial = backoff.initialDelay();
    if (backoff.maxDelay().compareTo(initial) > 0 && backoff.multiplier() > 1.0) {
      builder.withBackoff(initial, backoff.maxDelay(), backoff.multiplier());
    } else {
      builder.withDelay(initial);
    }
    if (backoff.jitter() > 0) {
      builder.withJitter(backoff.jitter());
    }
    return builder.build();
  }

  /** Whether a failed attempt will be followed by another. */
  boolean willRetry(int attempt, Throwable failure, boolean cancelled) {
    return !cancelled && attempt <= policy.retries() && Failures.isRetriable(failure);
  }
}
