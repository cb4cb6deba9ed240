package dev.workflowengine.benchmarks;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Memory an engine holds per execution that waits at a human step, with the in-memory stores: the
 * heap in use after a full collection with {@code count} (default 100,000) such executions, minus
 * the heap in use before they were started, divided by {@code count}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.workflowengine.benchmarks.WaitingMemoryMeasurement [count]
 * </pre>
 *
 * <p><b>What it counts:</b> everything the engine keeps reachable for a WAITING execution once the
 * worker that ran it is idle again: its execution record (in the store's id map and its user's
 * index), its checkpoint log (one JSON snapshot of the state and the step waiting next), its event
 * log ({@code workflow_waiting}), and whatever else the engine, queue and transport still hold for
 * it. That includes the execution's own state as the stores keep it, which here is tiny: the input
 * {@code {"ticket":N}} as a JSON string of about 15 characters (about 60 bytes as a Java string),
 * so the figure is an upper bound of the memory held beyond the state. The executions belong to
 * 1,000 users, 100 each; their human step has no timeout.
 *
 * <p><b>What it does not count:</b> code, classes and JIT output (not heap), objects created once
 * per engine (a warm-up engine runs the same workflow first, and the measured engine is built and
 * its workflow registered before the first reading), and this program's own array of execution ids,
 * allocated before the first reading (the id strings themselves belong to the engine, which created
 * them, and are counted).
 *
 * <p><b>How:</b> heap in use is read from {@link MemoryMXBean} after rounds of {@code System.gc()}
 * until two successive readings differ by less than 0.1% (at most 20 rounds). The engine's workers
 * stay alive, polling an empty queue, as they would in an application. Run it on an otherwise idle
 * JVM: nothing else allocates long-lived objects during it.
 */
public final class WaitingMemoryMeasurement {

  static final String WORKFLOW = "approval";
  static final int USERS = 1_000;

  private WaitingMemoryMeasurement() {}

  /**
   * Runs the measurement.
   *
   * @param args optionally the number of waiting executions, default 100,000
   * @throws InterruptedException if interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String[] users = new String[USERS];
    for (int i = 0; i < USERS; i++) {
      users[i] = "user-" + i;
    }

    // Warm up the code paths and any caches they fill once, on an engine that is then dropped.
    runWaiting(Math.min(count, 20_000), users, new String[Math.min(count, 20_000)]);

    String[] ids = new String[count];
    InMemoryExecutionStore executions = new InMemoryExecutionStore();
    InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    InMemoryWorkQueue queue = new InMemoryWorkQueue();
    InMemoryEventTransport events = new InMemoryEventTransport();
    try (WorkflowEngine engine =
        WorkflowEngine.builder()
            .executionStore(executions)
            .checkpointStore(checkpoints)
            .workQueue(queue)
            .eventTransport(events)
            .workers(4)
            .build()) {
      engine.register(workflow());
      long before = settledHeap();

      long started = System.nanoTime();
      startAll(engine, queue, users, ids);
      waitUntilWaiting(engine, queue, users, ids);
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

      long after = settledHeap();
      long perExecution = (after - before) / count;
      System.out.printf(
          "%,d executions WAITING (started and settled in %d s); stores hold %,d records,"
              + " %,d checkpoint logs, %,d event logs, %,d queue items%n",
          count, seconds, executions.size(), checkpoints.size(), events.size(), queue.size());
      System.out.printf(
          "heap in use: %,d bytes before, %,d bytes after: %,d bytes per WAITING execution%n",
          before, after, perExecution);
      System.out.printf(
          "JVM: %s %s, max heap %,d MB, collectors %s%n",
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          collectors());
      holdIfAsked();
      // Keep everything reachable up to the reading above.
      if (ids[count - 1] == null || users[0] == null) {
        throw new IllegalStateException("unreachable");
      }
    }
  }

  /** Runs {@code count} executions to WAITING on a throw-away engine. */
  private static void runWaiting(int count, String[] users, String[] ids)
      throws InterruptedException {
    InMemoryWorkQueue queue = InMemoryWorkQueue.builder().capacity(count * 2).build();
    try (WorkflowEngine engine = WorkflowEngine.builder().workQueue(queue).workers(4).build()) {
      engine.register(workflow());
      startAll(engine, queue, users, ids);
      waitUntilWaiting(engine, queue, users, ids);
    }
  }

  static Workflow workflow() {
    return Workflow.builder(WORKFLOW)
        .human("approve", HumanStep.prompt("Approve this ticket?"))
        .node("handle", state -> Map.of("handled", true))
        .start("approve")
        .edge("approve", "handle")
        .edge("handle", Workflow.END)
        .build();
  }

  private static void startAll(
      WorkflowEngine engine, InMemoryWorkQueue queue, String[] users, String[] ids)
      throws InterruptedException {
    for (int i = 0; i < ids.length; i++) {
      // Stay a little ahead of the workers instead of filling the queue at once, as a steady
      // stream of requests would.
      while (queue.size() > 10_000) {
        Thread.sleep(1);
      }
      ids[i] =
          engine
              .start(StartRequest.of(WORKFLOW, Map.of("ticket", i)).user(users[i % users.length]))
              .executionId();
    }
  }

  private static void waitUntilWaiting(
      WorkflowEngine engine, InMemoryWorkQueue queue, String[] users, String[] ids)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (queue.size() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(queue.size() + " executions still queued");
      }
      Thread.sleep(10);
    }
    for (int i = 0; i < ids.length; i++) {
      ExecutionRecord record = engine.status(ids[i], users[i % users.length]);
      if (record.status() != ExecutionStatus.WAITING) {
        throw new IllegalStateException(ids[i] + " is " + record.status() + ", not WAITING");
      }
    }
  }

  /** Heap in use after full collections, once two successive readings agree within 0.1%. */
  static long settledHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int round = 0; round < 20; round++) {
      System.gc();
      Thread.sleep(100);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(used - previous) < used / 1000) {
        return used;
      }
      previous = used;
    }
    return previous;
  }

  private static List<String> collectors() {
    List<String> names = new ArrayList<>();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(collector.getName());
    }
    return names;
  }

  /** With {@code -Dhold=seconds}, waits so that a heap histogram can be taken with jcmd. */
  private static void holdIfAsked() throws InterruptedException {
    long seconds = Long.getLong("hold", 0);
    if (seconds > 0) {
      System.out.printf(
          "holding for %d s: jcmd %d GC.class_histogram%n", seconds, ProcessHandle.current().pid());
      Thread.sleep(seconds * 1000);
    }
  }
}
