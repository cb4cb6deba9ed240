package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A human step's answer racing something else that acts on the same execution: the timeout sweep,
 * or its owner cancelling it.
 */
class HumanAnswerRacesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private final EngineTestSupport.MutableClock clock = new EngineTestSupport.MutableClock(T0);

  /** Holds the first sweep that finds an expired wait until the test lets it go on. */
  private static final class HeldSweeps extends EngineTestSupport.ForwardingExecutionStore {
    final CountDownLatch found = new CountDownLatch(1);
    final CountDownLatch go = new CountDownLatch(1);
    final CountDownLatch nextSweep = new CountDownLatch(1);
    private final AtomicInteger sweepsSinceFound = new AtomicInteger(-1);

    HeldSweeps() {
      super(new InMemoryExecutionStore());
    }

    @Override
    public List<ExecutionRecord> findWaitingPast(Instant now, int limit) {
      List<ExecutionRecord> expired = delegate.findWaitingPast(now, limit);
      if (!expired.isEmpty() && sweepsSinceFound.compareAndSet(-1, 0)) {
        found.countDown();
        try {
          EngineTestSupport.await(go);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else if (sweepsSinceFound.get() >= 0 && sweepsSinceFound.incrementAndGet() == 1) {
        nextSweep.countDown(); // the held sweep has done all it was going to do
      }
      return expired;
    }
  }

  /**
   * A sweep that found a wait expired, but acted only after a person's answer had moved the
   * execution on, used to fail the running execution with a timeout.
   */
  @Test
  void aTimeoutSweepDoesNotFailAnExecutionThatWasAnsweredMeanwhile() throws Exception {
    HeldSweeps sweeps = new HeldSweeps();
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch send = new CountDownLatch(1);
    try (WorkflowEngine engine =
        WorkflowEngine.builder()
            .executionStore(sweeps)
            .clock(clock)
            .waitSweepInterval(Duration.ofMillis(10))
            .workers(2)
            .build()) {
      engine.register(
          Workflow.builder("approval")
              .human(
                  "approve",
                  HumanStep.builder()
                      .requireInput("approved", Boolean.class)
                      .timeout(Duration.ofMinutes(30))
                      .build())
              .node(
                  "send",
                  state -> {
                    sending.countDown();
                    EngineTestSupport.await(send);
                    return Map.of("sent", true);
                  })
              .start("approve")
              .edge("approve", "send")
              .edge("send", Workflow.END)
              .build());
      ExecutionHandle handle = engine.start(StartRequest.of("approval", Map.of()).user("u1"));
      assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.WAITING);

      clock.advance(Duration.ofMinutes(31));
      EngineTestSupport.await(sweeps.found); // a sweep saw the expired wait, and is held
      engine.resume(handle.executionId(), "u1", Map.of("approved", true));
      EngineTestSupport.await(sending); // a worker runs the rest
      sweeps.go.countDown();
      EngineTestSupport.await(sweeps.nextSweep);
      send.countDown();

      List<WorkflowEvent> events = allEvents(handle.events());
      assertThat(handle.status().status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(handle.status().output()).containsEntry("sent", true);
      assertCompleteStream(events);
      assertThat(events).extracting(WorkflowEvent::type).doesNotContain("workflow_failed");
    }
  }

  /** Holds the next checkpoint write, once armed, until the test lets it go on. */
  private static final class HeldCheckpoint implements CheckpointStore {
    final InMemoryCheckpointStore delegate = new InMemoryCheckpointStore();
    final CountDownLatch written = new CountDownLatch(1);
    final CountDownLatch go = new CountDownLatch(1);
    volatile boolean armed;

    @Override
    public void append(Checkpoint checkpoint) {
      delegate.append(checkpoint);
      if (armed) {
        armed = false;
        written.countDown();
        try {
          EngineTestSupport.await(go);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public List<Checkpoint> load(String executionId) {
      return delegate.load(executionId);
    }

    @Override
    public void delete(String executionId) {
      delegate.delete(executionId);
    }
  }

  /**
   * A cancel that came while an answer was being recorded used to find the record QUEUED and cancel
   * it at once, publishing its end between the answer's events: the answer then failed with an
   * IllegalStateException from the event transport.
   */
  @Test
  void aCancelWhileAnAnswerIsRecordedEndsTheExecutionAfterTheAnswer() throws Exception {
    HeldCheckpoint checkpoints = new HeldCheckpoint();
    AtomicInteger sent = new AtomicInteger();
    try (WorkflowEngine engine =
        WorkflowEngine.builder().checkpointStore(checkpoints).workers(2).build()) {
      engine.register(
          Workflow.builder("approval")
              .human("approve", HumanStep.builder().requireInput("approved", Boolean.class).build())
              .node("send", state -> Map.of("sent", sent.incrementAndGet()))
              .start("approve")
              .edge("approve", "send")
              .edge("send", Workflow.END)
              .build());
      ExecutionHandle handle = engine.start(StartRequest.of("approval", Map.of()).user("u1"));
      assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.WAITING);

      checkpoints.armed = true;
      CompletableFuture<ExecutionHandle> answer =
          CompletableFuture.supplyAsync(
              () -> engine.resume(handle.executionId(), "u1", Map.of("approved", true)));
      EngineTestSupport.await(checkpoints.written); // the answer is checkpointed, not announced
      assertThat(handle.cancel()).isTrue();
      checkpoints.go.countDown();

      assertThat(answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).executionId())
          .isEqualTo(handle.executionId());
      List<WorkflowEvent> events = allEvents(handle.events());
      assertCompleteStream(events);
      assertThat(events)
          .extracting(WorkflowEvent::type)
          .containsExactly(
              "workflow_started",
              "workflow_waiting",
              "workflow_resumed",
              "node_started",
              "node_completed",
              "workflow_cancelled");
      assertThat(handle.status().status()).isEqualTo(ExecutionStatus.CANCELLED);
      assertThat(sent.get()).isZero();
    }
  }

  /**
   * A cancel that comes while an answer is being checked leaves the ending to that answer: if the
   * answer is refused, it must end the execution, or the execution stays running for ever.
   */
  @Test
  void aCancelWhileARefusedAnswerIsCheckedStillEndsTheExecution() throws Exception {
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    Thread[] answering = new Thread[1];
    EngineTestSupport.ForwardingExecutionStore store =
        new EngineTestSupport.ForwardingExecutionStore(new InMemoryExecutionStore()) {
          @Override
          public boolean update(ExecutionRecord record, long expectedRevision) {
            boolean updated = delegate.update(record, expectedRevision);
            if (updated && Thread.currentThread() == answering[0]) {
              answering[0] = null;
              claimed.countDown();
              try {
                EngineTestSupport.await(goOn);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return updated;
          }
        };
    try (WorkflowEngine engine = WorkflowEngine.builder().executionStore(store).build()) {
      engine.register(
          Workflow.builder("approval")
              .human("approve", HumanStep.builder().requireInput("approved", Boolean.class).build())
              .start("approve")
              .edge("approve", Workflow.END)
              .build());
      ExecutionHandle handle = engine.start(StartRequest.of("approval", Map.of()).user("u1"));
      assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.WAITING);

      CompletableFuture<Void> answer =
          CompletableFuture.runAsync(
              () -> {
                answering[0] = Thread.currentThread();
                engine.resume(handle.executionId(), "u1", Map.of("approved", "perhaps"));
              });
      EngineTestSupport.await(claimed);
      assertThat(handle.cancel()).isTrue();
      goOn.countDown();

      assertThatThrownBy(() -> answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
          .hasCauseInstanceOf(WorkflowValidationException.class);
      List<WorkflowEvent> events = allEvents(handle.events());
      assertCompleteStream(events);
      assertThat(events)
          .extracting(WorkflowEvent::type)
          .containsExactly("workflow_started", "workflow_waiting", "workflow_cancelled");
      assertThat(handle.status().status()).isEqualTo(ExecutionStatus.CANCELLED);
    }
  }
}
