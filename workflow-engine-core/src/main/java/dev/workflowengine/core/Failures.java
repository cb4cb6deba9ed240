package dev.workflowengine.core;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.TimeoutExceededException;
import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.WorkflowTimeoutException;
import dev.workflowengine.api.definition.NodePolicy;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.bsc.langgraph4j.GraphRunnerException;

/**
 * The one place where failures are unwrapped from the graph engine's and Failsafe's wrappers and
 * translated into the SDK's exceptions, so users never dig through {@code CompletionException}
 * chains.
 */
final class Failures {

  private Failures() {}

  /** The exception that actually happened, without the wrappers around it. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException
            || current instanceof ExecutionException
            || current instanceof GraphRunnerException
            || (current instanceof FailsafeException
                && !(current instanceof TimeoutExceededException)
                && !(current instanceof CircuitBreakerOpenException)
                && !(current instanceof RateLimitExceededException)))
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** A policy's refusal as the SDK exception a user can act on; other failures unchanged. */
  static Throwable translate(String nodeId, NodePolicy policy, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TimeoutExceededException) {
      Duration limit = policy.timeout().orElse(Duration.ZERO);
      return new WorkflowTimeoutException(
          "node '"
              + nodeId
              + "' took longer than its timeout of "
              + limit
              + "; raise NodePolicy.timeout or make the node faster",
          limit);
    }
    if (cause instanceof CircuitBreakerOpenException) {
      NodePolicy.CircuitBreaker breaker = policy.circuitBreaker().orElseThrow();
      return new UnavailableException(
          "the circuit breaker of node '"
              + nodeId
              + "' is open after "
              + breaker.failureThreshold()
              + " consecutive failures; it lets a trial attempt through "
              + breaker.delay()
              + " after opening");
    }
    if (cause instanceof RateLimitExceededException) {
      NodePolicy.RateLimit limit = policy.rateLimit().orElseThrow();
      return new RateLimitedException(
          "node '"
              + nodeId
              + "' exceeded its rate limit of "
              + limit.permits()
              + " attempts per "
              + limit.period(),
          limit.period().dividedBy(limit.permits()));
    }
    return cause;
  }

  /** Whether a retry may help. */
  static boolean isRetriable(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof WorkflowException workflowException) {
      return workflowException.isRetriable();
    }
    return !(cause instanceof InterruptedException) && !(cause instanceof Error);
  }

  /** A node's failure as the exception that ends the run, naming the node. */
  static WorkflowExecutionException nodeFailed(
      String workflowId, String nodeId, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof WorkflowExecutionException execution
        && execution.nodeId().filter(nodeId::equals).isPresent()
        && workflowId.equals(execution.workflowId())) {
      return execution;
    }
    return new WorkflowExecutionException(
        workflowId,
        nodeId,
        "node '" + nodeId + "' of workflow '" + workflowId + "' failed: " + describe(cause),
        cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getName() : message;
  }
}
