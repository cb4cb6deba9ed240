package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.event.WorkflowCompleted;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Engine A dies abruptly ({@code shutdownNow}) with executions in the middle of a node; engine B,
 * sharing its stores, queue and transport, finishes every execution without running a checkpointed
 * node again.
 */
class CrashRecoveryTest {

  private static final int EXECUTIONS = 200;
  private static final int NODES = 5;
  private static final Duration LEASE = Duration.ofSeconds(1);

  /** Node invocations per execution, {@code [node - 1]}, in one engine. */
  private static final class Invocations {
    private final Map<String, AtomicIntegerArray> byExecution = new ConcurrentHashMap<>();

    void count(int node) {
      String executionId = NodeContext.current().orElseThrow().runId();
      byExecution
          .computeIfAbsent(executionId, id -> new AtomicIntegerArray(NODES))
          .incrementAndGet(node - 1);
    }

    int[] of(String executionId) {
      AtomicIntegerArray counts = byExecution.get(executionId);
      return IntStream.range(0, NODES).map(i -> counts == null ? 0 : counts.get(i)).toArray();
    }
  }

  /**
   * Five nodes, each adding its number to {@code total} and recording that it ran. Node 3 counts
   * down {@code reachedNode3} for every execution, and for those {@code blocksAtNode3} selects
   * counts down {@code blockedAtNode3} and blocks until the engine is killed.
   */
  private static Workflow pipeline(
      Invocations invocations,
      IntPredicate blocksAtNode3,
      CountDownLatch reachedNode3,
      CountDownLatch blockedAtNode3) {
    WorkflowBuilder builder = Workflow.builder("pipeline").start("n1").requireInput("order");
    for (int node = 1; node <= NODES; node++) {
      int number = node;
      builder.node(
          "n" + number,
          state -> {
            invocations.count(number);
            if (number == 3) {
              reachedNode3.countDown();
              if (blocksAtNode3.test(state.getInt("order"))) {
                blockedAtNode3.countDown();
                new CountDownLatch(1).await(); // a long model call that only the crash ends
              }
            }
            return Map.of("total", state.getInt("total", 0) + number, "n" + number, "done");
          });
      builder.edge("n" + number, number < NODES ? "n" + (number + 1) : Workflow.END);
    }
    return builder.build();
  }

  /** The pipeline as a healthy engine runs it. */
  private static Workflow pipeline(Invocations invocations) {
    return pipeline(invocations, order -> false, new CountDownLatch(0), new CountDownLatch(0));
  }

  @Test
  void anotherEngineFinishesEveryExecutionWithoutRerunningCheckpointedNodes() throws Exception {
    EngineTestSupport.Shared shared = new EngineTestSupport.Shared();
    int workersA = 10;
    IntPredicate blocks = order -> order % 20 == 13; // 10 of the 200, as many as A has workers
    CountDownLatch allWorkersBlocked = new CountDownLatch(workersA);
    Invocations inA = new Invocations();
    Invocations inB = new Invocations();

    WorkflowEngine engineA = shared.engine().workers(workersA).leaseDuration(LEASE).build();
    engineA.register(pipeline(inA, blocks, new CountDownLatch(0), allWorkersBlocked));
    List<String> ids = new ArrayList<>();
    for (int order = 0; order < EXECUTIONS; order++) {
      ids.add(
          engineA
              .start(StartRequest.of("pipeline", Map.of("order", order)).user("u1"))
              .executionId());
    }
    EngineTestSupport.await(allWorkersBlocked);
    engineA.shutdownNow();

    try (WorkflowEngine engineB = shared.engine().workers(4).leaseDuration(LEASE).build()) {
      engineB.register(pipeline(inB));
      for (int order = 0; order < EXECUTIONS; order++) {
        String id = ids.get(order);
        ExecutionRecord record = engineB.handle(id, "u1").await(PATIENCE);
        assertThat(record.status())
            .as("execution %d: %s", order, record)
            .isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(record.output())
            .containsEntry("order", order)
            .containsEntry("total", 15)
            .containsKeys("n1", "n2", "n3", "n4", "n5");

        List<WorkflowEvent> events = allEvents(engineB.events(id, "u1", 0));
        assertCompleteStream(events);
        assertThat(events.get(events.size() - 1)).isInstanceOf(WorkflowCompleted.class);
        assertThat(events).filteredOn(e -> e.type().equals("workflow_started")).hasSize(1);

        int[] a = inA.of(id);
        int[] b = inB.of(id);
        if (blocks.test(order)) {
          // killed inside node 3: only node 3 runs again
          assertThat(a).as("execution %d in A", order).containsExactly(1, 1, 1, 0, 0);
          assertThat(b).as("execution %d in B", order).containsExactly(0, 0, 1, 1, 1);
        } else {
          assertRanOnceInOneEngine(order, a, b);
        }
      }
    }
  }

  @Test
  void anEngineKilledWhileExecutionsFlowLosesNothingAndRerunsAtMostTheNodeItWasIn()
      throws Exception {
    EngineTestSupport.Shared shared = new EngineTestSupport.Shared();
    CountDownLatch halfway = new CountDownLatch(EXECUTIONS / 2);
    Invocations inA = new Invocations();
    Invocations inB = new Invocations();
    // Node 3 of A counts down; A dies wherever its four workers are when half got there.
    WorkflowEngine engineA = shared.engine().workers(4).leaseDuration(LEASE).build();
    engineA.register(pipeline(inA, order -> false, halfway, new CountDownLatch(0)));
    List<String> ids = new ArrayList<>();
    for (int order = 0; order < EXECUTIONS; order++) {
      ids.add(
          engineA
              .start(StartRequest.of("pipeline", Map.of("order", order)).user("u1"))
              .executionId());
    }
    EngineTestSupport.await(halfway);
    engineA.shutdownNow();

    try (WorkflowEngine engineB = shared.engine().workers(4).leaseDuration(LEASE).build()) {
      engineB.register(pipeline(inB));
      for (int order = 0; order < EXECUTIONS; order++) {
        String id = ids.get(order);
        ExecutionRecord record = engineB.handle(id, "u1").await(PATIENCE);
        assertThat(record.status())
            .as("execution %d: %s", order, record)
            .isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(record.output()).containsEntry("order", order).containsEntry("total", 15);

        List<WorkflowEvent> events = allEvents(engineB.events(id, "u1", 0));
        assertCompleteStream(events);
        assertThat(events.get(0).type())
            .as("execution %d: %s", order, events)
            .isEqualTo("workflow_started");
        assertThat(events).filteredOn(e -> e.type().equals("workflow_started")).hasSize(1);
        assertThat(events.get(events.size() - 1)).isInstanceOf(WorkflowCompleted.class);
        assertAtMostTheInterruptedNodeRanTwice(order, inA.of(id), inB.of(id));
      }
    }
  }

  /**
   * An engine that died after marking an execution running but before announcing it left an event
   * stream without workflow_started: the next engine saw the start time and took it as announced.
   */
  @Test
  void anExecutionIsAnnouncedEvenIfItsEngineDiedRightAfterMarkingItRunning() throws Exception {
    EngineTestSupport.Shared shared = new EngineTestSupport.Shared();
    CountDownLatch markedRunning = new CountDownLatch(1);
    EngineTestSupport.ForwardingExecutionStore dying =
        new EngineTestSupport.ForwardingExecutionStore(shared.executions()) {
          @Override
          public boolean update(ExecutionRecord record, long expectedRevision) {
            boolean updated = delegate.update(record, expectedRevision);
            if (updated && record.status() == ExecutionStatus.RUNNING) {
              markedRunning.countDown(); // and the process dies here
              try {
                new CountDownLatch(1).await();
              } catch (InterruptedException killed) {
                Thread.currentThread().interrupt();
              }
            }
            return updated;
          }
        };
    Workflow quick =
        Workflow.builder("quick")
            .node("only", state -> Map.of("answer", 42))
            .start("only")
            .edge("only", Workflow.END)
            .build();
    WorkflowEngine engineA =
        shared.engine().executionStore(dying).workers(1).leaseDuration(LEASE).build();
    engineA.register(quick);
    String id = engineA.start(StartRequest.of("quick", Map.of()).user("u1")).executionId();
    EngineTestSupport.await(markedRunning);
    engineA.shutdownNow();

    try (WorkflowEngine engineB = shared.engine().leaseDuration(LEASE).build()) {
      engineB.register(quick);
      List<WorkflowEvent> events = allEvents(engineB.events(id, "u1", 0));

      assertCompleteStream(events);
      assertThat(events)
          .extracting(WorkflowEvent::type)
          .containsExactly(
              "workflow_started", "node_started", "node_completed", "workflow_completed");
    }
  }

  /**
   * Workers start when an engine is built, a moment before the host registers its workflows. An
   * execution such an engine takes from a shared queue in that moment must wait for the workflow,
   * not fail because this engine did not know it yet.
   */
  @Test
  void anEngineTakingWorkBeforeItsWorkflowIsRegisteredHandsTheWorkBack() throws Exception {
    EngineTestSupport.Shared shared = new EngineTestSupport.Shared();
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Workflow slowFirst =
        Workflow.builder("relay")
            .node(
                "only",
                state -> {
                  if (state.getInt("order") == 0) {
                    firstRunning.countDown();
                    EngineTestSupport.await(releaseFirst);
                  }
                  return Map.of("relayed", state.getInt("order"));
                })
            .start("only")
            .edge("only", Workflow.END)
            .build();
    WorkflowEngine engineA = shared.engine().workers(1).build();
    engineA.register(slowFirst);
    List<ExecutionHandle> handles = new ArrayList<>();
    handles.add(engineA.start(StartRequest.of("relay", Map.of("order", 0)).user("u1")));
    EngineTestSupport.await(firstRunning); // A's only worker is busy: the rest stay queued
    for (int order = 1; order <= 3; order++) {
      handles.add(engineA.start(StartRequest.of("relay", Map.of("order", order)).user("u1")));
    }

    CountDownLatch tookWork = new CountDownLatch(1);
    try (WorkflowEngine engineB =
        shared
            .engine()
            .workQueue(new EngineTestSupport.SignallingQueue(shared.queue(), tookWork))
            .workers(1)
            .build()) {
      EngineTestSupport.await(tookWork); // before B knows the workflow
      engineB.register(slowFirst);
      releaseFirst.countDown();

      for (int order = 0; order <= 3; order++) {
        ExecutionRecord record = handles.get(order).await(PATIENCE);
        assertThat(record.status()).as("%s", record).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(record.output()).containsEntry("relayed", order);
      }
    } finally {
      engineA.close();
    }
  }

  /**
   * An engine that dies after recording an execution's end but before publishing its terminal event
   * used to leave the event stream open for ever: the next engine found the record finished and
   * only acknowledged the work item.
   */
  @Test
  void theEndOfAnExecutionIsPublishedEvenIfItsEngineDiedRightAfterRecordingIt() throws Exception {
    EngineTestSupport.Shared shared = new EngineTestSupport.Shared();
    CountDownLatch recordedTheEnd = new CountDownLatch(1);
    Workflow quick =
        Workflow.builder("quick")
            .node("only", state -> Map.of("answer", 42))
            .start("only")
            .edge("only", Workflow.END)
            .build();
    WorkflowEngine engineA =
        shared
            .engine()
            .leaseDuration(LEASE)
            .observer(
                new EngineObserver() {
                  @Override
                  public void executionFinished(ExecutionRecord record) {
                    // between the record's last revision and the terminal event: the process dies
                    recordedTheEnd.countDown();
                    try {
                      new CountDownLatch(1).await();
                    } catch (InterruptedException killed) {
                      Thread.currentThread().interrupt();
                    }
                  }
                })
            .build();
    engineA.register(quick);
    String id = engineA.start(StartRequest.of("quick", Map.of()).user("u1")).executionId();
    EngineTestSupport.await(recordedTheEnd);
    engineA.shutdownNow();
    assertThat(shared.executions().find(id).orElseThrow().status())
        .isEqualTo(ExecutionStatus.COMPLETED);

    try (WorkflowEngine engineB = shared.engine().leaseDuration(LEASE).build()) {
      engineB.register(quick);
      List<WorkflowEvent> events = allEvents(engineB.events(id, "u1", 0));

      assertCompleteStream(events);
      WorkflowCompleted end = (WorkflowCompleted) events.get(events.size() - 1);
      assertThat(end.output()).containsEntry("answer", 42);
      assertThat(events)
          .extracting(WorkflowEvent::type)
          .containsExactly(
              "workflow_started", "node_started", "node_completed", "workflow_completed");
    }
  }

  /**
   * A ran a prefix of the nodes and B the rest; they share at most the node A was in when it died.
   */
  private static void assertAtMostTheInterruptedNodeRanTwice(int order, int[] a, int[] b) {
    String runs =
        "execution "
            + order
            + ": A "
            + java.util.Arrays.toString(a)
            + ", B "
            + java.util.Arrays.toString(b);
    int lastInA = 0;
    int firstInB = NODES + 1;
    for (int node = 1; node <= NODES; node++) {
      assertThat(a[node - 1]).as(runs).isLessThanOrEqualTo(1);
      assertThat(b[node - 1]).as(runs).isLessThanOrEqualTo(1);
      assertThat(a[node - 1] + b[node - 1]).as(runs).isPositive();
      if (a[node - 1] == 1) {
        assertThat(node).as(runs).isEqualTo(lastInA + 1); // a prefix
        lastInA = node;
      }
      if (b[node - 1] == 1 && firstInB > NODES) {
        firstInB = node;
      }
    }
    assertThat(firstInB).as(runs).isBetween(lastInA, lastInA + 1);
  }

  /** An execution A never reached node 3 of runs entirely in one engine, each node once. */
  private static void assertRanOnceInOneEngine(int order, int[] a, int[] b) {
    int[] total = IntStream.range(0, NODES).map(i -> a[i] + b[i]).toArray();
    assertThat(total).as("execution %d, both engines", order).containsOnly(1);
    assertThat(IntStream.of(a).sum() == 0 || IntStream.of(b).sum() == 0)
        .as("execution %d ran in one engine only: A %s, B %s", order, a, b)
        .isTrue();
  }
}
