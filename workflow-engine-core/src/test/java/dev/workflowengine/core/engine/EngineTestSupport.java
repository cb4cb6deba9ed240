package dev.workflowengine.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionPage;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.api.spi.WorkItem;
import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;

/** Collects events from a publisher until it completes. */
final class EngineTestSupport {

  /** How long a test waits for something that takes milliseconds when all is well. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private EngineTestSupport() {}

  static final class Collector implements Flow.Subscriber<WorkflowEvent> {
    final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(WorkflowEvent item) {
      events.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
      done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    List<WorkflowEvent> awaitCompletion(Duration timeout) throws Exception {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return events;
    }

    List<String> types() {
      return events.stream().map(WorkflowEvent::type).toList();
    }
  }

  static List<WorkflowEvent> allEvents(Flow.Publisher<WorkflowEvent> publisher) throws Exception {
    Collector collector = new Collector();
    publisher.subscribe(collector);
    return collector.awaitCompletion(PATIENCE);
  }

  /** Asserts sequences 1..n without gaps and exactly one terminal event, the last. */
  static void assertCompleteStream(List<WorkflowEvent> events) {
    assertThat(events)
        .extracting(WorkflowEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    assertThat(events).filteredOn(WorkflowEvent::isTerminal).hasSize(1);
    assertThat(events.get(events.size() - 1).isTerminal()).isTrue();
  }

  /**
   * The engine's metrics once they count this many finished executions. An execution's record shows
   * it finished a moment before the metrics count it (they hear of it right after), so a test that
   * awaited a handle reads the metrics through this.
   */
  static EngineMetrics metricsOnceFinished(WorkflowEngine engine, long executions) {
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> {
              EngineMetrics now = engine.metrics();
              return now.completed() + now.failed() + now.cancelled() >= executions;
            });
    return engine.metrics();
  }

  /** Waits for a latch, failing the test instead of hanging if it never opens. */
  static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
        .as("latch opened in time (count left: %d)", latch.getCount())
        .isTrue();
  }

  /** A queue that tells someone each time it hands an item to a worker. */
  static final class SignallingQueue extends ForwardingWorkQueue {
    private final Consumer<Lease> leased;

    SignallingQueue(WorkQueue delegate, CountDownLatch leased) {
      this(delegate, lease -> leased.countDown());
    }

    SignallingQueue(WorkQueue delegate, Consumer<Lease> leased) {
      super(delegate);
      this.leased = leased;
    }

    @Override
    public Optional<Lease> poll(String workerId, Duration leaseDuration, Duration maxWait)
        throws InterruptedException {
      Optional<Lease> lease = delegate.poll(workerId, leaseDuration, maxWait);
      lease.ifPresent(leased);
      return lease;
    }
  }

  /** A work queue that forwards every call; tests override a call to step in. */
  static class ForwardingWorkQueue implements WorkQueue {
    final WorkQueue delegate;

    ForwardingWorkQueue(WorkQueue delegate) {
      this.delegate = delegate;
    }

    @Override
    public void submit(WorkItem item) {
      delegate.submit(item);
    }

    @Override
    public Optional<Lease> poll(String workerId, Duration leaseDuration, Duration maxWait)
        throws InterruptedException {
      return delegate.poll(workerId, leaseDuration, maxWait);
    }

    @Override
    public Optional<Lease> extend(Lease lease, Duration leaseDuration) {
      return delegate.extend(lease, leaseDuration);
    }

    @Override
    public boolean ack(Lease lease) {
      return delegate.ack(lease);
    }

    @Override
    public boolean nack(Lease lease, Duration delay) {
      return delegate.nack(lease, delay);
    }

    @Override
    public int depth() {
      return delegate.depth();
    }
  }

  /** An execution store that forwards every call; tests override a call to step in. */
  static class ForwardingExecutionStore implements ExecutionStore {
    final ExecutionStore delegate;

    ForwardingExecutionStore(ExecutionStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void insert(ExecutionRecord record) {
      delegate.insert(record);
    }

    @Override
    public Optional<ExecutionRecord> find(String executionId) {
      return delegate.find(executionId);
    }

    @Override
    public boolean update(ExecutionRecord record, long expectedRevision) {
      return delegate.update(record, expectedRevision);
    }

    @Override
    public ExecutionPage query(String userId, ExecutionQuery query) {
      return delegate.query(userId, query);
    }

    @Override
    public List<ExecutionRecord> findWaitingPast(Instant now, int limit) {
      return delegate.findWaitingPast(now, limit);
    }
  }

  /** A clock that stands still until a test moves it. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(at -> at.plus(duration));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test clock stays in UTC");
    }
  }

  /** The in-memory stores, queue and transport, shared by engines as processes share a database. */
  record Shared(
      InMemoryExecutionStore executions,
      InMemoryCheckpointStore checkpoints,
      InMemoryWorkQueue queue,
      InMemoryEventTransport events) {

    Shared() {
      this(
          new InMemoryExecutionStore(),
          new InMemoryCheckpointStore(),
          new InMemoryWorkQueue(),
          new InMemoryEventTransport());
    }

    WorkflowEngineBuilder engine() {
      return WorkflowEngine.builder()
          .executionStore(executions)
          .checkpointStore(checkpoints)
          .workQueue(queue)
          .eventTransport(events);
    }
  }
}
