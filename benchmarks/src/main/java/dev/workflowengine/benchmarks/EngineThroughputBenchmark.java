package dev.workflowengine.benchmarks;

import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import dev.workflowengine.core.engine.EngineObserver;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.checkpoint.MemorySaver;
import org.bsc.langgraph4j.state.AgentState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of many small executions: batches of 10,000 executions of a 5-node workflow whose
 * nodes each write one key, through the engine and through raw LangGraph4j. Scores are executions
 * per second.
 *
 * <p><b>Engine:</b> a {@link WorkflowEngine} with its in-memory defaults (execution store,
 * checkpoint store, work queue, event transport) and 4 workers. The benchmark thread calls {@code
 * start} 10,000 times, each of which checks the input, checkpoints the start state, stores a QUEUED
 * record and queues a work item; the workers lease items, mark the record RUNNING, run the five
 * nodes with a checkpoint after each, publish the 12 events of each execution (started, 5 × node
 * started and completed, completed), store the COMPLETED record with its output, drop the
 * checkpoints and acknowledge the item. A batch ends when an {@link EngineObserver} has heard that
 * all 10,000 finished; it fails the benchmark unless every one of them ended COMPLETED with the
 * last node's key in its output. No event subscriber is attached. A fresh engine serves each
 * iteration; within one, its stores keep finished records and event logs up to their retention
 * bounds (100,000 records, 10,000 logs), as they would in a running application, so the garbage
 * collector's work of keeping them is part of what is measured.
 *
 * <p><b>Raw LangGraph4j:</b> the same graph on LangGraph4j 1.8.17 with its default serializer and a
 * {@link MemorySaver} ({@code releaseThread(true)}, so each thread's checkpoints are dropped when
 * its run ends), invoked with a unique thread id per execution on a fixed pool of 4 threads; the
 * benchmark thread submits the 10,000 invocations and waits for all of them. It has no queue,
 * records or events: it is the floor the engine's extra work is measured against.
 *
 * <p>Both sides get the same number of threads running workflows and the same submitting thread;
 * the engine's {@code start} does more on that thread (a JSON checkpoint and a record) than a task
 * submission does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(2)
public class EngineThroughputBenchmark {

  static final int EXECUTIONS = 10_000;
  static final int THREADS = 4;
  static final int NODES = 5;
  static final String WORKFLOW = "five-steps";
  static final String LAST_KEY = "k" + (NODES - 1);
  static final long BATCH_TIMEOUT_SECONDS = 120;

  /** An engine with in-memory defaults and 4 workers, new for each iteration. */
  @State(Scope.Benchmark)
  public static class Engine {
    WorkflowEngine engine;
    final AtomicReference<Batch> batch = new AtomicReference<>();

    @Setup(Level.Iteration)
    public void start() {
      engine =
          WorkflowEngine.builder()
              .workers(THREADS)
              .observer(
                  new EngineObserver() {
                    @Override
                    public void executionFinished(ExecutionRecord record) {
                      batch.get().finished(record);
                    }
                  })
              .build();
      engine.register(buildWorkflow());
    }

    @TearDown(Level.Iteration)
    public void stop() {
      engine.close();
    }
  }

  /** A compiled raw LangGraph4j graph and a pool of 4 threads. */
  @State(Scope.Benchmark)
  public static class Raw {
    CompiledGraph<AgentState> graph;
    ExecutorService pool;

    @Setup(Level.Trial)
    public void start() throws GraphStateException {
      graph = buildRawGraph();
      pool =
          Executors.newFixedThreadPool(
              THREADS,
              task -> {
                Thread thread = new Thread(task, "raw-langgraph4j");
                thread.setDaemon(true);
                return thread;
              });
    }

    @TearDown(Level.Trial)
    public void stop() {
      pool.shutdownNow();
    }
  }

  /** Counts the executions of one batch as they finish. */
  static final class Batch {
    final CountDownLatch done = new CountDownLatch(EXECUTIONS);
    final AtomicInteger completed = new AtomicInteger();
    final AtomicReference<String> problem = new AtomicReference<>();

    void finished(ExecutionRecord record) {
      if (record.status() == ExecutionStatus.COMPLETED && record.output().containsKey(LAST_KEY)) {
        completed.incrementAndGet();
      } else {
        problem.compareAndSet(null, record.executionId() + " ended " + record.status());
      }
      done.countDown();
    }

    void await() throws InterruptedException {
      if (!done.await(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "only " + (EXECUTIONS - done.getCount()) + " executions finished in time");
      }
      if (completed.get() != EXECUTIONS) {
        throw new IllegalStateException(
            completed.get() + " of " + EXECUTIONS + " completed; first problem: " + problem.get());
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(EXECUTIONS)
  public int engine(Engine state) throws InterruptedException {
    Batch batch = new Batch();
    state.batch.set(batch);
    StartRequest request = StartRequest.of(WORKFLOW, Map.of()).user("bench");
    for (int i = 0; i < EXECUTIONS; i++) {
      state.engine.start(request);
    }
    batch.await();
    return batch.completed.get();
  }

  @Benchmark
  @OperationsPerInvocation(EXECUTIONS)
  public int rawLangGraph4j(Raw state) throws InterruptedException {
    Batch batch = new Batch();
    for (int i = 0; i < EXECUTIONS; i++) {
      state.pool.execute(
          () -> {
            try {
              RunnableConfig config =
                  RunnableConfig.builder().threadId(UUID.randomUUID().toString()).build();
              AgentState result = state.graph.invoke(Map.of(), config).orElseThrow();
              if (result.value(LAST_KEY).isPresent()) {
                batch.completed.incrementAndGet();
              } else {
                batch.problem.compareAndSet(null, "a run ended without " + LAST_KEY);
              }
            } catch (RuntimeException e) {
              batch.problem.compareAndSet(null, e.toString());
            } finally {
              batch.done.countDown();
            }
          });
    }
    batch.await();
    return batch.completed.get();
  }

  static Workflow buildWorkflow() {
    WorkflowBuilder builder = Workflow.builder(WORKFLOW).start("n0");
    for (int i = 0; i < NODES; i++) {
      String key = "k" + i;
      Integer value = i;
      builder.node("n" + i, state -> Map.of(key, value));
      builder.edge("n" + i, i + 1 < NODES ? "n" + (i + 1) : Workflow.END);
    }
    return builder.build();
  }

  static CompiledGraph<AgentState> buildRawGraph() throws GraphStateException {
    StateGraph<AgentState> graph = new StateGraph<>(AgentState::new);
    for (int i = 0; i < NODES; i++) {
      String key = "k" + i;
      Integer value = i;
      graph.addNode("n" + i, node_async(state -> Map.of(key, value)));
      graph.addEdge("n" + i, i + 1 < NODES ? "n" + (i + 1) : StateGraph.END);
    }
    graph.addEdge(StateGraph.START, "n0");
    return graph.compile(
        CompileConfig.builder().checkpointSaver(new MemorySaver()).releaseThread(true).build());
  }
}
