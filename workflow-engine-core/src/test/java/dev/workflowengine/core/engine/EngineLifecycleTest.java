package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.Workflow;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/** Closing gracefully, metrics, observers and the logging context. */
class EngineLifecycleTest {

  /** Node runs per execution and node, across engines. */
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  private void count(String nodeId) {
    String key = NodeContext.current().orElseThrow().runId() + "/" + nodeId;
    runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  private int runsOf(String executionId, String nodeId) {
    AtomicInteger count = runs.get(executionId + "/" + nodeId);
    return count == null ? 0 : count.get();
  }

  /** Three nodes; with {@code hold} set, the second waits for {@code release}. */
  private Workflow threeSteps(CountDownLatch inSecond, CountDownLatch release) {
    return Workflow.builder("three")
        .node(
            "one",
            state -> {
              count("one");
              return Map.of("one", 1);
            })
        .node(
            "two",
            state -> {
              count("two");
              if (state.getBoolean("hold", false)) {
                inSecond.countDown();
                EngineTestSupport.await(release);
              }
              return Map.of("two", state.getInt("one") + 1);
            })
        .node(
            "three",
            state -> {
              count("three");
              return Map.of("three", state.getInt("two") + 1);
            })
        .start("one")
        .edge("one", "two")
        .edge("two", "three")
        .edge("three", Workflow.END)
        .build();
  }

  @Test
  void closeLetsTheRunningNodeFinishAndAnotherEngineContinuesFromTheNextNode() throws Exception {
    EngineTestSupport.Shared shared = new EngineTestSupport.Shared();
    CountDownLatch inSecond = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WorkflowEngine engineA = shared.engine().workers(1).build();
    engineA.register(threeSteps(inSecond, release));
    ExecutionHandle running =
        engineA.start(StartRequest.of("three", Map.of("hold", true)).user("u1"));
    EngineTestSupport.await(inSecond);
    List<ExecutionHandle> queued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      queued.add(engineA.start(StartRequest.of("three", Map.of()).user("u1")));
    }

    Thread closer = new Thread(engineA::close, "closer");
    closer.start();
    // close() marks the engine closing, then waits for its workers: the node may finish now
    await().atMost(PATIENCE).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
    release.countDown();
    closer.join(PATIENCE.toMillis());
    assertThat(closer.isAlive()).isFalse();

    ExecutionRecord paused = running.status();
    assertThat(paused.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(runsOf(running.executionId(), "two")).isEqualTo(1);
    assertThat(runsOf(running.executionId(), "three")).isZero();
    assertThat(queued).allMatch(h -> h.status().status() == ExecutionStatus.QUEUED);
    assertThat(shared.queue().depth()).isEqualTo(4); // all handed back, none lost

    try (WorkflowEngine engineB = shared.engine().workers(2).build()) {
      engineB.register(threeSteps(new CountDownLatch(1), new CountDownLatch(0)));
      ExecutionRecord done = engineB.handle(running.executionId(), "u1").await(PATIENCE);
      assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(done.output()).containsEntry("three", 3);
      for (String node : List.of("one", "two", "three")) {
        assertThat(runsOf(running.executionId(), node)).as(node).isEqualTo(1);
      }
      List<WorkflowEvent> events = allEvents(engineB.events(running.executionId(), "u1", 0));
      assertCompleteStream(events);
      assertThat(events)
          .extracting(WorkflowEvent::type)
          .containsExactly(
              "workflow_started",
              "node_started",
              "node_completed",
              "node_started",
              "node_completed",
              "node_started",
              "node_completed",
              "workflow_completed");
      for (ExecutionHandle handle : queued) {
        ExecutionRecord record = engineB.handle(handle.executionId(), "u1").await(PATIENCE);
        assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(record.output()).containsEntry("three", 3);
      }
    }
  }

  @Test
  void metricsCountOutcomesDurationsAndNodes() throws Exception {
    EngineTestSupport.MutableClock clock =
        new EngineTestSupport.MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    try (WorkflowEngine engine = WorkflowEngine.builder().clock(clock).workers(1).build()) {
      engine.register(
          Workflow.builder("measured")
              .node(
                  "work",
                  state -> {
                    int millis = state.getInt("millis");
                    if (millis == 0) {
                      blocked.countDown();
                      never.await(); // until cancelled
                    }
                    clock.advance(Duration.ofMillis(millis)); // the execution "takes" this long
                    if (state.getBoolean("fail", false)) {
                      throw new IllegalStateException("no");
                    }
                    return Map.of("done", true);
                  })
              .start("work")
              .edge("work", Workflow.END)
              .build());
      for (int millis : new int[] {10, 20, 30}) {
        ExecutionHandle ok =
            engine.start(StartRequest.of("measured", Map.of("millis", millis)).user("u1"));
        assertThat(ok.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      }
      ExecutionHandle failing =
          engine.start(StartRequest.of("measured", Map.of("millis", 40, "fail", true)).user("u1"));
      assertThat(failing.await(PATIENCE).status()).isEqualTo(ExecutionStatus.FAILED);
      ExecutionHandle cancelled =
          engine.start(StartRequest.of("measured", Map.of("millis", 0)).user("u1"));
      EngineTestSupport.await(blocked);
      assertThat(engine.metrics().running()).isEqualTo(1);
      cancelled.cancel();
      assertThat(cancelled.await(PATIENCE).status()).isEqualTo(ExecutionStatus.CANCELLED);

      EngineMetrics metrics = EngineTestSupport.metricsOnceFinished(engine, 5);
      assertThat(metrics.started()).isEqualTo(5);
      assertThat(metrics.completed()).isEqualTo(3);
      assertThat(metrics.failed()).isEqualTo(1);
      assertThat(metrics.cancelled()).isEqualTo(1);
      assertThat(metrics.successRate()).isEqualTo(0.6);
      assertThat(metrics.averageDuration()).isEqualTo(Duration.ofMillis(20)); // (0+10+...+40)/5
      assertThat(metrics.p95Duration()).isEqualTo(Duration.ofMillis(40));
      assertThat(metrics.queueDepth()).isZero();
      assertThat(metrics.running()).isZero();
      EngineMetrics.NodeMetrics work = metrics.nodes().get("measured/work");
      assertThat(work.completed()).isEqualTo(3);
      assertThat(work.failures()).isEqualTo(1);
      assertThat(work.maxDuration()).isPositive().isGreaterThanOrEqualTo(work.averageDuration());
      assertThat(metrics.nodes()).containsOnlyKeys("measured/work");
    }
  }

  @Test
  void observersHearEverythingAndOneThatThrowsBreaksNothing() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    EngineObserver throwing =
        new EngineObserver() {
          @Override
          public void executionStarted(ExecutionRecord record) {
            throw new IllegalStateException("observer bug");
          }

          @Override
          public void executionFinished(ExecutionRecord record) {
            throw new IllegalStateException("observer bug");
          }

          @Override
          public void nodeCompleted(String workflowId, String nodeId, Duration duration) {
            throw new IllegalStateException("observer bug");
          }

          @Override
          public void nodeFailed(
              String workflowId, String nodeId, Throwable error, boolean willRetry) {
            throw new IllegalStateException("observer bug");
          }
        };
    EngineObserver recording =
        new EngineObserver() {
          @Override
          public void executionStarted(ExecutionRecord record) {
            heard.add("started " + record.status());
          }

          @Override
          public void executionFinished(ExecutionRecord record) {
            heard.add("finished " + record.status());
          }

          @Override
          public void nodeCompleted(String workflowId, String nodeId, Duration duration) {
            heard.add("node completed " + workflowId + "/" + nodeId);
          }

          @Override
          public void nodeFailed(
              String workflowId, String nodeId, Throwable error, boolean willRetry) {
            heard.add("node failed " + nodeId + " " + error.getMessage() + " " + willRetry);
          }
        };
    try (WorkflowEngine engine =
        WorkflowEngine.builder().observer(throwing).observer(recording).workers(1).build()) {
      engine.register(
          Workflow.builder("observed")
              .node(
                  "step",
                  state -> {
                    if (state.getBoolean("fail", false)) {
                      throw new IllegalArgumentException("bad");
                    }
                    return Map.of("ok", true);
                  })
              .start("step")
              .edge("step", Workflow.END)
              .build());

      ExecutionHandle ok = engine.start(StartRequest.of("observed", Map.of()).user("u1"));
      assertThat(ok.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertCompleteStream(allEvents(ok.events()));
      ExecutionHandle bad =
          engine.start(StartRequest.of("observed", Map.of("fail", true)).user("u1"));
      assertThat(bad.await(PATIENCE).status()).isEqualTo(ExecutionStatus.FAILED);
      assertCompleteStream(allEvents(bad.events()));

      assertThat(heard)
          .containsExactly(
              "started RUNNING",
              "node completed observed/step",
              "finished COMPLETED",
              "started RUNNING",
              "node failed step bad false",
              "finished FAILED");
      EngineMetrics metrics = EngineTestSupport.metricsOnceFinished(engine, 2);
      assertThat(metrics.completed()).isEqualTo(1);
      assertThat(metrics.failed()).isEqualTo(1);
    }
  }

  /**
   * The tests log through slf4j-simple, whose MDC ignores everything; a real one stands in while
   * the test runs, as logback's would in an application.
   */
  @Test
  void aRunningNodeSeesTheExecutionWorkflowAndUserInTheLoggingContext() throws Exception {
    Field adapter = MDC.class.getDeclaredField("MDC_ADAPTER");
    adapter.setAccessible(true);
    MDCAdapter original = MDC.getMDCAdapter();
    adapter.set(null, new BasicMDCAdapter());
    try {
      assertNodesSeeTheLoggingContext();
    } finally {
      adapter.set(null, original);
    }
  }

  private void assertNodesSeeTheLoggingContext() throws Exception {
    Map<String, String> seen = new ConcurrentHashMap<>();
    try (WorkflowEngine engine = WorkflowEngine.builder().workers(1).build()) {
      engine.register(
          Workflow.builder("logged")
              .node(
                  "look",
                  state -> {
                    for (String key : List.of("executionId", "workflowId", "userId")) {
                      seen.put(key, String.valueOf(MDC.get(key)));
                    }
                    return Map.of();
                  })
              .start("look")
              .edge("look", Workflow.END)
              .build());
      ExecutionHandle handle =
          engine.start(StartRequest.of("logged", Map.of()).user("carol@example.com"));

      assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(seen)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "executionId", handle.executionId(),
                  "workflowId", "logged",
                  "userId", "carol@example.com"));
    }
  }

  @Test
  void nodesActForTheExecutionsOwnerBeforeAndAfterAHumanAnswer() throws Exception {
    Map<String, Optional<String>> users = new ConcurrentHashMap<>();
    try (WorkflowEngine engine = WorkflowEngine.builder().workers(1).build()) {
      engine.register(
          Workflow.builder("owned")
              .node("before", state -> remember(users, "before"))
              .human("approve", HumanStep.builder().requireInput("ok", Boolean.class).build())
              .node("after", state -> remember(users, "after"))
              .start("before")
              .edge("before", "approve")
              .edge("approve", "after")
              .edge("after", Workflow.END)
              .build());
      ExecutionHandle handle = engine.start(StartRequest.of("owned", Map.of()).user("dave"));
      assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.WAITING);

      engine.resume(handle.executionId(), "dave", Map.of("ok", true));

      assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(users)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("before", Optional.of("dave"), "after", Optional.of("dave")));
    }
  }

  private static Map<String, Object> remember(Map<String, Optional<String>> users, String node) {
    users.put(node, NodeContext.current().orElseThrow().userId());
    return Map.of();
  }

  @Test
  void theEngineSaysHowManyWorkersItHasAndHowManyAreAlive() {
    WorkflowEngine engine = WorkflowEngine.builder().workers(3).build();
    assertThat(engine.workers()).isEqualTo(3);
    assertThat(engine.liveWorkers()).isEqualTo(3);

    engine.close();

    await().atMost(PATIENCE).until(() -> engine.liveWorkers() == 0);
    assertThat(engine.workers()).isEqualTo(3);
  }
}
