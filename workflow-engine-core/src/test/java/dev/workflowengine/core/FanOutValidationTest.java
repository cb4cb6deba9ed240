package dev.workflowengine.core;

import static dev.workflowengine.core.Fixtures.NOOP;
import static dev.workflowengine.core.Fixtures.problem;
import static dev.workflowengine.core.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules of {@link FanOutRules}: what a parallel fan-out may look like. */
class FanOutValidationTest {

  private static final String END = Workflow.END;

  /** s fans out to a and b, which both lead to j. */
  private static WorkflowBuilder diamond() {
    return Workflow.builder("w")
        .node("s", NOOP)
        .node("a", NOOP)
        .node("b", NOOP)
        .node("j", NOOP)
        .start("s")
        .edge("s", "a")
        .edge("s", "b")
        .edge("j", END);
  }

  /** Regression: the fan-out step had an id LangGraph4j refuses, so no fan-out compiled. */
  @Test
  void acceptsBranchesThatMeetAtOneJoin() {
    Workflow workflow = diamond().edge("a", "j").edge("b", "j").build();

    assertThat(workflow.nodeIds()).containsExactly("s", "a", "b", "j");
  }

  @Test
  void rejectsBranchesLeadingToDifferentJoins() {
    WorkflowBuilder builder =
        diamond().node("k", NOOP).edge("a", "j").edge("b", "k").edge("k", END);

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "nodes[0]",
                "branches of the fan-out from 's' must all lead to the same join node, but"
                    + " a -> j, b -> k; make each branch a single node (a sub-workflow for"
                    + " longer branches)"));
  }

  @Test
  void rejectsAHumanStepAsBranch() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("s", NOOP)
            .node("a", NOOP)
            .human("h", HumanStep.prompt("ok?"))
            .node("j", NOOP)
            .start("s")
            .edge("s", "a")
            .edge("s", "h")
            .edge("a", "j")
            .edge("h", "j")
            .edge("j", END);

    assertThat(problems(builder))
        .containsExactly(problem("nodes[2]", "human step 'h' cannot be a parallel branch of 's'"));
  }

  @Test
  void rejectsABranchWithTwoEdges() {
    WorkflowBuilder builder = diamond().edge("a", "j", s -> true).edge("a", END).edge("b", "j");

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "nodes[1]",
                "parallel branch 'a' of 's' must have exactly one unconditional edge, to the join"
                    + " node"));
  }

  @Test
  void rejectsABranchWithARoute() {
    WorkflowBuilder builder = diamond().edge("a", "j").route("b", s -> "j", "j");

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "nodes[2]",
                "parallel branch 'b' of 's' must have exactly one unconditional edge, to the join"
                    + " node"));
  }

  @Test
  void rejectsTheEndAsABranch() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("s", NOOP)
            .node("a", NOOP)
            .start("s")
            .edge("s", "a")
            .edge("s", END)
            .edge("a", END);

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "edges[1]",
                "fan-out from 's' cannot have __end__ as a branch; end after the join"));
  }

  @Test
  void rejectsTheSameBranchTwice() {
    WorkflowBuilder builder = diamond().edge("s", "a").edge("a", "j").edge("b", "j");

    assertThat(problems(builder))
        .containsExactly(problem("edges[3]", "fan-out from 's' lists 'a' twice"));
  }

  @Test
  void checksAFanOutFromTheStart() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("a", NOOP)
            .node("b", NOOP)
            .node("j", NOOP)
            .node("k", NOOP)
            .start("a")
            .edge(Workflow.START, "b")
            .edge("a", "j")
            .edge("b", "k")
            .edge("j", END)
            .edge("k", END);

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "startNode",
                "branches of the fan-out from '__start__' must all lead to the same join node,"
                    + " but a -> j, b -> k; make each branch a single node (a sub-workflow for"
                    + " longer branches)"));
  }
}
