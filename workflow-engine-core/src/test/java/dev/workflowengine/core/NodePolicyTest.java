package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.WorkflowStateException;
import dev.workflowengine.api.WorkflowTimeoutException;
import dev.workflowengine.api.definition.NodePolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Timeouts, retries, circuit breakers and rate limits around a node, and failure unwrapping. */
class NodePolicyTest {

  private static final NodePolicy.Backoff TINY =
      new NodePolicy.Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 2.0, 0);

  private final AtomicInteger calls = new AtomicInteger();
  private final RecordingListener listener = new RecordingListener();

  private static Workflow single(NodeAction action, NodePolicy policy) {
    WorkflowBuilder builder =
        Workflow.builder("w").node("call", action).start("call").edge("call", Workflow.END);
    return (policy == null ? builder : builder.policy("call", policy)).build();
  }

  /** Fails with an IOException the first {@code failures} times, then succeeds. */
  private NodeAction failingTimes(int failures) {
    return s -> {
      if (calls.incrementAndGet() <= failures) {
        throw new IOException("attempt " + calls.get() + " failed");
      }
      return Map.of("ok", true);
    };
  }

  private RunResult run(Workflow workflow) {
    return workflow.invoke(Map.of(), RunOptions.builder().listener(listener).build());
  }

  @Test
  void aTimeoutInterruptsABlockingNode() {
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch never = new CountDownLatch(1);
    Workflow workflow =
        single(
            s -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
              }
              return Map.of();
            },
            NodePolicy.builder().timeout(Duration.ofMillis(50)).build());

    assertThatThrownBy(() -> run(workflow))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).contains("call"))
        .hasMessage(
            "node 'call' of workflow 'w' failed: node 'call' took longer than its timeout of"
                + " PT0.05S; raise NodePolicy.timeout or make the node faster")
        .cause()
        .isInstanceOfSatisfying(
            WorkflowTimeoutException.class,
            e -> assertThat(e.limit()).isEqualTo(Duration.ofMillis(50)));
    assertThat(interrupted).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(listener.events).containsExactly("started call#1", "failed call#1 final");
  }

  @Test
  void retriesUntilAnAttemptSucceeds() {
    Workflow workflow =
        single(failingTimes(2), NodePolicy.builder().retries(3).backoff(TINY).build());

    RunResult result = run(workflow);

    assertThat(result.state().getBoolean("ok")).isTrue();
    assertThat(calls).hasValue(3);
    assertThat(listener.events)
        .containsExactly(
            "started call#1",
            "failed call#1 retry",
            "started call#2",
            "failed call#2 retry",
            "started call#3",
            "completed call#3");
  }

  @Test
  void givesUpAfterTheLastRetry() {
    Workflow workflow =
        single(failingTimes(10), NodePolicy.builder().retries(2).backoff(TINY).build());

    assertThatThrownBy(() -> run(workflow))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessage("node 'call' of workflow 'w' failed: attempt 3 failed")
        .cause()
        .isInstanceOf(IOException.class)
        .hasMessage("attempt 3 failed");
    assertThat(calls).hasValue(3);
    assertThat(listener.events)
        .containsExactly(
            "started call#1",
            "failed call#1 retry",
            "started call#2",
            "failed call#2 retry",
            "started call#3",
            "failed call#3 final");
  }

  /** Regression: with a policy, non-retriable failures never reached the listener. */
  @Test
  void doesNotRetryANonRetriableFailure() {
    Workflow workflow =
        single(
            s -> {
              calls.incrementAndGet();
              return Map.of("x", s.getString("missing"));
            },
            NodePolicy.builder().retries(3).backoff(TINY).build());

    assertThatThrownBy(() -> run(workflow))
        .isInstanceOf(WorkflowExecutionException.class)
        .cause()
        .isInstanceOf(WorkflowStateException.class);
    assertThat(calls).hasValue(1);
    assertThat(listener.events).containsExactly("started call#1", "failed call#1 final");
  }

  @Test
  void theCircuitBreakerOpensAfterConsecutiveFailuresAcrossRuns() {
    Workflow workflow =
        single(
            failingTimes(100), NodePolicy.builder().circuitBreaker(2, Duration.ofHours(1)).build());

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> run(workflow)).cause().isInstanceOf(IOException.class);
    }
    assertThatThrownBy(() -> run(workflow))
        .isInstanceOf(WorkflowExecutionException.class)
        .cause()
        .isInstanceOf(UnavailableException.class)
        .hasMessage(
            "the circuit breaker of node 'call' is open after 2 consecutive failures; it lets a"
                + " trial attempt through PT1H after opening");
    assertThat(calls).hasValue(2);
    assertThat(listener.events)
        .containsExactly(
            "started call#1",
            "failed call#1 final",
            "started call#1",
            "failed call#1 final",
            "failed call#1 final");
    assertThat(listener.errors.get(2)).isInstanceOf(UnavailableException.class);
  }

  @Test
  void exceedingTheRateLimitFailsWithRateLimited() {
    Workflow workflow =
        single(
            failingTimes(0),
            NodePolicy.builder()
                .rateLimit(1, Duration.ofHours(1))
                .timeout(Duration.ofSeconds(5))
                .build());

    assertThat(run(workflow).status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThatThrownBy(() -> run(workflow))
        .isInstanceOf(WorkflowExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)))
        .hasMessage("node 'call' exceeded its rate limit of 1 attempts per PT1H");
    assertThat(calls).hasValue(1);
    assertThat(listener.events)
        .containsExactly("started call#1", "completed call#1", "failed call#1 final");
    assertThat(listener.errors).singleElement().isInstanceOf(RateLimitedException.class);
  }

  @Test
  void aNodeFailureIsUnwrappedToTheNodesOwnException() {
    IOException boom = new IOException("disk full");
    Workflow plain =
        single(
            s -> {
              throw boom;
            },
            null);
    Workflow withPolicy =
        single(
            s -> {
              throw boom;
            },
            NodePolicy.builder().timeout(Duration.ofSeconds(5)).build());

    for (Workflow workflow : new Workflow[] {plain, withPolicy}) {
      assertThatThrownBy(() -> workflow.invoke(Map.of()))
          .isInstanceOfSatisfying(
              WorkflowExecutionException.class,
              e -> {
                assertThat(e.nodeId()).contains("call");
                assertThat(e.workflowId()).isEqualTo("w");
              })
          .hasMessage("node 'call' of workflow 'w' failed: disk full")
          .cause()
          .isSameAs(boom);
    }
  }

  @Test
  void anUncheckedFailureWithoutMessageIsNamedByItsClass() {
    Workflow workflow =
        single(
            s -> {
              throw new IllegalStateException();
            },
            null);

    assertThatThrownBy(() -> workflow.invoke(Map.of()))
        .hasMessage("node 'call' of workflow 'w' failed: java.lang.IllegalStateException");
  }
}
