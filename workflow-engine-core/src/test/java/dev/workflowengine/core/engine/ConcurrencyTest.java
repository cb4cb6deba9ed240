package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.WorkflowTimeoutException;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowFailed;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many executions at once: outputs, limits per workflow, queue timeouts and a full queue. */
class ConcurrencyTest {

  /** Three nodes, each reading what the one before wrote. */
  private static Workflow arithmetic() {
    return Workflow.builder("arithmetic")
        .node("square", state -> Map.of("square", state.getInt("n") * state.getInt("n")))
        .node("plus", state -> Map.of("sum", state.getInt("square") + state.getInt("n")))
        .node("label", state -> Map.of("label", state.getInt("n") + ":" + state.getInt("sum")))
        .start("square")
        .edge("square", "plus")
        .edge("plus", "label")
        .edge("label", Workflow.END)
        .requireInput("n")
        .build();
  }

  /** How many runs of a node there were, and how many at once at most. */
  private static final class Gauge {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger highWater = new AtomicInteger();
  }

  /** One node that counts itself while it runs and blocks while the gate is closed. */
  private static Workflow gated(
      String id, Gauge gauge, CountDownLatch entered, CountDownLatch gate) {
    return Workflow.builder(id)
        .node(
            "work",
            state -> {
              gauge.calls.incrementAndGet();
              gauge.highWater.accumulateAndGet(gauge.running.incrementAndGet(), Math::max);
              try {
                entered.countDown();
                EngineTestSupport.await(gate);
                return Map.of("done", state.getInt("n"));
              } finally {
                gauge.running.decrementAndGet();
              }
            })
        .start("work")
        .edge("work", Workflow.END)
        .build();
  }

  @Test
  void twoThousandExecutionsOnEightWorkersAllCompleteWithTheirOwnOutputs() {
    try (WorkflowEngine engine = WorkflowEngine.builder().workers(8).build()) {
      engine.register(arithmetic());
      List<ExecutionHandle> handles = new ArrayList<>();
      for (int n = 0; n < 2000; n++) {
        handles.add(engine.start(StartRequest.of("arithmetic", Map.of("n", n)).user("u" + n % 7)));
      }

      for (int n = 0; n < 2000; n++) {
        ExecutionRecord record = handles.get(n).await(PATIENCE);
        assertThat(record.status()).as("%s", record).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(record.output())
            .containsEntry("n", n)
            .containsEntry("square", n * n)
            .containsEntry("sum", n * n + n)
            .containsEntry("label", n + ":" + (n * n + n));
        assertThat(record.userId()).isEqualTo("u" + n % 7);
      }
      EngineMetrics metrics = EngineTestSupport.metricsOnceFinished(engine, 2000);
      assertThat(metrics.started()).isEqualTo(2000);
      assertThat(metrics.completed()).isEqualTo(2000);
      assertThat(metrics.failed()).isZero();
      assertThat(metrics.nodes().get("arithmetic/label").completed()).isEqualTo(2000);
      assertThat(metrics.queueDepth()).isZero();
    }
  }

  @Test
  void aWorkflowsConcurrencyLimitHoldsWhileOtherWorkersWantItsExecutions() throws Exception {
    Gauge gauge = new Gauge();
    CountDownLatch threeEntered = new CountDownLatch(3);
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch handedBack = new CountDownLatch(10);
    EngineTestSupport.Shared shared = new EngineTestSupport.Shared();
    try (WorkflowEngine engine =
        shared
            .engine()
            .workQueue(
                new EngineTestSupport.SignallingQueue(
                    shared.queue(),
                    lease -> {
                      if (lease.deliveryCount() > 1) {
                        handedBack.countDown(); // a worker was refused a permit and gave it back
                      }
                    }))
            .workers(8)
            .limits("limited", WorkflowLimits.concurrency(3))
            .build()) {
      engine.register(gated("limited", gauge, threeEntered, gate));
      List<ExecutionHandle> handles = new ArrayList<>();
      for (int n = 0; n < 40; n++) {
        handles.add(engine.start(StartRequest.of("limited", Map.of("n", n)).user("u1")));
      }

      EngineTestSupport.await(threeEntered);
      EngineTestSupport.await(handedBack); // five idle workers kept trying, and were refused
      assertThat(gauge.running.get()).isEqualTo(3);
      gate.countDown();

      for (int n = 0; n < 40; n++) {
        ExecutionRecord record = handles.get(n).await(PATIENCE);
        assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(record.output()).containsEntry("done", n);
      }
      assertThat(gauge.highWater.get()).isEqualTo(3);
      assertThat(gauge.calls.get()).isEqualTo(40);
      assertThat(EngineTestSupport.metricsOnceFinished(engine, 40).completed()).isEqualTo(40);
    }
  }

  @Test
  void anExecutionThatWaitedLongerThanItsQueueTimeoutFailsWithoutRunning() throws Exception {
    EngineTestSupport.MutableClock clock =
        new EngineTestSupport.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Gauge gauge = new Gauge();
    CountDownLatch firstEntered = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    try (WorkflowEngine engine =
        WorkflowEngine.builder()
            .clock(clock)
            .workers(1)
            .limits("timed", WorkflowLimits.of(1, Duration.ofMinutes(1)))
            .build()) {
      engine.register(gated("timed", gauge, firstEntered, gate));
      ExecutionHandle first = engine.start(StartRequest.of("timed", Map.of("n", 1)).user("u1"));
      EngineTestSupport.await(firstEntered); // the only worker is busy
      ExecutionHandle late = engine.start(StartRequest.of("timed", Map.of("n", 2)).user("u1"));
      clock.advance(Duration.ofMinutes(2));
      gate.countDown();

      ExecutionRecord failed = late.await(PATIENCE);
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.startedAt()).isEmpty();
      assertThat(failed.error().orElseThrow().type())
          .isEqualTo(WorkflowTimeoutException.class.getSimpleName());
      assertThat(failed.error().orElseThrow().message())
          .contains("waited in the queue longer than PT1M");
      List<WorkflowEvent> events = allEvents(late.events());
      assertThat(events).extracting(WorkflowEvent::type).containsExactly("workflow_failed");
      assertThat(((WorkflowFailed) events.get(0)).errorType())
          .isEqualTo(WorkflowTimeoutException.class.getSimpleName());

      assertThat(first.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      ExecutionHandle fresh = engine.start(StartRequest.of("timed", Map.of("n", 3)).user("u1"));
      assertThat(fresh.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(gauge.calls.get()).isEqualTo(2); // the late one never ran its node
    }
  }

  @Test
  void aFullQueueRefusesTheStartAndLeavesNothingRunnable() throws Exception {
    Gauge gauge = new Gauge();
    CountDownLatch firstEntered = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    InMemoryWorkQueue queue = InMemoryWorkQueue.builder().capacity(2).build();
    try (WorkflowEngine engine =
        WorkflowEngine.builder().checkpointStore(checkpoints).workQueue(queue).workers(1).build()) {
      engine.register(gated("gated", gauge, firstEntered, gate));
      ExecutionHandle first = engine.start(StartRequest.of("gated", Map.of("n", 1)).user("u1"));
      EngineTestSupport.await(firstEntered); // leased: still counts against the capacity
      ExecutionHandle second = engine.start(StartRequest.of("gated", Map.of("n", 2)).user("u1"));

      assertThatThrownBy(() -> engine.start(StartRequest.of("gated", Map.of("n", 3)).user("u1")))
          .isInstanceOf(RateLimitedException.class)
          .hasMessageContaining("the work queue is full");

      List<ExecutionRecord> all = engine.history("u1", ExecutionQuery.recent(10)).executions();
      assertThat(all).hasSize(3);
      ExecutionRecord refused =
          all.stream()
              .filter(
                  r -> !Set.of(first.executionId(), second.executionId()).contains(r.executionId()))
              .findFirst()
              .orElseThrow();
      assertThat(refused.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(refused.startedAt()).isEmpty();
      assertThat(refused.error().orElseThrow().type())
          .isEqualTo(RateLimitedException.class.getSimpleName());
      assertThat(checkpoints.load(refused.executionId())).isEmpty();
      assertThat(queue.size()).isEqualTo(2);
      assertThat(
              engine
                  .history(
                      "u1",
                      ExecutionQuery.builder()
                          .status(ExecutionStatus.QUEUED, ExecutionStatus.RUNNING)
                          .limit(10)
                          .build())
                  .executions())
          .extracting(ExecutionRecord::executionId)
          .containsExactlyInAnyOrder(first.executionId(), second.executionId());

      gate.countDown();
      assertThat(first.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(second.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(engine.status(refused.executionId(), "u1").status())
          .isEqualTo(ExecutionStatus.FAILED);
      assertThat(gauge.calls.get()).isEqualTo(2);
      ExecutionHandle afterwards =
          engine.start(StartRequest.of("gated", Map.of("n", 4)).user("u1"));
      assertThat(afterwards.await(PATIENCE).output()).containsEntry("done", 4);
    }
  }
}
