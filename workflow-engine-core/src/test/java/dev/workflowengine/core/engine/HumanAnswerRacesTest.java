package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A human step's answer racing something else that acts on the same execution. */
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
}
