package dev.workflowengine.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.AccessDeniedException;
import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowWaiting;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowEngineTest {

  private final WorkflowEngine engine = WorkflowEngine.builder().workers(2).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static Workflow greeting() {
    return Workflow.builder("greeting")
        .node("greet", state -> Map.of("greeting", "Hello, " + state.getString("name")))
        .node("shout", state -> Map.of("loud", state.getString("greeting").toUpperCase()))
        .start("greet")
        .edge("greet", "shout")
        .edge("shout", Workflow.END)
        .requireInput("name")
        .build();
  }

  private static Workflow approval() {
    return Workflow.builder("approval")
        .node("draft", state -> Map.of("draft", "Reply to " + state.getString("ticket")))
        .human(
            "approve",
            HumanStep.builder()
                .prompt(state -> "Send? " + state.getString("draft"))
                .requireInput("approved", Boolean.class)
                .build())
        .node("send", state -> Map.of("sent", true))
        .start("draft")
        .edge("draft", "approve")
        .edge("approve", "send", state -> state.getBoolean("approved"))
        .edge("approve", Workflow.END)
        .edge("send", Workflow.END)
        .build();
  }

  @Test
  void runsAnExecutionAndPublishesEveryTransitionInSequence() throws Exception {
    engine.register(greeting());

    ExecutionHandle handle =
        engine.start(StartRequest.of("greeting", Map.of("name", "Ada")).user("u1"));
    ExecutionRecord record = handle.await(Duration.ofSeconds(10));

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.output()).containsEntry("loud", "HELLO, ADA");
    List<WorkflowEvent> events = EngineTestSupport.allEvents(handle.events());
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "node_started",
            "node_completed",
            "node_started",
            "node_completed",
            "workflow_completed");
    assertThat(events).extracting(WorkflowEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(((NodeCompleted) events.get(2)).update()).containsEntry("greeting", "Hello, Ada");
  }

  @Test
  void waitsAtAHumanStepAndContinuesWhenResumed() throws Exception {
    engine.register(approval());
    ExecutionHandle handle =
        engine.start(StartRequest.of("approval", Map.of("ticket", "#7")).user("u1"));

    ExecutionRecord waiting = handle.await(Duration.ofSeconds(10));
    assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
    assertThatThrownBy(() -> engine.resume(handle.executionId(), "u1", Map.of("approved", "yes")))
        .isInstanceOf(WorkflowValidationException.class);
    assertThat(engine.status(handle.executionId(), "u1").status())
        .isEqualTo(ExecutionStatus.WAITING);

    engine.resume(handle.executionId(), "u1", Map.of("approved", true));
    ExecutionRecord done = handle.await(Duration.ofSeconds(10));

    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(done.output()).containsEntry("sent", true);
    List<WorkflowEvent> events = EngineTestSupport.allEvents(handle.events());
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
    assertThat(((WorkflowWaiting) events.get(3)).prompt()).isEqualTo("Send? Reply to #7");
    assertThat(events)
        .extracting(WorkflowEvent::sequence)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
  }

  /** A resume may race the worker announcing the wait; no event may be lost to that race. */
  @Test
  void resumingRightAfterTheWaitIsRecordedNeverLosesAnEvent() throws Exception {
    engine.register(approval());
    for (int i = 0; i < 200; i++) {
      ExecutionHandle handle =
          engine.start(StartRequest.of("approval", Map.of("ticket", "#" + i)).user("u1"));
      assertThat(handle.await(Duration.ofSeconds(10)).status()).isEqualTo(ExecutionStatus.WAITING);
      engine.resume(handle.executionId(), "u1", Map.of("approved", true));
      assertThat(handle.await(Duration.ofSeconds(10)).status())
          .isEqualTo(ExecutionStatus.COMPLETED);

      List<WorkflowEvent> events = EngineTestSupport.allEvents(handle.events());
      assertThat(events).extracting(WorkflowEvent::type).contains("workflow_resumed").hasSize(10);
    }
  }

  @Test
  void anotherUserIsDeniedWithoutLearningWhetherTheExecutionExists() {
    engine.register(greeting());
    ExecutionHandle handle =
        engine.start(StartRequest.of("greeting", Map.of("name", "Ada")).user("u1"));

    assertThatThrownBy(() -> engine.status(handle.executionId(), "u2"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(
            "execution '"
                + handle.executionId()
                + "' is not available to user 'u2'; check the"
                + " execution id and the user it was started for");
    assertThatThrownBy(() -> engine.status("no-such-execution", "u2"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(
            "execution 'no-such-execution' is not available to user 'u2'; check the execution id"
                + " and the user it was started for");
  }

  @Test
  void badStartsAreRefusedWithTypedExceptions() {
    engine.register(greeting());

    assertThatThrownBy(() -> engine.start(StartRequest.of("nope", Map.of()).user("u1")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.start(StartRequest.of("greeting", Map.of()).user("u1")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("input.name");
    assertThatThrownBy(
            () -> engine.start(StartRequest.of("greeting", Map.of("name", "x")).user(" bad")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("not a valid user id");
  }
}
