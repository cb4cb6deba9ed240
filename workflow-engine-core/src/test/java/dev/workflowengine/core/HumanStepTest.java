package dev.workflowengine.core;

import static dev.workflowengine.core.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs that pause for a person and continue with their input. */
class HumanStepTest {

  private static final String END = Workflow.END;

  private final AtomicInteger sends = new AtomicInteger();

  /** draft, then approve (needs "approved" Boolean and "score" Integer), then send. */
  private Workflow approval() {
    return Workflow.builder("approval")
        .node("draft", s -> Map.of("draft", "Dear " + s.getString("to")))
        .human(
            "approve",
            HumanStep.builder()
                .prompt(s -> "Send this? " + s.getString("draft"))
                .requireInput("approved", Boolean.class)
                .requireInput("score", Integer.class)
                .build())
        .node(
            "send",
            s -> {
              sends.incrementAndGet();
              return Map.of("sent", s.getBoolean("approved"));
            })
        .start("draft")
        .edge("draft", "approve")
        .edge("approve", "send")
        .edge("send", END)
        .build();
  }

  @Test
  void pausesWithAPromptComputedFromTheState() {
    RunResult result = approval().invoke(Map.of("to", "Ada"));

    assertThat(result.status()).isEqualTo(RunResult.Status.WAITING);
    assertThat(result.path()).containsExactly("draft");
    assertThat(result.waiting())
        .contains(
            new RunResult.Waiting(
                "approve",
                "Send this? Dear Ada",
                Map.of("approved", Boolean.class, "score", Integer.class)));
    assertThat(result.position().nextNodeId()).contains("approve");
    assertThat(result.position().lastNodeId()).isEqualTo("draft");
    assertThat(sends).hasValue(0);
  }

  @Test
  void resumesWithTheInputMergedIntoTheState() {
    Workflow workflow = approval();
    RunResult waiting = workflow.invoke(Map.of("to", "Ada"));

    RunResult done = workflow.resume(waiting, Map.of("approved", true, "score", 4L, "note", "ok"));

    assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(done.runId()).isEqualTo(waiting.runId());
    assertThat(done.path()).containsExactly("approve", "send");
    assertThat(done.state().asMap())
        .isEqualTo(
            Map.of(
                "to",
                "Ada",
                "draft",
                "Dear Ada",
                "approved",
                true,
                "score",
                4,
                "note",
                "ok",
                "sent",
                true));
    assertThat(sends).hasValue(1);
  }

  @Test
  void refusesMissingWrongOrNullInputAndChangesNothing() {
    Workflow workflow = approval();
    RunResult waiting = workflow.invoke(Map.of("to", "Ada"));
    Map<String, Object> bad = new HashMap<>();
    bad.put("approved", "yes");
    bad.put("comment", null);

    assertThatThrownBy(() -> workflow.resume(waiting, bad))
        .isInstanceOfSatisfying(
            WorkflowValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        problem("input.comment", "is null; leave the key out instead"),
                        problem("input.approved", "must be a Boolean but is a String (\"yes\")"),
                        problem(
                            "input.score", "is required by human step 'approve' as an Integer")))
        .hasMessageStartingWith("the resume input of workflow 'approval' is invalid (3 problems)");
    assertThat(sends).hasValue(0);
    assertThat(waiting.state().asMap()).isEqualTo(Map.of("to", "Ada", "draft", "Dear Ada"));

    RunResult done = workflow.resume(waiting, Map.of("approved", false, "score", 1));

    assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(done.state().getBoolean("sent")).isFalse();
  }

  @Test
  void refusesToResumeAFinishedRun() {
    Workflow workflow = approval();
    RunResult done =
        workflow.resume(workflow.invoke(Map.of("to", "Ada")), Map.of("approved", true, "score", 1));

    assertThatThrownBy(() -> workflow.resume(done, Map.of("approved", true, "score", 1)))
        .isInstanceOfSatisfying(
            WorkflowValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        problem("$", "the run has finished; there is nothing to resume")));
    assertThat(sends).hasValue(1);
  }

  @Test
  void refusesInputForARunThatDoesNotWaitForAPerson() {
    Workflow workflow =
        Workflow.builder("w").node("a", s -> Map.of()).start("a").edge("a", END).build();
    RunPosition beforeA = new RunPosition(Map.of(), Workflow.START, Optional.of("a"), 0);

    assertThatThrownBy(() -> workflow.resume(beforeA, Map.of("x", 1), RunOptions.defaults()))
        .isInstanceOfSatisfying(
            WorkflowValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        problem(
                            "$",
                            "the run is not waiting for a person; continue it with empty"
                                + " input")));
  }

  @Test
  void aHumanStepMayComeFirst() {
    Workflow workflow =
        Workflow.builder("w")
            .human("ask", HumanStep.builder().requireInput("name", String.class).build())
            .node("greet", s -> Map.of("greeting", "Hi " + s.getString("name")))
            .start("ask")
            .edge("ask", "greet")
            .edge("greet", END)
            .build();

    RunResult waiting = workflow.invoke(Map.of());

    assertThat(waiting.status()).isEqualTo(RunResult.Status.WAITING);
    assertThat(waiting.path()).isEmpty();
    assertThat(waiting.waiting().orElseThrow().prompt()).isEqualTo("Please review and continue.");
    assertThat(waiting.position().lastNodeId()).isEqualTo(Workflow.START);
    RunResult done = workflow.resume(waiting, Map.of("name", "Ada"));
    assertThat(done.state().getString("greeting")).isEqualTo("Hi Ada");
    assertThat(done.path()).containsExactly("ask", "greet");
  }

  @Test
  void aLoopAsksAgainUntilSatisfied() {
    Workflow workflow =
        Workflow.builder("w")
            .human(
                "ask",
                HumanStep.builder().prompt("Number?").requireInput("n", Integer.class).build())
            .node("collect", s -> Map.of("all", s.getInt("n")))
            .start("ask")
            .edge("ask", "collect")
            .route("collect", s -> s.getInt("n") > 10 ? END : "ask", "ask", END)
            .reducer("all", Reducers.append())
            .build();

    RunResult first = workflow.invoke(Map.of());
    RunResult second = workflow.resume(first, Map.of("n", 3));
    RunResult third = workflow.resume(second, Map.of("n", 42));

    assertThat(second.status()).isEqualTo(RunResult.Status.WAITING);
    assertThat(second.path()).containsExactly("ask", "collect");
    assertThat(second.waiting().orElseThrow().nodeId()).isEqualTo("ask");
    assertThat(third.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(third.state().getList("all", Integer.class)).isEqualTo(List.of(3, 42));
  }

  @Test
  void aHumanStepMayJoinAFanOut() {
    Workflow workflow =
        Workflow.builder("w")
            .node("s", s -> Map.of())
            .node("a", s -> Map.of("a", 1))
            .node("b", s -> Map.of("b", 2))
            .human("check", HumanStep.builder().requireInput("ok", Boolean.class).build())
            .start("s")
            .edge("s", "a")
            .edge("s", "b")
            .edge("a", "check")
            .edge("b", "check")
            .edge("check", END)
            .build();

    RunResult waiting = workflow.invoke(Map.of());
    RunResult done = workflow.resume(waiting, Map.of("ok", true));

    assertThat(waiting.status()).isEqualTo(RunResult.Status.WAITING);
    assertThat(waiting.path()).containsExactly("s", "a", "b");
    assertThat(waiting.waiting().orElseThrow().nodeId()).isEqualTo("check");
    assertThat(done.path()).containsExactly("check");
    assertThat(done.state().asMap()).isEqualTo(Map.of("a", 1, "b", 2, "ok", true));
  }
}
