package dev.workflowengine.core.memory;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.spi.EventTransport;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded {@link EventTransport}: each execution's events in an append-only log in memory,
 * delivered to subscribers in this process. Lost when the process ends; use NATS JetStream or a
 * database-backed transport to share events between processes.
 *
 * <pre>{@code
 * EventTransport events = InMemoryEventTransport.builder().bufferSize(256).build();
 * events.subscribe("e1", 0).subscribe(subscriber);   // replay from the start, then live
 * events.publish(new WorkflowStarted("e1", "triage", 1, Instant.now(), 1, "u1"));
 * long last = events.lastSequence("e1");             // 1
 * }</pre>
 *
 * <p><b>Publishing</b> appends to the execution's log. A sequence already published is ignored; a
 * gap (a sequence beyond the last one plus one), a sequence below 1, or an event after the
 * execution's terminal event is a programming error and throws. Publishing never waits for a
 * subscriber: it costs each live subscription a few field reads and at most one task handed to the
 * executor.
 *
 * <p><b>Subscribing</b> returns a publisher that can be subscribed to once; a second subscriber
 * gets {@code onError(IllegalStateException)}. The subscription's starting point is fixed when
 * {@code Publisher.subscribe} is called; from then on it delivers every later event, replay then
 * live, exactly once, in order, and {@code onComplete} after the terminal event (at once, without
 * demand, if the terminal event is at or before {@code afterSequence}). An execution with no events
 * yet is waited for. Every signal, {@code onSubscribe} included, is delivered on the executor, one
 * at a time per subscription; give an executor that runs tasks on other threads, never on the
 * caller's.
 *
 * <p><b>Slow subscribers:</b> each subscription may fall at most {@link #bufferSize()} events
 * behind the events published after it began; one more, and it receives {@code onError} with a
 * {@link dev.workflowengine.api.SubscriberOverflowException} and ends. History that was already
 * published when it began is read from the log at the subscriber's own pace and never overflows.
 * The exception's {@code lastDeliveredSequence} is the last sequence delivered, or {@code
 * afterSequence} when nothing was delivered, so resubscribing from it neither repeats nor skips an
 * event.
 *
 * <p><b>Retention:</b> keeps the logs of at most {@link #maxFinished()} executions that have
 * published a terminal event, forgetting the one that finished first when another finishes. Logs of
 * unfinished executions are never evicted. A subscription to a forgotten execution waits like one
 * to an execution that has not started; subscriptions already reading its log finish reading it.
 *
 * <p>Thread-safe. Publishing to different executions never contends; subscribers read the log
 * without locking, so a thousand subscribers of one execution share one copy of its events.
 */
public final class InMemoryEventTransport implements EventTransport {

  /** How many events a subscriber may fall behind unless told otherwise. */
  public static final int DEFAULT_BUFFER_SIZE = 1024;

  /** How many finished executions' logs are kept unless told otherwise. */
  public static final int DEFAULT_MAX_FINISHED = 10_000;

  private final int bufferSize;
  private final int maxFinished;
  private final Executor executor;
  private final ConcurrentMap<String, EventLog> logs = new ConcurrentHashMap<>();
  private final ArrayDeque<EventLog> finishedLogs = new ArrayDeque<>(); // guarded by itself

  /** Creates a transport with the default buffer size, retention and executor. */
  public InMemoryEventTransport() {
    this(builder());
  }

  private InMemoryEventTransport(Builder builder) {
    this.bufferSize = builder.bufferSize;
    this.maxFinished = builder.maxFinished;
    this.executor = builder.executor == null ? DeliveryPool.get() : builder.executor;
  }

  /**
   * A builder with the defaults: a buffer of {@value #DEFAULT_BUFFER_SIZE} events, the logs of
   * {@value #DEFAULT_MAX_FINISHED} finished executions, and a shared pool of daemon threads.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the sequence is below 1 or leaves a gap after the last one
   * @throws IllegalStateException if the execution's terminal event was published already
   */
  @Override
  public void publish(WorkflowEvent event) {
    requireNonNull(event, "event");
    long sequence = event.sequence();
    if (sequence < 1) {
      throw new IllegalArgumentException(
          "event sequences start at 1 but execution '"
              + event.executionId()
              + "' published "
              + sequence);
    }
    while (true) {
      EventLog log = logs.computeIfAbsent(event.executionId(), id -> new EventLog(id, logs));
      synchronized (log) {
        if (log.orphaned()) {
          continue; // dropped while unused; look it up again
        }
        long last = log.lastSequence();
        if (sequence <= last) {
          return; // a worker repeating itself after recovery
        }
        if (sequence > last + 1) {
          throw new IllegalArgumentException(
              "execution '"
                  + event.executionId()
                  + "' published sequence "
                  + sequence
                  + " but its last sequence is "
                  + last
                  + "; publish "
                  + (last + 1)
                  + " next, without gaps");
        }
        if (log.finished()) {
          throw new IllegalStateException(
              "execution '"
                  + event.executionId()
                  + "' ended with sequence "
                  + last
                  + "; nothing may be published after a terminal event");
        }
        log.append(event);
      }
      if (event.isTerminal()) {
        retire(log);
      }
      return;
    }
  }

  private void retire(EventLog log) {
    synchronized (finishedLogs) {
      finishedLogs.addLast(log);
      while (finishedLogs.size() > maxFinished) {
        EventLog oldest = finishedLogs.removeFirst();
        logs.remove(oldest.executionId, oldest);
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code afterSequence} is negative
   */
  @Override
  public Flow.Publisher<WorkflowEvent> subscribe(String executionId, long afterSequence) {
    requireNonNull(executionId, "executionId");
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must be >= 0 but was " + afterSequence);
    }
    AtomicBoolean used = new AtomicBoolean();
    return subscriber -> {
      requireNonNull(subscriber, "subscriber");
      if (used.getAndSet(true)) {
        subscriber.onSubscribe(Cancelled.INSTANCE);
        subscriber.onError(
            new IllegalStateException(
                "this publisher of execution '"
                    + executionId
                    + "' was subscribed to already; call subscribe(executionId, afterSequence)"
                    + " again for another subscriber"));
        return;
      }
      attach(executionId, afterSequence, subscriber).signal();
    };
  }

  private EventSubscription attach(
      String executionId, long afterSequence, Flow.Subscriber<? super WorkflowEvent> subscriber) {
    while (true) {
      EventLog log = logs.computeIfAbsent(executionId, id -> new EventLog(id, logs));
      synchronized (log) {
        if (!log.orphaned()) {
          // Under the log's monitor, so no event is published between fixing the starting point
          // and registering for live events.
          EventSubscription subscription =
              new EventSubscription(log, subscriber, afterSequence, executor, bufferSize);
          log.attach(subscription);
          return subscription;
        }
      }
    }
  }

  @Override
  public long lastSequence(String executionId) {
    EventLog log = logs.get(requireNonNull(executionId, "executionId"));
    return log == null ? 0 : log.lastSequence();
  }

  /**
   * How many executions' logs are held, finished or not, including executions that only have
   * subscribers so far.
   *
   * @return the number of logs
   */
  public int size() {
    return logs.size();
  }

  /**
   * How many subscriptions wait for an execution's live events; those that ended or that only read
   * a finished log are not counted.
   *
   * @param executionId the execution
   * @return the number of live subscriptions
   */
  public int liveSubscriptions(String executionId) {
    EventLog log = logs.get(requireNonNull(executionId, "executionId"));
    return log == null ? 0 : log.liveSubscriptions();
  }

  /**
   * How many events a subscriber may fall behind before it is dropped.
   *
   * @return the buffer size
   */
  public int bufferSize() {
    return bufferSize;
  }

  /**
   * The most finished executions whose logs are kept.
   *
   * @return the retention bound
   */
  public int maxFinished() {
    return maxFinished;
  }

  /** The subscription given to a rejected second subscriber: nothing to request or cancel. */
  private enum Cancelled implements Flow.Subscription {
    INSTANCE;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }

  /** Builds an {@link InMemoryEventTransport}. Not thread-safe. */
  public static final class Builder {
    private int bufferSize = DEFAULT_BUFFER_SIZE;
    private int maxFinished = DEFAULT_MAX_FINISHED;
    private Executor executor;

    private Builder() {}

    /**
     * How many events a subscriber may fall behind before it receives a {@link
     * dev.workflowengine.api.SubscriberOverflowException}.
     *
     * @param events at least 1; default {@value InMemoryEventTransport#DEFAULT_BUFFER_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if {@code events} is below 1
     */
    public Builder bufferSize(int events) {
      if (events < 1) {
        throw new IllegalArgumentException("bufferSize must be >= 1 but was " + events);
      }
      this.bufferSize = events;
      return this;
    }

    /**
     * How many finished executions' logs to keep.
     *
     * @param executions at least 1; default {@value InMemoryEventTransport#DEFAULT_MAX_FINISHED}
     * @return this builder
     * @throws IllegalArgumentException if {@code executions} is below 1
     */
    public Builder maxFinished(int executions) {
      if (executions < 1) {
        throw new IllegalArgumentException("maxFinished must be >= 1 but was " + executions);
      }
      this.maxFinished = executions;
      return this;
    }

    /**
     * Where subscribers' signals run. It must run each task on a thread other than the caller's; if
     * subscribers block in {@code onNext}, give it enough threads for them.
     *
     * @param executor the executor; default a shared pool of daemon threads, one per processor and
     *     at least four
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the transport.
     *
     * @return a new transport with no events
     */
    public InMemoryEventTransport build() {
      return new InMemoryEventTransport(this);
    }
  }
}
