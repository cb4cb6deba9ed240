package dev.workflowengine.core.engine;

import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.api.spi.EventTransport;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.api.spi.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the parts of one engine share: the stores, the queue, the transport, the settings, the
 * executions its workers are running now, and whether it is shutting down or was killed.
 */
final class EngineCore {

  final ExecutionStore executions;
  final CheckpointStore checkpoints;
  final WorkQueue queue;
  final EventTransport events;
  final Registry registry;
  final Clock clock;
  final EngineObserver observer;
  final Map<String, WorkflowLimits> limits;
  final Duration leaseDuration;
  final Duration pollTimeout;
  final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> concurrency = new ConcurrentHashMap<>();

  /** Set by {@code close()}: runs pause at their next node and workers stop polling. */
  volatile boolean closing;

  /** Set by {@code shutdownNow()}: like a crash, nothing more is written or acknowledged. */
  volatile boolean killed;

  EngineCore(
      ExecutionStore executions,
      CheckpointStore checkpoints,
      WorkQueue queue,
      EventTransport events,
      Registry registry,
      Clock clock,
      EngineObserver observer,
      Map<String, WorkflowLimits> limits,
      Duration leaseDuration,
      Duration pollTimeout) {
    this.executions = executions;
    this.checkpoints = new Fenced(checkpoints);
    this.queue = queue;
    this.events = events;
    this.registry = registry;
    this.clock = clock;
    this.observer = observer;
    this.limits = Map.copyOf(limits);
    this.leaseDuration = leaseDuration;
    this.pollTimeout = pollTimeout;
  }

  WorkflowLimits limits(String workflowId) {
    return limits.getOrDefault(workflowId, WorkflowLimits.NONE);
  }

  /** The permits for the workflow's concurrency limit, or null if it has none. */
  Semaphore concurrency(String workflowId) {
    int limit = limits(workflowId).concurrency();
    return limit == 0 ? null : concurrency.computeIfAbsent(workflowId, id -> new Semaphore(limit));
  }

  /** An execution one of this engine's workers is running. */
  static final class Running {
    private final Thread thread;
    final AtomicReference<Lease> lease;
    final AtomicBoolean cancel = new AtomicBoolean();
    final AtomicBoolean leaseLost = new AtomicBoolean();

    private boolean ended; // guarded by this

    Running(Thread thread, Lease lease) {
      this.thread = thread;
      this.lease = new AtomicReference<>(lease);
    }

    /**
     * Interrupts the run's node unless the run has ended: by then its worker thread may be running
     * another execution, which the interrupt must not reach.
     */
    synchronized void interrupt() {
      if (!ended) {
        thread.interrupt();
      }
    }

    /** Called by the run's own thread when it ends, before it clears its interrupt flag. */
    synchronized void end() {
      ended = true;
    }
  }

  /** Refuses checkpoint writes once the engine was killed, as a dead process would. */
  private final class Fenced implements CheckpointStore {
    private final CheckpointStore delegate;

    Fenced(CheckpointStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void append(dev.workflowengine.api.spi.Checkpoint checkpoint) {
      if (killed) {
        throw new EngineKilledException();
      }
      delegate.append(checkpoint);
    }

    @Override
    public java.util.List<dev.workflowengine.api.spi.Checkpoint> load(String executionId) {
      return delegate.load(executionId);
    }

    @Override
    public void delete(String executionId) {
      if (!killed) {
        delegate.delete(executionId);
      }
    }
  }

  /** Unwinds a worker of a killed engine without letting it write anything more. */
  static final class EngineKilledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EngineKilledException() {
      super("the engine was shut down abruptly", null, false, false);
    }
  }
}
