package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowExecutionException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditional edges and routes: which node comes next, and what happens when none fits. */
class ConditionalRoutingTest {

  private static final String END = Workflow.END;

  private static NodeAction mark(String key) {
    return s -> Map.of("went", key);
  }

  /** classify, then high (score > 5), mid (score > 2), or the fallback low. */
  private static WorkflowBuilder triage() {
    return Workflow.builder("triage")
        .node("classify", s -> Map.of())
        .node("high", mark("high"))
        .node("mid", mark("mid"))
        .node("low", mark("low"))
        .start("classify")
        .edge("classify", "high", s -> s.getInt("score") > 5)
        .edge("classify", "low")
        .edge("classify", "mid", s -> s.getInt("score") > 2)
        .edge("high", END)
        .edge("mid", END)
        .edge("low", END);
  }

  @ParameterizedTest
  @CsvSource({"9, high", "5, mid", "3, mid", "2, low", "0, low"})
  void triesConditionsInDeclarationOrderAndFallsBack(int score, String expected) {
    RunResult result = triage().build().invoke(Map.of("score", score));

    assertThat(result.state().getString("went")).isEqualTo(expected);
    assertThat(result.path()).containsExactly("classify", expected);
  }

  @Test
  void failsNamingTheNodeWhenNoConditionHoldsAndThereIsNoFallback() {
    AtomicInteger after = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("w")
            .node("classify", s -> Map.of("seen", true))
            .node(
                "yes",
                s -> {
                  after.incrementAndGet();
                  return Map.of();
                })
            .start("classify")
            .edge("classify", "yes", s -> s.getBoolean("flag"))
            .edge("classify", END, s -> false)
            .edge("yes", END)
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of("flag", false)))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).contains("classify"))
        .hasMessage(
            "no condition of the edges leaving 'classify' holds and there is no unconditional"
                + " edge to fall back on; add one");
    assertThat(after).hasValue(0);
  }

  @Test
  void aFailingConditionFailsItsSourceNodeWithTheCause() {
    IOException boom = new IOException("disk gone");
    Workflow workflow =
        Workflow.builder("w")
            .node("a", s -> Map.of())
            .start("a")
            .edge(
                "a",
                END,
                s -> {
                  throw boom;
                })
            .edge("a", END)
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of()))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).contains("a"))
        .hasMessage("node 'a' of workflow 'w' failed: disk gone")
        .cause()
        .isSameAs(boom);
  }

  @Test
  void aRouteChoosesAmongItsTargets() {
    Workflow workflow =
        Workflow.builder("w")
            .node("pick", s -> Map.of())
            .node("left", mark("left"))
            .node("right", mark("right"))
            .start("pick")
            .route("pick", s -> s.getString("side"), "left", "right")
            .edge("left", END)
            .edge("right", END)
            .build();

    assertThat(workflow.invoke(Map.of("side", "right")).path()).containsExactly("pick", "right");
    assertThat(workflow.invoke(Map.of("side", "left")).path()).containsExactly("pick", "left");
  }

  @Test
  void failsWhenARouteChoosesAnUndeclaredTarget() {
    AtomicInteger other = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("w")
            .node("pick", s -> Map.of())
            .node("left", mark("left"))
            .node(
                "other",
                s -> {
                  other.incrementAndGet();
                  return Map.of();
                })
            .start("pick")
            .route("pick", s -> "other", "left", END)
            .edge("left", "other")
            .edge("other", END)
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of()))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).contains("pick"))
        .hasMessage(
            "the route leaving 'pick' chose 'other', which is not one of its declared targets"
                + " [left, __end__]; return a node id or Workflow.END");
    assertThat(other).hasValue(0);
  }

  @Test
  void aRouteWithoutDeclaredTargetsMayChooseAnyNodeButNothingElse() {
    Workflow workflow =
        Workflow.builder("w")
            .node("pick", s -> Map.of())
            .node("a", mark("a"))
            .start("pick")
            .route("pick", s -> s.getString("next"))
            .edge("a", END)
            .build();

    assertThat(workflow.invoke(Map.of("next", "a")).path()).containsExactly("pick", "a");
    assertThat(workflow.invoke(Map.of("next", END)).path()).containsExactly("pick");
    assertThatThrownBy(() -> workflow.invoke(Map.of("next", "nowhere")))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessage(
            "the route leaving 'pick' chose 'nowhere', which is not a node; return a node id or"
                + " Workflow.END");
  }

  @Test
  void aRouteReturningNullFails() {
    Workflow workflow =
        Workflow.builder("w")
            .node("pick", s -> Map.of())
            .start("pick")
            .route("pick", s -> null, END)
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of()))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessageStartingWith("the route leaving 'pick' chose 'null'");
  }

  @Test
  void loopsThroughConditionalEdgesUntilTheExitHolds() {
    Workflow workflow =
        Workflow.builder("w")
            .node("draft", s -> Map.of("round", s.getInt("round", 0) + 1))
            .node("review", s -> Map.of("ok", s.getInt("round") >= 3))
            .start("draft")
            .edge("draft", "review")
            .edge("review", END, s -> s.getBoolean("ok"))
            .edge("review", "draft")
            .build();

    RunResult result = workflow.invoke(Map.of());

    assertThat(result.path())
        .containsExactly("draft", "review", "draft", "review", "draft", "review");
    assertThat(result.state().getInt("round")).isEqualTo(3);
  }
}
