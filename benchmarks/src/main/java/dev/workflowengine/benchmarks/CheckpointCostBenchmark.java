package dev.workflowengine.benchmarks;

import dev.workflowengine.core.RunOptions;
import dev.workflowengine.core.RunPosition;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checkpointing costs a step, and whether that depends on the size of the state: a chain of
 * 100 trivial nodes, each writing one small key, run with 1 KB and with 1 MB of state (a string in
 * the initial state that no node touches). Scores are microseconds per step.
 *
 * <ul>
 *   <li>{@code noStore}: the run without a checkpoint store, the floor;
 *   <li>{@code durableSteps}: the 100 steps of a run whose start was checkpointed beforehand
 *       (outside the measurement), each step checkpointed into an in-memory store before the next
 *       starts: this is the per-step cost the target is about;
 *   <li>{@code durableRun}: the whole durable run as the engine does it, start snapshot included
 *       ({@code Workflow.begin} then {@code resume}), so the one snapshot of the initial state is
 *       spread over the 100 steps.
 * </ul>
 *
 * <p>Checkpoint cost per step is {@code durableSteps − noStore}. Bytes written are counted by a
 * wrapper around the store: the sum of {@code Checkpoint.size()} (characters of JSON, one byte each
 * for this ASCII state) over every entry the store received, printed per step at the end of each
 * durable trial. The stores are in memory, so the time is the engine's own cost of producing
 * checkpoints (JSON encoding, entries, the store's bookkeeping), not a disk's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class CheckpointCostBenchmark {

  static final int STEPS = 100;

  @Param({"1KB", "1MB"})
  public String stateSize;

  private final InMemoryCheckpointStore base = new InMemoryCheckpointStore();
  private final CountingCheckpointStore runStore = new CountingCheckpointStore(base);
  private final CountingCheckpointStore stepStore = new CountingCheckpointStore(base);
  private long runs;
  private long stepRuns;
  private Workflow workflow;
  private Map<String, Object> input;

  @Setup(Level.Trial)
  public void setUp() {
    workflow = buildChain();
    int chars = "1MB".equals(stateSize) ? 1024 * 1024 : 1024;
    input = Map.of("document", "x".repeat(chars));
  }

  /** A new run whose start is checkpointed before each call of {@link #durableSteps}. */
  @State(Scope.Thread)
  public static class Begun {
    String runId;
    RunPosition position;

    @Setup(Level.Invocation)
    public void begin(CheckpointCostBenchmark benchmark) {
      runId = UUID.randomUUID().toString();
      position = benchmark.workflow.begin(runId, benchmark.input, benchmark.base);
    }
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public RunResult noStore() {
    return workflow.invoke(input, RunOptions.builder().runId(UUID.randomUUID().toString()).build());
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public RunResult durableSteps(Begun run) {
    RunResult result =
        workflow.resume(
            run.position,
            Map.of(),
            RunOptions.builder().runId(run.runId).checkpointStore(stepStore).build());
    base.delete(run.runId);
    stepRuns++;
    return result;
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public RunResult durableRun() {
    String runId = UUID.randomUUID().toString();
    RunPosition start = workflow.begin(runId, input, runStore);
    RunResult result =
        workflow.resume(
            start, Map.of(), RunOptions.builder().runId(runId).checkpointStore(runStore).build());
    base.delete(runId);
    runs++;
    return result;
  }

  @TearDown(Level.Trial)
  public void report() {
    print("durableSteps", stepStore, stepRuns);
    print("durableRun", runStore, runs);
  }

  private void print(String benchmark, CountingCheckpointStore store, long count) {
    if (count == 0) {
      return;
    }
    double steps = (double) count * STEPS;
    System.out.printf(
        "%n%s, %s state: %.1f checkpoint bytes per step (%.3f entries and %.5f snapshots per"
            + " step, over %d runs)%n",
        benchmark,
        stateSize,
        store.size() / steps,
        store.entries() / steps,
        store.snapshots() / steps,
        count);
  }

  static Workflow buildChain() {
    WorkflowBuilder builder = Workflow.builder("chain").start("n0");
    for (int i = 0; i < STEPS; i++) {
      String key = "k" + i;
      Integer value = i;
      builder.node("n" + i, state -> Map.of(key, value));
      builder.edge("n" + i, i + 1 < STEPS ? "n" + (i + 1) : Workflow.END);
    }
    return builder.build();
  }
}
