package dev.workflowengine.benchmarks;

import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.NodeStarted;
import dev.workflowengine.api.event.WorkflowCompleted;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowStarted;
import dev.workflowengine.api.event.WorkflowWaiting;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import dev.workflowengine.core.engine.ExecutionHandle;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Live event fan-out with the in-memory transport: how long until every one of {@code subscribers}
 * subscribers (1 or 1,000) of one execution has received every event of it, in order, and its
 * completion. Scores are microseconds per execution; divide by {@code subscribers × events} for the
 * cost of one delivery.
 *
 * <ul>
 *   <li>{@code transport}: an {@link InMemoryEventTransport} with its default delivery pool. Before
 *       each measured call the subscribers subscribe to a new execution and have received {@code
 *       onSubscribe} (and asked for everything); the call publishes the execution's events, as a
 *       workflow of {@code nodes} nodes does (started, node started and completed for each node,
 *       completed: {@code 2 + 2 × nodes} events), and returns when all subscribers have seen {@code
 *       onComplete}. Publishing happens on the benchmark thread, delivery on the pool.
 *   <li>{@code engine}: the same through a {@link WorkflowEngine} with its in-memory defaults and 4
 *       workers. Before each measured call an execution runs up to a human step and waits there,
 *       and the subscribers subscribe through {@code engine.events(...)} and have received its
 *       events so far; the call resumes it and returns when all subscribers have received the rest
 *       ({@code workflow_resumed} onwards, {@code nodes} nodes after the human step) and its
 *       completion. This includes running the nodes on a worker, so compare it with its own
 *       one-subscriber score.
 * </ul>
 *
 * <p>Every subscriber checks that it received each sequence once, with no gap, and the benchmark
 * fails if any did not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class EventFanOutBenchmark {

  static final String WORKFLOW = "fan-out";
  static final String USER = "bench";
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Param({"1", "1000"})
  public int subscribers;

  @Param({"5", "50"})
  public int nodes;

  /** A transport shared by the calls of a trial; each call uses a new execution. */
  @State(Scope.Benchmark)
  public static class Transport {
    final InMemoryEventTransport transport = new InMemoryEventTransport();
    String executionId;
    List<Counting> subscribed;

    @Setup(Level.Invocation)
    public void subscribe(EventFanOutBenchmark benchmark) throws InterruptedException {
      executionId = UUID.randomUUID().toString();
      subscribed =
          Counting.subscribeAll(
              benchmark.subscribers, false, () -> transport.subscribe(executionId, 0));
    }
  }

  /** An engine shared by the calls of a trial; each call resumes a new waiting execution. */
  @State(Scope.Benchmark)
  public static class Engine {
    WorkflowEngine engine;
    String executionId;
    List<Counting> subscribed;

    @Setup(Level.Trial)
    public void start(EventFanOutBenchmark benchmark) {
      engine = WorkflowEngine.builder().workers(4).build();
      engine.register(gatedWorkflow(benchmark.nodes));
    }

    @Setup(Level.Invocation)
    public void waitAtGate(EventFanOutBenchmark benchmark) throws InterruptedException {
      ExecutionHandle handle = engine.start(StartRequest.of(WORKFLOW, Map.of()).user(USER));
      ExecutionRecord record = handle.await(TIMEOUT);
      if (record.status() != ExecutionStatus.WAITING) {
        throw new IllegalStateException("expected WAITING but was " + record.status());
      }
      executionId = handle.executionId();
      subscribed =
          Counting.subscribeAll(
              benchmark.subscribers, true, () -> engine.events(executionId, USER, 0));
    }

    @TearDown(Level.Trial)
    public void stop() {
      engine.close();
    }
  }

  @Benchmark
  public long transport(Transport state) throws InterruptedException {
    String id = state.executionId;
    long sequence = 0;
    Instant now = Instant.now();
    state.transport.publish(new WorkflowStarted(id, WORKFLOW, ++sequence, now, 1, USER));
    for (int i = 0; i < nodes; i++) {
      String node = "n" + i;
      state.transport.publish(new NodeStarted(id, WORKFLOW, ++sequence, now, node, 1));
      state.transport.publish(
          new NodeCompleted(id, WORKFLOW, ++sequence, now, node, 1, 0, Map.of(node, i), Map.of()));
    }
    state.transport.publish(
        new WorkflowCompleted(id, WORKFLOW, ++sequence, now, Map.of("done", true), 0));
    return Counting.awaitAll(state.subscribed, sequence);
  }

  @Benchmark
  public long engine(Engine state) throws InterruptedException {
    state.engine.resume(state.executionId, USER, Map.of("go", true));
    return Counting.awaitAll(state.subscribed, -1);
  }

  static Workflow gatedWorkflow(int nodes) {
    WorkflowBuilder builder =
        Workflow.builder(WORKFLOW)
            .node("before", state -> Map.of("before", true))
            .human(
                "gate",
                HumanStep.builder().prompt("Go on?").requireInput("go", Boolean.class).build())
            .start("before")
            .edge("before", "gate")
            .edge("gate", "n0");
    for (int i = 0; i < nodes; i++) {
      String key = "k" + i;
      Integer value = i;
      builder.node("n" + i, state -> Map.of(key, value));
      builder.edge("n" + i, i + 1 < nodes ? "n" + (i + 1) : Workflow.END);
    }
    return builder.build();
  }

  /** A subscriber that asks for everything and checks that sequences arrive once, in order. */
  static final class Counting implements Flow.Subscriber<WorkflowEvent> {
    final CountDownLatch ready;
    final CountDownLatch done;
    final AtomicReference<String> problem;
    // Ready once it has received workflow_waiting rather than once subscribed.
    final boolean readyWhenWaiting;
    // Touched by the subscription's serial signals only.
    long lastSequence;
    long received;

    Counting(
        CountDownLatch ready,
        CountDownLatch done,
        AtomicReference<String> problem,
        boolean readyWhenWaiting) {
      this.ready = ready;
      this.done = done;
      this.problem = problem;
      this.readyWhenWaiting = readyWhenWaiting;
    }

    /**
     * Subscribes {@code count} subscribers and returns once each has had {@code onSubscribe} or, if
     * {@code readyWhenWaiting}, the {@code workflow_waiting} event.
     */
    static List<Counting> subscribeAll(
        int count, boolean readyWhenWaiting, Supplier<Flow.Publisher<WorkflowEvent>> publisher)
        throws InterruptedException {
      CountDownLatch ready = new CountDownLatch(count);
      CountDownLatch done = new CountDownLatch(count);
      AtomicReference<String> problem = new AtomicReference<>();
      List<Counting> all = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Counting subscriber = new Counting(ready, done, problem, readyWhenWaiting);
        all.add(subscriber);
        publisher.get().subscribe(subscriber);
      }
      if (!ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("subscribers were not ready in time");
      }
      return all;
    }

    /**
     * Waits until every subscriber completed and checks what they received.
     *
     * @param expectedLast the sequence of the terminal event, or -1 to accept any
     * @return the number of events delivered
     */
    static long awaitAll(List<Counting> all, long expectedLast) throws InterruptedException {
      Counting first = all.get(0);
      if (!first.done.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(first.done.getCount() + " subscribers did not complete");
      }
      if (first.problem.get() != null) {
        throw new IllegalStateException(first.problem.get());
      }
      long last = expectedLast < 0 ? first.lastSequence : expectedLast;
      long delivered = 0;
      for (Counting subscriber : all) {
        if (subscriber.lastSequence != last) {
          throw new IllegalStateException(
              "a subscriber ended at sequence " + subscriber.lastSequence + ", not " + last);
        }
        delivered += subscriber.received;
      }
      return delivered;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
      if (!readyWhenWaiting) {
        ready.countDown();
      }
    }

    @Override
    public void onNext(WorkflowEvent event) {
      if (event.sequence() != lastSequence + 1) {
        problem.compareAndSet(
            null, "sequence " + event.sequence() + " arrived after " + lastSequence);
      }
      lastSequence = event.sequence();
      received++;
      if (readyWhenWaiting && event instanceof WorkflowWaiting) {
        ready.countDown();
      }
    }

    @Override
    public void onError(Throwable error) {
      problem.compareAndSet(null, "onError: " + error);
      ready.countDown();
      done.countDown();
    }

    @Override
    public void onComplete() {
      if (lastSequence == 0 || received != lastSequence) {
        problem.compareAndSet(null, "completed after " + received + " events, at " + lastSequence);
      }
      done.countDown();
    }
  }
}
