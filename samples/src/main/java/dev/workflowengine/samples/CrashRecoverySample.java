package dev.workflowengine.samples;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import dev.workflowengine.core.engine.ExecutionHandle;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two engines share their stores and queue as two processes would share a database. Engine A starts
 * five executions of a five-step workflow and dies in the middle of step 3; engine B takes their
 * work over when A's leases run out and finishes all five. Steps 1 and 2 never run again: only the
 * step that was running when A died runs a second time.
 */
public final class CrashRecoverySample {

  static final int EXECUTIONS = 5;
  static final Duration LEASE = Duration.ofMillis(500);

  private CrashRecoverySample() {}

  /**
   * Runs the sample on its own.
   *
   * @param args ignored
   */
  public static void main(String[] args) throws InterruptedException {
    System.out.println("Models: none (this sample runs no model).");
    run(System.out);
  }

  static Map<String, AtomicInteger> run(PrintStream out) throws InterruptedException {
    InMemoryExecutionStore executions = new InMemoryExecutionStore();
    InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    InMemoryWorkQueue queue = new InMemoryWorkQueue();
    InMemoryEventTransport events = new InMemoryEventTransport();
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    CountDownLatch allAtStep3 = new CountDownLatch(EXECUTIONS);

    out.println("\n== 11. Crash and recovery: two engines sharing their stores");
    WorkflowEngine engineA =
        engine(executions, checkpoints, queue, events, pipeline(runs, allAtStep3, true));
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= EXECUTIONS; i++) {
      ExecutionHandle handle =
          engineA.start(StartRequest.of("pipeline", Map.of("order", i)).user("demo"));
      ids.add(handle.executionId());
    }
    allAtStep3.await(30, TimeUnit.SECONDS);
    out.println(
        "   engine A finished steps 1-2 of " + EXECUTIONS + " executions, is inside step 3,");
    out.println("   and now dies without acknowledging anything (shutdownNow)");
    engineA.shutdownNow();

    try (WorkflowEngine engineB =
        engine(executions, checkpoints, queue, events, pipeline(runs, allAtStep3, false))) {
      out.println(
          "   engine B shares the stores; it takes over when A's "
              + LEASE.toMillis()
              + " ms leases run out");
      int completed = 0;
      for (String id : ids) {
        ExecutionRecord record = engineB.handle(id, "demo").await(Duration.ofSeconds(30));
        completed += record.status() == ExecutionStatus.COMPLETED ? 1 : 0;
      }
      out.println("   completed: " + completed + " of " + EXECUTIONS);
    }
    for (int step = 1; step <= 5; step++) {
      out.println(
          "   step "
              + step
              + " ran "
              + runs.get("step" + step).get()
              + " times"
              + (step == 3 ? " (once in A, cut off by the crash, and once more in B)" : ""));
    }
    return runs;
  }

  private static WorkflowEngine engine(
      InMemoryExecutionStore executions,
      InMemoryCheckpointStore checkpoints,
      InMemoryWorkQueue queue,
      InMemoryEventTransport events,
      Workflow workflow) {
    WorkflowEngine engine =
        WorkflowEngine.builder()
            .executionStore(executions)
            .checkpointStore(checkpoints)
            .workQueue(queue)
            .eventTransport(events)
            .leaseDuration(LEASE)
            .workers(EXECUTIONS)
            .build();
    engine.register(workflow);
    return engine;
  }

  /** Five steps; in engine A, step 3 blocks until the engine is shut down. */
  private static Workflow pipeline(
      Map<String, AtomicInteger> runs, CountDownLatch atStep3, boolean stuckAtStep3) {
    WorkflowBuilder builder = Workflow.builder("pipeline").start("step1");
    for (int step = 1; step <= 5; step++) {
      String id = "step" + step;
      runs.computeIfAbsent(id, k -> new AtomicInteger());
      builder.node(id, counted(runs.get(id), id, stuckAtStep3 && step == 3 ? atStep3 : null));
      builder.edge(id, step < 5 ? "step" + (step + 1) : Workflow.END);
    }
    return builder.build();
  }

  private static NodeAction counted(AtomicInteger count, String id, CountDownLatch stuck) {
    return state -> {
      count.incrementAndGet();
      if (stuck != null) {
        stuck.countDown();
        new CountDownLatch(1).await(); // like a long model call; the crash interrupts it
      }
      return Map.of(id, "done");
    };
  }
}
