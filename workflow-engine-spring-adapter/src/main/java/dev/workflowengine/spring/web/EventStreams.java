package dev.workflowengine.spring.web;

import dev.workflowengine.api.event.WorkflowEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pipes an execution's events into SSE emitters: the event's wire name as the SSE event name, its
 * sequence as the id (so a browser's reconnect sends it back as Last-Event-ID), its JSON as the
 * data, and a comment line every heartbeat interval. One scheduler thread beats for every stream,
 * so it never waits for a stream's write: a stream that is writing an event needs no heartbeat, and
 * a write that a client which stopped reading blocks would stall every other stream's heartbeats.
 */
final class EventStreams implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

  private final Duration heartbeat;
  private final Duration timeout;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(daemon("workflow-engine-sse-heartbeat"));
  // Events are written here, not on the event transport's delivery threads: a client that stops
  // reading blocks its socket write, and must not hold a thread that delivers every execution's
  // events. Each stream writes one event at a time, so a stalled client holds at most one thread.
  private final ExecutorService writers =
      Executors.newCachedThreadPool(daemon("workflow-engine-sse-writer"));

  EventStreams(Duration heartbeat, Duration timeout) {
    this.heartbeat = heartbeat;
    this.timeout = timeout;
  }

  /**
   * An emitter that receives the publisher's events until the execution ends or the client goes.
   */
  SseEmitter open(String executionId, Flow.Publisher<WorkflowEvent> events) {
    return open(new StreamEmitter(timeout.toMillis()), executionId, events);
  }

  SseEmitter open(StreamEmitter emitter, String executionId, Flow.Publisher<WorkflowEvent> events) {
    Pipe pipe = new Pipe(emitter, executionId, new SerialWrites(writers));
    emitter.onCompletion(pipe::stop);
    emitter.onTimeout(pipe::finish);
    emitter.onError(error -> pipe.stop());
    // Scheduled before anything can stop the pipe, so that stopping always cancels it.
    pipe.beat =
        scheduler.scheduleAtFixedRate(
            pipe::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    pipe.send(SseEmitter.event().comment("events of execution " + executionId));
    events.subscribe(pipe);
    return emitter;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    writers.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Runs one stream's writes in order, one at a time, on the shared writer threads. */
  private static final class SerialWrites implements Executor {
    private final Executor threads;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    SerialWrites(Executor threads) {
      this.threads = threads;
    }

    @Override
    public void execute(Runnable write) {
      pending.add(write);
      drainSoon();
    }

    private void drainSoon() {
      if (draining.compareAndSet(false, true)) {
        try {
          threads.execute(this::drain);
        } catch (RejectedExecutionException closing) {
          draining.set(false); // the application is stopping: nothing more is written
        }
      }
    }

    private void drain() {
      try {
        for (Runnable write = pending.poll(); write != null; write = pending.poll()) {
          try {
            write.run();
          } catch (RuntimeException e) {
            log.warn("Writing to an event stream failed; the stream goes on", e);
          }
        }
      } finally {
        draining.set(false);
        if (!pending.isEmpty()) {
          drainSoon();
        }
      }
    }
  }

  /** An emitter that can skip a write rather than wait for another thread's. */
  static class StreamEmitter extends SseEmitter {

    StreamEmitter(long timeoutMillis) {
      super(timeoutMillis);
    }

    /**
     * Sends the event unless another thread is writing to this emitter.
     *
     * @return false if it skipped the event
     */
    boolean sendUnlessBusy(SseEventBuilder event) throws IOException {
      if (!writeLock.tryLock()) {
        return false;
      }
      try {
        send(event);
        return true;
      } finally {
        writeLock.unlock();
      }
    }
  }

  /** One stream: requests one event at a time, so a slow client slows only its own delivery. */
  private static final class Pipe implements Flow.Subscriber<WorkflowEvent> {
    private final StreamEmitter emitter;
    private final String executionId;
    private final Executor writes;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Flow.Subscription subscription;
    private volatile ScheduledFuture<?> beat;

    Pipe(StreamEmitter emitter, String executionId, Executor writes) {
      this.emitter = emitter;
      this.executionId = executionId;
      this.writes = writes;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (stopped.get()) {
        subscription.cancel();
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onNext(WorkflowEvent event) {
      writes.execute(() -> deliver(event));
    }

    private void deliver(WorkflowEvent event) {
      boolean sent =
          send(
              SseEmitter.event()
                  .id(Long.toString(event.sequence()))
                  .name(event.type())
                  .data(WireJson.write(event), MediaType.APPLICATION_JSON));
      if (event.isTerminal()) {
        finish();
      } else if (sent) {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable error) {
      // An overflow or a transport failure: the client reconnects with Last-Event-ID.
      log.debug("Event stream of execution {} ended: {}", executionId, error.toString());
      writes.execute(this::finish); // after the events already queued for writing
    }

    @Override
    public void onComplete() {
      writes.execute(this::finish);
    }

    /** A heartbeat, unless an event is being written: that keeps the connection busy already. */
    void beat() {
      write(SseEmitter.event().comment("heartbeat"), true);
    }

    boolean send(SseEmitter.SseEventBuilder event) {
      return write(event, false);
    }

    private boolean write(SseEmitter.SseEventBuilder event, boolean unlessBusy) {
      if (stopped.get()) {
        return false;
      }
      try {
        if (unlessBusy) {
          emitter.sendUnlessBusy(event);
        } else {
          emitter.send(event);
        }
        return true;
      } catch (IOException | IllegalStateException e) {
        // The client went away or the emitter already completed: nothing left to write to.
        stop();
        return false;
      }
    }

    void finish() {
      if (!stopped.get()) {
        stop();
        emitter.complete();
      }
    }

    void stop() {
      if (stopped.compareAndSet(false, true)) {
        Flow.Subscription events = subscription;
        if (events != null) {
          events.cancel();
        }
        ScheduledFuture<?> heartbeats = beat;
        if (heartbeats != null) {
          heartbeats.cancel(false);
        }
      }
    }
  }
}
