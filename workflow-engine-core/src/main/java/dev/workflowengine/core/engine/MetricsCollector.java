package dev.workflowengine.core.engine;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Counts what the engine does, for {@link EngineMetrics}. Counters are adders, so observing costs a
 * few nanoseconds; the p95 comes from the most recent {@value #WINDOW} execution durations.
 */
final class MetricsCollector implements EngineObserver {

  static final int WINDOW = 1024;

  private final LongAdder started = new LongAdder();
  private final Map<ExecutionStatus, LongAdder> finished = new ConcurrentHashMap<>();
  private final LongAdder totalNanos = new LongAdder();
  private final long[] recent = new long[WINDOW];
  private final AtomicLong recorded = new AtomicLong();
  private final Map<String, NodeCounters> nodes = new ConcurrentHashMap<>();

  @Override
  public void executionStarted(ExecutionRecord record) {
    started.increment();
  }

  @Override
  public void executionFinished(ExecutionRecord record) {
    finished.computeIfAbsent(record.status(), status -> new LongAdder()).increment();
    record
        .duration()
        .ifPresent(
            duration -> {
              long nanos = duration.toNanos();
              totalNanos.add(nanos);
              long slot = recorded.getAndIncrement();
              synchronized (recent) {
                recent[(int) (slot % WINDOW)] = nanos;
              }
            });
  }

  @Override
  public void nodeCompleted(String workflowId, String nodeId, Duration duration) {
    counters(workflowId, nodeId).completed(duration.toNanos());
  }

  @Override
  public void nodeFailed(String workflowId, String nodeId, Throwable error, boolean willRetry) {
    counters(workflowId, nodeId).failures.increment();
  }

  private NodeCounters counters(String workflowId, String nodeId) {
    return nodes.computeIfAbsent(workflowId + "/" + nodeId, key -> new NodeCounters());
  }

  EngineMetrics snapshot(IntSupplier queueDepth, int running) {
    long timed = recorded.get();
    Duration average = timed == 0 ? Duration.ZERO : Duration.ofNanos(totalNanos.sum() / timed);
    Map<String, EngineMetrics.NodeMetrics> perNode = new LinkedHashMap<>();
    nodes.forEach((key, counters) -> perNode.put(key, counters.snapshot()));
    return new EngineMetrics(
        started.sum(),
        count(ExecutionStatus.COMPLETED),
        count(ExecutionStatus.FAILED),
        count(ExecutionStatus.CANCELLED),
        average,
        p95(),
        queueDepth.getAsInt(),
        running,
        perNode);
  }

  private long count(ExecutionStatus status) {
    LongAdder adder = finished.get(status);
    return adder == null ? 0 : adder.sum();
  }

  private Duration p95() {
    long[] window;
    synchronized (recent) {
      int size = (int) Math.min(recorded.get(), WINDOW);
      window = Arrays.copyOf(recent, size);
    }
    if (window.length == 0) {
      return Duration.ZERO;
    }
    Arrays.sort(window);
    return Duration.ofNanos(window[(int) Math.ceil(window.length * 0.95) - 1]);
  }

  private static final class NodeCounters {
    private final LongAdder completed = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    void completed(long durationNanos) {
      completed.increment();
      nanos.add(durationNanos);
      max.accumulate(durationNanos);
    }

    EngineMetrics.NodeMetrics snapshot() {
      long count = completed.sum();
      return new EngineMetrics.NodeMetrics(
          count,
          failures.sum(),
          Duration.ofNanos(count == 0 ? 0 : nanos.sum() / count),
          Duration.ofNanos(max.get()));
    }
  }
}
