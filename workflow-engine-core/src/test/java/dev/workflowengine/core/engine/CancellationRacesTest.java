package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cancels that meet a run at an awkward moment: as it starts, as it ends, as it resumes. */
class CancellationRacesTest {

  /**
   * A cancel that lands after the worker marked the execution running but before it registered the
   * run locally used to reach no one: the run went on to complete.
   */
  @Test
  void aCancelRightAsTheRunStartsStopsIt() throws Exception {
    AtomicInteger cancelsAccepted = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    AtomicReference<WorkflowEngine> self = new AtomicReference<>();
    try (WorkflowEngine engine =
        WorkflowEngine.builder()
            .workers(1)
            .observer(
                new EngineObserver() {
                  @Override
                  public void executionStarted(ExecutionRecord record) {
                    // called after the record says RUNNING and before the first node
                    if (self.get().cancel(record.executionId(), "u1")) {
                      cancelsAccepted.incrementAndGet();
                    }
                  }
                })
            .build()) {
      self.set(engine);
      engine.register(
          Workflow.builder("two")
              .node("first", state -> Map.of("first", runs.incrementAndGet()))
              .node("second", state -> Map.of("second", runs.incrementAndGet()))
              .start("first")
              .edge("first", "second")
              .edge("second", Workflow.END)
              .build());

      ExecutionHandle handle = engine.start(StartRequest.of("two", Map.of()).user("u1"));
      List<WorkflowEvent> events = allEvents(handle.events());

      assertThat(cancelsAccepted.get()).isEqualTo(1);
      assertThat(handle.status().status()).isEqualTo(ExecutionStatus.CANCELLED);
      assertThat(events)
          .extracting(WorkflowEvent::type)
          .containsExactly("workflow_started", "workflow_cancelled");
      assertThat(runs.get()).isZero();
    }
  }

  /**
   * Holds the housekeeping thread once it reads a cancel request (as another engine records it) for
   * a run of this engine, until the test lets it act on it.
   */
  private static final class HeldCancelNotice extends EngineTestSupport.ForwardingExecutionStore {
    final CountDownLatch noticed = new CountDownLatch(1);
    final CountDownLatch act = new CountDownLatch(1);
    final CountDownLatch actedOn = new CountDownLatch(1);
    private final AtomicInteger readsSinceNoticed = new AtomicInteger(-1);

    HeldCancelNotice(ExecutionStore store) {
      super(store);
    }

    @Override
    public Optional<ExecutionRecord> find(String executionId) {
      Optional<ExecutionRecord> record = delegate.find(executionId);
      if (!Thread.currentThread().getName().equals("workflow-engine-housekeeping")) {
        return record;
      }
      if (record.map(ExecutionRecord::cancelRequested).orElse(false)
          && readsSinceNoticed.compareAndSet(-1, 0)) {
        noticed.countDown();
        try {
          EngineTestSupport.await(act);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else if (readsSinceNoticed.get() >= 0 && readsSinceNoticed.incrementAndGet() == 1) {
        actedOn.countDown(); // the next renewal round: the held one has done what it would
      }
      return record;
    }
  }

  /**
   * A cancel noticed for a run that ended meanwhile interrupted whatever its worker thread ran
   * next: the next execution's node failed with an InterruptedException.
   */
  @Test
  void aLateCancelNoticeDoesNotInterruptTheNextExecutionOnTheSameWorker() throws Exception {
    InMemoryExecutionStore records = new InMemoryExecutionStore();
    HeldCancelNotice store = new HeldCancelNotice(records);
    try (WorkflowEngine engine =
        WorkflowEngine.builder()
            .executionStore(store)
            .leaseDuration(Duration.ofMillis(300))
            .workers(1)
            .build()) {
      lateNotice(engine, records, store);
    }
  }

  private static void lateNotice(
      WorkflowEngine engine, InMemoryExecutionStore records, HeldCancelNotice store)
      throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch finishFirst = new CountDownLatch(1);
    CountDownLatch secondRunning = new CountDownLatch(1);
    CountDownLatch finishSecond = new CountDownLatch(1);
    engine.register(
        Workflow.builder("pair")
            .node(
                "work",
                state -> {
                  boolean first = state.getBoolean("first");
                  (first ? firstRunning : secondRunning).countDown();
                  EngineTestSupport.await(first ? finishFirst : finishSecond);
                  return Map.of("done", true);
                })
            .start("work")
            .edge("work", Workflow.END)
            .build());
    ExecutionHandle first = engine.start(StartRequest.of("pair", Map.of("first", true)).user("u1"));
    EngineTestSupport.await(firstRunning);
    ExecutionHandle second =
        engine.start(StartRequest.of("pair", Map.of("first", false)).user("u1"));
    // another engine sharing the store asks to cancel the first: only the record says so
    Records.update(
        records, first.executionId(), record -> record.withCancelRequested(Instant.now()));
    EngineTestSupport.await(store.noticed);

    finishFirst.countDown(); // the first run ends before the notice is acted on
    EngineTestSupport.await(secondRunning);
    store.act.countDown();
    EngineTestSupport.await(store.actedOn);
    finishSecond.countDown();

    assertThat(first.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
    ExecutionRecord next = second.await(PATIENCE);
    assertThat(next.status()).as("%s", next).isEqualTo(ExecutionStatus.COMPLETED);
  }

  /**
   * A cancel that came while a worker was taking over a paused execution (its record RUNNING, no
   * run anywhere) made the worker's "mark it running" step refuse, and the worker only acknowledged
   * the item: nobody ended the execution, which stayed RUNNING for ever.
   */
  @Test
  void aCancelWhileAnotherEngineTakesOverAPausedExecutionEndsIt() throws Exception {
    EngineTestSupport.Shared shared = new EngineTestSupport.Shared();
    CountDownLatch inFirst = new CountDownLatch(1);
    CountDownLatch finishFirst = new CountDownLatch(1);
    AtomicInteger laterRuns = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("two")
            .node(
                "first",
                state -> {
                  inFirst.countDown();
                  EngineTestSupport.await(finishFirst);
                  return Map.of("first", true);
                })
            .node("second", state -> Map.of("second", laterRuns.incrementAndGet()))
            .start("first")
            .edge("first", "second")
            .edge("second", Workflow.END)
            .build();
    WorkflowEngine engineA = shared.engine().workers(1).build();
    engineA.register(workflow);
    String id = engineA.start(StartRequest.of("two", Map.of()).user("u1")).executionId();
    EngineTestSupport.await(inFirst);
    Thread closer = new Thread(engineA::close);
    closer.start(); // A stops after "first", leaving the execution RUNNING and back in the queue
    await().atMost(PATIENCE).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
    finishFirst.countDown();
    closer.join(PATIENCE.toMillis());

    CountDownLatch takingOver = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    AtomicInteger workerWrites = new AtomicInteger();
    EngineTestSupport.ForwardingExecutionStore store =
        new EngineTestSupport.ForwardingExecutionStore(shared.executions()) {
          @Override
          public boolean update(ExecutionRecord record, long expectedRevision) {
            // a worker's first write is the one marking it running, decided on what it read
            if (Thread.currentThread().getName().contains("-worker-")
                && workerWrites.incrementAndGet() == 1) {
              takingOver.countDown();
              try {
                EngineTestSupport.await(cancelled);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return delegate.update(record, expectedRevision);
          }
        };
    try (WorkflowEngine engineB = shared.engine().executionStore(store).workers(1).build()) {
      engineB.register(workflow);
      EngineTestSupport.await(takingOver);
      assertThat(engineB.cancel(id, "u1")).isTrue(); // it is RUNNING: the request is recorded
      cancelled.countDown();

      List<WorkflowEvent> events = allEvents(engineB.events(id, "u1", 0));
      assertCompleteStream(events);
      assertThat(events.get(events.size() - 1).type()).isEqualTo("workflow_cancelled");
      assertThat(engineB.status(id, "u1").status()).isEqualTo(ExecutionStatus.CANCELLED);
      assertThat(laterRuns.get()).isZero();
    }
  }

  /**
   * A worker that took the work item of a queued execution cancelled a moment before found the
   * record CANCELLED but no end in the stream yet, and published one; the canceller's own end then
   * came second and failed as a publish after the terminal event. The worker now leaves a fresh end
   * to whoever recorded it.
   */
  @Test
  void aWorkerLeavesTheEndOfAJustCancelledQueuedExecutionToTheCanceller() throws Exception {
    AtomicReference<String> queuedId = new AtomicReference<>("");
    CountDownLatch workerDecided = new CountDownLatch(1);
    CountDownLatch cancellerMayPublish = new CountDownLatch(1);
    EngineObserver heldCanceller =
        new EngineObserver() {
          @Override
          public void executionFinished(ExecutionRecord record) {
            // called by the canceller between recording CANCELLED and publishing the end
            if (record.executionId().equals(queuedId.get())) {
              awaitQuietly(cancellerMayPublish);
            }
          }
        };
    WorkQueue decisions =
        new EngineTestSupport.ForwardingWorkQueue(new InMemoryWorkQueue()) {
          @Override
          public boolean ack(Lease lease) {
            signalIfQueued(lease);
            return delegate.ack(lease);
          }

          @Override
          public boolean nack(Lease lease, Duration delay) {
            signalIfQueued(lease);
            return delegate.nack(lease, delay);
          }

          private void signalIfQueued(Lease lease) {
            if (lease.item().executionId().equals(queuedId.get())) {
              workerDecided.countDown();
            }
          }
        };
    CountDownLatch busyRunning = new CountDownLatch(1);
    CountDownLatch busyMayEnd = new CountDownLatch(1);
    try (WorkflowEngine engine =
        WorkflowEngine.builder().workers(1).observer(heldCanceller).workQueue(decisions).build()) {
      engine.register(
          Workflow.builder("one")
              .node(
                  "only",
                  state -> {
                    if (state.getBoolean("busy", false)) {
                      busyRunning.countDown();
                      EngineTestSupport.await(busyMayEnd);
                    }
                    return Map.of("done", true);
                  })
              .start("only")
              .edge("only", Workflow.END)
              .build());
      ExecutionHandle busy = engine.start(StartRequest.of("one", Map.of("busy", true)).user("u1"));
      EngineTestSupport.await(busyRunning); // the only worker is taken
      ExecutionHandle queued = engine.start(StartRequest.of("one", Map.of()).user("u1"));
      queuedId.set(queued.executionId());

      CompletableFuture<Boolean> cancel = CompletableFuture.supplyAsync(queued::cancel);
      await().atMost(PATIENCE).until(() -> queued.status().status() == ExecutionStatus.CANCELLED);
      busyMayEnd.countDown(); // the worker now takes the queued execution's item
      EngineTestSupport.await(workerDecided);
      cancellerMayPublish.countDown();

      assertThat(cancel.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      assertThat(busy.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(allEvents(queued.events()))
          .extracting(WorkflowEvent::type, WorkflowEvent::sequence)
          .containsExactly(tuple("workflow_cancelled", 1L));
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      EngineTestSupport.await(latch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
