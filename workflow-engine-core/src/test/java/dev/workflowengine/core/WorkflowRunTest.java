package dev.workflowengine.core;

import static dev.workflowengine.core.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.WorkflowStateException;
import dev.workflowengine.api.WorkflowValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Plain runs: chains, the start, step limits and start input checks. */
class WorkflowRunTest {

  private static final String END = Workflow.END;

  @Test
  void runsAChainToTheEnd() {
    Workflow workflow =
        Workflow.builder("chain")
            .node("a", s -> Map.of("a", 1))
            .node("b", s -> Map.of("b", s.getInt("a") + 1))
            .start("a")
            .edge("a", "b")
            .edge("b", END)
            .build();

    RunResult result =
        workflow.invoke(Map.of("input", "x"), RunOptions.builder().runId("r1").build());

    assertThat(result.runId()).isEqualTo("r1");
    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.state().asMap()).isEqualTo(Map.of("input", "x", "a", 1, "b", 2));
    assertThat(result.path()).containsExactly("a", "b");
    assertThat(result.waiting()).isEmpty();
    assertThat(result.position())
        .isEqualTo(new RunPosition(Map.of("input", "x", "a", 1, "b", 2), "b", Optional.empty(), 2));
    assertThat(result.position().isFinished()).isTrue();
  }

  @Test
  void anEdgeFromStartIsTheSameAsStart() {
    Workflow viaEdge =
        Workflow.builder("w")
            .node("a", s -> Map.of("a", 1))
            .edge(Workflow.START, "a")
            .edge("a", END)
            .build();
    Workflow viaStart =
        Workflow.builder("w").node("a", s -> Map.of("a", 1)).start("a").edge("a", END).build();

    RunResult first = viaEdge.invoke(Map.of());
    RunResult second = viaStart.invoke(Map.of());

    assertThat(first.path()).containsExactly("a");
    assertThat(first.state()).isEqualTo(second.state());
    assertThat(viaEdge.toMermaid()).isEqualTo(viaStart.toMermaid());
  }

  @Test
  void laterUpdatesReplaceEarlierOnesWithoutReducer() {
    Workflow workflow =
        Workflow.builder("w")
            .node("a", s -> Map.of("k", "first", "untouched", true))
            .node("b", s -> Map.of("k", "second"))
            .start("a")
            .edge("a", "b")
            .edge("b", END)
            .build();

    assertThat(workflow.invoke(Map.of("k", "input")).state().asMap())
        .isEqualTo(Map.of("k", "second", "untouched", true));
  }

  @Test
  void loopsWithARouteUntilItChoosesTheEnd() {
    AtomicInteger calls = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("loop")
            .node(
                "inc",
                s -> {
                  calls.incrementAndGet();
                  return Map.of("n", s.getInt("n") + 1);
                })
            .start("inc")
            .route("inc", s -> s.getInt("n") < 3 ? "inc" : END, "inc", END)
            .build();

    RunResult result = workflow.invoke(Map.of("n", 0));

    assertThat(result.state().getInt("n")).isEqualTo(3);
    assertThat(result.path()).containsExactly("inc", "inc", "inc");
    assertThat(calls).hasValue(3);
  }

  /** Regression: maxSteps(n) ran n + 1 nodes. */
  @Test
  void failsALoopThatExceedsMaxSteps() {
    AtomicInteger calls = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("spin")
            .node(
                "inc",
                s -> {
                  calls.incrementAndGet();
                  return Map.of("n", s.getInt("n", 0) + 1);
                })
            .start("inc")
            .route("inc", s -> s.getInt("n") < 1000 ? "inc" : END, "inc", END)
            .maxSteps(5)
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of()))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class,
            e -> {
              assertThat(e.workflowId()).isEqualTo("spin");
              assertThat(e.nodeId()).contains("inc");
            })
        .hasMessage(
            "workflow 'spin' ran 5 steps without reaching the end, last at node 'inc'; if the"
                + " loop is intended raise maxSteps, otherwise check what leaves it");
    assertThat(calls).hasValue(5);
  }

  @Test
  void aRunOfExactlyMaxStepsCompletes() {
    Workflow workflow =
        Workflow.builder("w")
            .node("a", s -> Map.of("a", 1))
            .node("b", s -> Map.of("b", 2))
            .start("a")
            .edge("a", "b")
            .edge("b", END)
            .maxSteps(2)
            .build();

    assertThat(workflow.invoke(Map.of()).status()).isEqualTo(RunResult.Status.COMPLETED);
  }

  @Test
  void refusesStartInputWithoutRequiredKeysOrWithNulls() {
    AtomicInteger calls = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("intake")
            .node(
                "a",
                s -> {
                  calls.incrementAndGet();
                  return Map.of();
                })
            .start("a")
            .edge("a", END)
            .requireInput("ticket", "user")
            .build();
    Map<String, Object> input = new HashMap<>();
    input.put("user", "u1");
    input.put("extra", null);

    assertThatThrownBy(() -> workflow.invoke(input))
        .isInstanceOfSatisfying(
            WorkflowValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        problem("input.extra", "is null; leave the key out instead"),
                        problem("input.ticket", "is required by workflow 'intake'")))
        .hasMessageStartingWith("the start input of workflow 'intake' is invalid (2 problems)");
    assertThat(calls).hasValue(0);
    assertThat(workflow.invoke(Map.of("ticket", "t", "user", "u")).status())
        .isEqualTo(RunResult.Status.COMPLETED);
  }

  @Test
  void failsANodeThatReturnsNull() {
    Workflow workflow =
        Workflow.builder("w").node("a", s -> null).start("a").edge("a", END).build();

    assertThatThrownBy(() -> workflow.invoke(Map.of()))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessage(
            "node 'a' of workflow 'w' failed: node 'a' returned null; return Map.of() to change"
                + " nothing");
  }

  @Test
  void aMissingKeyFailsTheNodeWithTheStateMessage() {
    Workflow workflow =
        Workflow.builder("w")
            .node("a", s -> Map.of("x", s.getString("missing")))
            .start("a")
            .edge("a", END)
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of("present", 1)))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageStartingWith("node 'a' of workflow 'w' failed: state has no key 'missing'")
        .cause()
        .isInstanceOf(WorkflowStateException.class);
  }

  @Test
  void oneWorkflowServesConcurrentRuns() throws Exception {
    Workflow workflow =
        Workflow.builder("w")
            .node("double", s -> Map.of("out", s.getInt("in") * 2))
            .start("double")
            .edge("double", END)
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int in = i;
        results.add(pool.submit(() -> workflow.invoke(Map.of("in", in)).state().getInt("out")));
      }
      for (int i = 0; i < 40; i++) {
        assertThat(results.get(i).get()).isEqualTo(i * 2);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
