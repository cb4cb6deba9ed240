package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowTimeoutException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowFailed;
import dev.workflowengine.api.event.WorkflowResumed;
import dev.workflowengine.api.event.WorkflowWaiting;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Human steps in the engine: waiting, resuming, waits that time out, and refused answers. */
class HumanStepEngineTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private final EngineTestSupport.MutableClock clock = new EngineTestSupport.MutableClock(T0);
  private final InMemoryEventTransport transport = new InMemoryEventTransport();
  private final WorkflowEngine engine =
      WorkflowEngine.builder()
          .clock(clock)
          .eventTransport(transport)
          .waitSweepInterval(Duration.ofMillis(10))
          .workers(2)
          .build();

  @AfterEach
  void close() {
    engine.close();
  }

  /** Draft, a person approves or not, then send or escalate. */
  private static Workflow approval(HumanStep.Builder step) {
    return Workflow.builder("approval")
        .node("draft", state -> Map.of("draft", "Reply to " + state.getString("ticket")))
        .human(
            "approve",
            step.prompt(state -> "Send? " + state.getString("draft"))
                .requireInput("approved", Boolean.class)
                .build())
        .node("send", state -> Map.of("sent", true))
        .node("escalate", state -> Map.of("escalated", true))
        .start("draft")
        .edge("draft", "approve")
        .edge("approve", "send", state -> state.getBoolean("approved"))
        .edge("approve", "escalate")
        .edge("send", Workflow.END)
        .edge("escalate", Workflow.END)
        .build();
  }

  private ExecutionHandle startWaiting() {
    ExecutionHandle handle =
        engine.start(StartRequest.of("approval", Map.of("ticket", "#7")).user("u1"));
    assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.WAITING);
    return handle;
  }

  @Test
  void waitsWithItsPromptAndContinuesWithTheAnswerMerged() throws Exception {
    engine.register(approval(HumanStep.builder().timeout(Duration.ofHours(1))));
    ExecutionHandle handle = startWaiting();

    ExecutionRecord waiting = handle.status();
    assertThat(waiting.waitingUntil()).contains(T0.plus(Duration.ofHours(1)));
    engine.resume(handle.executionId(), "u1", Map.of("approved", true, "note", "fine"));
    List<WorkflowEvent> events = allEvents(handle.events());

    ExecutionRecord done = handle.status();
    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(done.output())
        .containsEntry("approved", true)
        .containsEntry("note", "fine")
        .containsEntry("sent", true)
        .doesNotContainKey("escalated");
    assertThat(done.waitingUntil()).isEmpty();
    assertCompleteStream(events);
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "node_started",
            "node_completed",
            "workflow_waiting",
            "workflow_resumed",
            "node_started",
            "node_completed",
            "node_started",
            "node_completed",
            "workflow_completed");
    WorkflowWaiting wait = (WorkflowWaiting) events.get(3);
    assertThat(wait.nodeId()).isEqualTo("approve");
    assertThat(wait.prompt()).isEqualTo("Send? Reply to #7");
    assertThat(wait.timeoutAt()).contains(T0.plus(Duration.ofHours(1)));
    WorkflowResumed resumed = (WorkflowResumed) events.get(4);
    assertThat(resumed.nodeId()).isEqualTo("approve");
    assertThat(resumed.input()).isEqualTo(Map.of("approved", true, "note", "fine"));
  }

  @Test
  void aWaitThatTimesOutFailsTheExecution() throws Exception {
    engine.register(approval(HumanStep.builder().timeout(Duration.ofMinutes(30))));
    ExecutionHandle handle = startWaiting();

    clock.advance(Duration.ofMinutes(31));
    List<WorkflowEvent> events = allEvents(handle.events());

    ExecutionRecord failed = handle.status();
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error().orElseThrow().type())
        .isEqualTo(WorkflowTimeoutException.class.getSimpleName());
    assertThat(failed.error().orElseThrow().nodeId()).contains("approve");
    assertThat(failed.error().orElseThrow().message())
        .contains("nobody answered human step 'approve'", "within PT30M");
    assertCompleteStream(events);
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "node_started",
            "node_completed",
            "workflow_waiting",
            "workflow_failed");
    WorkflowFailed end = (WorkflowFailed) events.get(4);
    assertThat(end.nodeId()).contains("approve");
    assertThat(end.errorType()).isEqualTo(WorkflowTimeoutException.class.getSimpleName());
    assertThatThrownBy(() -> engine.resume(handle.executionId(), "u1", Map.of("approved", true)))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("it is FAILED");
  }

  @Test
  void aWaitThatTimesOutWithAnAnswerContinuesAlongTheEdgeTheAnswerChooses() throws Exception {
    engine.register(
        approval(HumanStep.builder().timeout(Duration.ofMinutes(30), Map.of("approved", false))));
    ExecutionHandle handle = startWaiting();

    clock.advance(Duration.ofMinutes(31));
    List<WorkflowEvent> events = allEvents(handle.events());

    ExecutionRecord done = handle.status();
    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(done.output())
        .containsEntry("approved", false)
        .containsEntry("escalated", true)
        .doesNotContainKey("sent");
    assertCompleteStream(events);
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "node_started",
            "node_completed",
            "workflow_waiting",
            "workflow_resumed",
            "node_started",
            "node_completed",
            "node_started",
            "node_completed",
            "workflow_completed");
    assertThat(((WorkflowResumed) events.get(4)).input()).isEqualTo(Map.of("approved", false));
  }

  @Test
  void malformedAnswersAreRefusedAndTheExecutionKeepsWaiting() throws Exception {
    engine.register(approval(HumanStep.builder().timeout(Duration.ofHours(1))));
    ExecutionHandle handle = startWaiting();
    String id = handle.executionId();
    long sequence = transport.lastSequence(id);

    assertThatThrownBy(() -> engine.resume(id, "u1", Map.of("approved", "maybe")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("input.approved")
        .hasMessageContaining("must be a Boolean");
    assertThatThrownBy(() -> engine.resume(id, "u1", Map.of("note", "forgot the answer")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("input.approved")
        .hasMessageContaining("is required by human step 'approve'");

    ExecutionRecord still = handle.status();
    assertThat(still.status()).isEqualTo(ExecutionStatus.WAITING);
    assertThat(still.waitingUntil()).contains(T0.plus(Duration.ofHours(1)));
    assertThat(transport.lastSequence(id)).isEqualTo(sequence);
    engine.resume(id, "u1", Map.of("approved", true));
    List<WorkflowEvent> events = allEvents(handle.events());
    assertCompleteStream(events);
    assertThat(events).extracting(WorkflowEvent::type).containsOnlyOnce("workflow_resumed");
    assertThat(handle.status().output())
        .containsEntry("approved", true)
        .doesNotContainKey("note")
        .containsEntry("sent", true);
  }

  /** A refused answer used to drop the wait's deadline, so the wait never timed out. */
  @Test
  void aRefusedAnswerKeepsTheWaitsTimeout() throws Exception {
    engine.register(approval(HumanStep.builder().timeout(Duration.ofMinutes(30))));
    ExecutionHandle handle = startWaiting();
    assertThatThrownBy(() -> engine.resume(handle.executionId(), "u1", Map.of("approved", 3.5)))
        .isInstanceOf(WorkflowValidationException.class);

    clock.advance(Duration.ofMinutes(31));
    List<WorkflowEvent> events = allEvents(handle.events());

    assertThat(events.get(events.size() - 1)).isInstanceOf(WorkflowFailed.class);
    assertThat(handle.status().error().orElseThrow().type())
        .isEqualTo(WorkflowTimeoutException.class.getSimpleName());
  }

  /**
   * An execution whose first node is a human step used to wait unannounced: its workflow_started
   * came after the answer, or not at all.
   */
  @Test
  void aWorkflowThatStartsWithAHumanStepIsAnnouncedBeforeItWaits() throws Exception {
    engine.register(
        Workflow.builder("ask-first")
            .human("ask", HumanStep.builder().requireInput("topic", String.class).build())
            .node("write", state -> Map.of("text", "About " + state.getString("topic")))
            .start("ask")
            .edge("ask", "write")
            .edge("write", Workflow.END)
            .build());
    ExecutionHandle handle = engine.start(StartRequest.of("ask-first", Map.of()).user("u1"));

    ExecutionRecord waiting = handle.await(PATIENCE);
    assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
    assertThat(waiting.startedAt()).contains(T0);
    assertThat(engine.metrics().started()).isEqualTo(1);
    engine.resume(handle.executionId(), "u1", Map.of("topic", "owls"));
    List<WorkflowEvent> events = allEvents(handle.events());

    assertThat(handle.status().output()).containsEntry("text", "About owls");
    assertCompleteStream(events);
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "workflow_waiting",
            "workflow_resumed",
            "node_started",
            "node_completed",
            "node_started",
            "node_completed",
            "workflow_completed");
    EngineMetrics metrics = EngineTestSupport.metricsOnceFinished(engine, 1);
    assertThat(metrics.started()).isEqualTo(1);
    assertThat(metrics.completed()).isEqualTo(1);
  }

  @Test
  void resumingAnExecutionThatDoesNotWaitIsRefusedAndChangesNothing() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    engine.register(approval(HumanStep.builder()));
    engine.register(
        Workflow.builder("busy")
            .node(
                "work",
                state -> {
                  running.countDown();
                  EngineTestSupport.await(release);
                  return Map.of("worked", true);
                })
            .start("work")
            .edge("work", Workflow.END)
            .build());
    ExecutionHandle busy = engine.start(StartRequest.of("busy", Map.of()).user("u1"));
    EngineTestSupport.await(running);
    ExecutionRecord before = busy.status();

    assertThatThrownBy(() -> engine.resume(busy.executionId(), "u1", Map.of()))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("not waiting for a person; it is RUNNING");
    assertThat(busy.status()).isEqualTo(before);
    release.countDown();
    assertThat(busy.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);

    ExecutionRecord done = busy.status();
    assertThatThrownBy(() -> engine.resume(busy.executionId(), "u1", Map.of("approved", true)))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("not waiting for a person; it is COMPLETED");
    assertThat(busy.status()).isEqualTo(done);
    assertThat(allEvents(busy.events()))
        .extracting(WorkflowEvent::type)
        .doesNotContain("workflow_resumed");
  }
}
