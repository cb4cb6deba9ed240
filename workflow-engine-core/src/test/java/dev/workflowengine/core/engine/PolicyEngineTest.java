package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.NodeFailed;
import dev.workflowengine.api.event.NodeStarted;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowFailed;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node policies seen through the engine: retries, circuit breakers, idempotency keys. */
class PolicyEngineTest {

  private static final NodePolicy.Backoff TINY =
      new NodePolicy.Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 2.0, 0.0);

  private final WorkflowEngine engine = WorkflowEngine.builder().workers(2).build();
  private final List<String> keys = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    engine.close();
  }

  /**
   * A "charge" node that records its idempotency key and fails its first {@code failures} tries.
   */
  private Workflow payment(int failures, int retries) {
    AtomicInteger attempts = new AtomicInteger();
    return Workflow.builder("payment")
        .node(
            "charge",
            state -> {
              keys.add(NodeContext.current().orElseThrow().idempotencyKey());
              if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("gateway hiccup " + attempts.get());
              }
              return Map.of("charged", true);
            })
        .node("receipt", state -> Map.of("receipt", "ok"))
        .start("charge")
        .edge("charge", "receipt")
        .edge("receipt", Workflow.END)
        .policy("charge", NodePolicy.builder().retries(retries).backoff(TINY).build())
        .build();
  }

  private static List<String> chargeEvents(List<WorkflowEvent> events) {
    List<String> lines = new ArrayList<>();
    for (WorkflowEvent event : events) {
      if (event instanceof NodeStarted started && started.nodeId().equals("charge")) {
        lines.add("started " + started.attempt());
      } else if (event instanceof NodeFailed failed && failed.nodeId().equals("charge")) {
        lines.add(
            "failed " + failed.attempt() + " retry=" + failed.willRetry() + " " + failed.error());
      } else if (event instanceof NodeCompleted completed && completed.nodeId().equals("charge")) {
        lines.add("completed " + completed.attempt());
      }
    }
    return lines;
  }

  @Test
  void eachFailedAttemptIsAnEventWithItsNumberAndWhetherItWillBeRetried() throws Exception {
    engine.register(payment(2, 3));
    ExecutionHandle handle = engine.start(StartRequest.of("payment", Map.of()).user("u1"));

    List<WorkflowEvent> events = allEvents(handle.events());

    assertThat(handle.status().status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertCompleteStream(events);
    assertThat(chargeEvents(events))
        .containsExactly(
            "started 1",
            "failed 1 retry=true gateway hiccup 1",
            "started 2",
            "failed 2 retry=true gateway hiccup 2",
            "started 3",
            "completed 3");
    String id = handle.executionId();
    assertThat(keys).containsExactly(id + ":charge:1", id + ":charge:2", id + ":charge:3");
    EngineMetrics.NodeMetrics charge = engine.metrics().nodes().get("payment/charge");
    assertThat(charge.completed()).isEqualTo(1);
    assertThat(charge.failures()).isEqualTo(2);
  }

  @Test
  void theLastFailedAttemptIsNotRetriedAndFailsTheExecution() throws Exception {
    engine.register(payment(10, 2));
    ExecutionHandle handle = engine.start(StartRequest.of("payment", Map.of()).user("u1"));

    List<WorkflowEvent> events = allEvents(handle.events());

    ExecutionRecord record = handle.status();
    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().orElseThrow().nodeId()).contains("charge");
    assertThat(record.error().orElseThrow().message()).contains("gateway hiccup 3");
    assertCompleteStream(events);
    assertThat(chargeEvents(events))
        .containsExactly(
            "started 1",
            "failed 1 retry=true gateway hiccup 1",
            "started 2",
            "failed 2 retry=true gateway hiccup 2",
            "started 3",
            "failed 3 retry=false gateway hiccup 3");
    WorkflowFailed end = (WorkflowFailed) events.get(events.size() - 1);
    assertThat(end.nodeId()).contains("charge");
    assertThat(events).extracting(WorkflowEvent::type).doesNotContain("node_completed");
    assertThat(keys).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void aCircuitBreakerOpenedByFailingExecutionsRefusesTheNextOne() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    engine.register(
        Workflow.builder("lookup")
            .node(
                "model",
                state -> {
                  calls.incrementAndGet();
                  throw new IllegalStateException("model server down");
                })
            .start("model")
            .edge("model", Workflow.END)
            .policy(
                "model",
                NodePolicy.builder().circuitBreaker(2, Duration.ofHours(1)).backoff(TINY).build())
            .build());

    for (int i = 1; i <= 2; i++) {
      ExecutionHandle handle = engine.start(StartRequest.of("lookup", Map.of()).user("u1"));
      assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(allEvents(handle.events()))
          .filteredOn(NodeFailed.class::isInstance)
          .extracting(event -> ((NodeFailed) event).errorType())
          .containsExactly(IllegalStateException.class.getSimpleName());
    }
    ExecutionHandle refused = engine.start(StartRequest.of("lookup", Map.of()).user("u1"));
    ExecutionRecord record = refused.await(PATIENCE);

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(calls.get()).isEqualTo(2); // the open breaker never let the third one through
    assertThat(record.error().orElseThrow().type())
        .isEqualTo(WorkflowExecutionException.class.getSimpleName());
    assertThat(record.error().orElseThrow().message())
        .contains("circuit breaker of node 'model' is open after 2 consecutive failures");
    List<WorkflowEvent> events = allEvents(refused.events());
    assertCompleteStream(events);
    NodeFailed failed =
        events.stream()
            .filter(NodeFailed.class::isInstance)
            .map(NodeFailed.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(failed.errorType()).isEqualTo(UnavailableException.class.getSimpleName());
    assertThat(failed.willRetry()).isFalse();
    assertThat(failed.attempt()).isEqualTo(1);
  }
}
