package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.workflowengine.api.AccessDeniedException;
import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may see and control what, and what the engine refuses to start. */
class OwnershipAndInputTest {

  private final WorkflowEngine engine = WorkflowEngine.builder().workers(2).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static Workflow approval() {
    return Workflow.builder("approval")
        .node("draft", state -> Map.of("draft", "text"))
        .human("approve", HumanStep.builder().requireInput("approved", Boolean.class).build())
        .start("draft")
        .edge("draft", "approve")
        .edge("approve", Workflow.END)
        .build();
  }

  private static String denial(String executionId, String userId) {
    return "execution '"
        + executionId
        + "' is not available to user '"
        + userId
        + "'; check the execution id and the user it was started for";
  }

  @Test
  void anotherUserIsDeniedEveryCallWithTheMessageANonexistentExecutionGets() {
    engine.register(approval());
    ExecutionHandle handle = engine.start(StartRequest.of("approval", Map.of()).user("alice"));
    String id = handle.executionId();
    ExecutionRecord waiting = handle.await(PATIENCE);
    assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
    Map<String, BiConsumer<String, String>> calls = new HashMap<>();
    calls.put("status", engine::status);
    calls.put("handle", engine::handle);
    calls.put("events", (execution, user) -> engine.events(execution, user, 0));
    calls.put("cancel", engine::cancel);
    calls.put(
        "resume", (execution, user) -> engine.resume(execution, user, Map.of("approved", true)));

    calls.forEach(
        (name, call) -> {
          Throwable theirs = catchThrowable(() -> call.accept(id, "mallory"));
          Throwable missing = catchThrowable(() -> call.accept("no-such-execution", "mallory"));
          assertThat(theirs).as(name).isExactlyInstanceOf(AccessDeniedException.class);
          assertThat(missing).as(name).isExactlyInstanceOf(AccessDeniedException.class);
          assertThat(theirs).as(name).hasMessage(denial(id, "mallory"));
          assertThat(missing).as(name).hasMessage(denial("no-such-execution", "mallory"));
        });

    assertThat(engine.status(id, "alice")).isEqualTo(waiting); // nothing was cancelled or resumed
    assertThat(engine.history("mallory", ExecutionQuery.recent(10)).executions()).isEmpty();
    assertThat(engine.history("alice", ExecutionQuery.recent(10)).executions())
        .extracting(ExecutionRecord::executionId)
        .containsExactly(id);
  }

  @Test
  void invalidUserIdsAreRefusedBeforeAnythingHappens() {
    engine.register(approval());
    for (String bad : List.of("", " bad", "a b", "-lead", "x".repeat(129), "tab\t", "ü")) {
      assertThatThrownBy(() -> engine.start(StartRequest.of("approval", Map.of()).user(bad)))
          .as("'%s'", bad)
          .isInstanceOf(WorkflowValidationException.class)
          .hasMessageContaining("is not a valid user id");
      assertThatThrownBy(() -> engine.status("any", bad))
          .isInstanceOf(WorkflowValidationException.class);
      assertThatThrownBy(() -> engine.history(bad, ExecutionQuery.recent(1)))
          .isInstanceOf(WorkflowValidationException.class);
      assertThatThrownBy(() -> engine.definitions(bad, 0, 10))
          .isInstanceOf(WorkflowValidationException.class);
    }
    for (String good : List.of("a", "user@example.com", "tenant:42", "x".repeat(128))) {
      ExecutionHandle handle = engine.start(StartRequest.of("approval", Map.of()).user(good));
      assertThat(handle.await(PATIENCE).userId()).isEqualTo(good);
    }
    assertThat(engine.metrics().started()).isEqualTo(4);
  }

  @Test
  void unknownWorkflowsAndBadInputAreRefusedAndNothingIsCreated() {
    engine.register(
        Workflow.builder("greeting")
            .node("greet", state -> Map.of("greeting", "Hello, " + state.getString("name")))
            .start("greet")
            .edge("greet", Workflow.END)
            .requireInput("name")
            .build());

    assertThatThrownBy(() -> engine.start(StartRequest.of("nope", Map.of()).user("u1")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no workflow 'nope'");
    assertThatThrownBy(
            () ->
                engine.start(
                    StartRequest.of("greeting", Map.of("name", "x")).version(2).user("u1")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no workflow 'greeting' version 2");
    assertThatThrownBy(() -> engine.start(StartRequest.of("greeting", Map.of()).user("u1")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("input.name")
        .hasMessageContaining("is required by workflow 'greeting'");
    assertThat(engine.history("u1", ExecutionQuery.recent(10)).executions()).isEmpty();
    assertThat(engine.metrics().queueDepth()).isZero();
  }

  private static Workflow versioned(int version) {
    return Workflow.builder("versioned")
        .version(version)
        .node("say", state -> Map.of("said", "v" + version))
        .start("say")
        .edge("say", Workflow.END)
        .build();
  }

  /** A pinned version that was not registered used to start the latest registered one. */
  @Test
  void aPinnedVersionRunsExactlyThatVersionOrIsNotFound() {
    engine.register(versioned(1));
    engine.register(versioned(2));

    ExecutionHandle first =
        engine.start(StartRequest.of("versioned", Map.of()).version(1).user("u1"));
    ExecutionHandle latest = engine.start(StartRequest.of("versioned", Map.of()).user("u1"));
    assertThat(first.await(PATIENCE).output()).containsEntry("said", "v1");
    assertThat(latest.await(PATIENCE).output()).containsEntry("said", "v2");
    assertThat(latest.status().workflowVersion()).isEqualTo(2);
    assertThatThrownBy(
            () -> engine.start(StartRequest.of("versioned", Map.of()).version(3).user("u1")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no workflow 'versioned' version 3");
    assertThat(engine.history("u1", ExecutionQuery.recent(10)).executions()).hasSize(2);
  }
}
