package dev.workflowengine.core;

import static dev.workflowengine.core.Fixtures.NOOP;
import static dev.workflowengine.core.Fixtures.invalid;
import static dev.workflowengine.core.Fixtures.problem;
import static dev.workflowengine.core.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.NodePolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per structural rule of {@link GraphValidator} and {@link FanOutRules}. */
class WorkflowBuilderValidationTest {

  private static final String END = Workflow.END;

  private static WorkflowBuilder single(String id) {
    return Workflow.builder("w").node(id, NOOP).start(id).edge(id, END);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1st", "_a", "a b", "a/b", ""})
  void rejectsAnInvalidNodeId(String id) {
    assertThat(problems(single(id)))
        .containsExactly(
            problem(
                "nodes[0]",
                "node id '"
                    + id
                    + "' is invalid: use letters, digits, '_', '-' or '.', start with a letter,"
                    + " at most 64 characters"));
  }

  @Test
  void acceptsIdsUpTo64CharactersAndRejectsLonger() {
    String longest = "a" + "b".repeat(63);
    assertThat(single(longest).build().nodeIds()).containsExactly(longest);
    assertThat(single("a.b-c_1").build().nodeIds()).containsExactly("a.b-c_1");

    assertThat(problems(single(longest + "c")))
        .singleElement()
        .extracting("location")
        .isEqualTo("nodes[0]");
  }

  @Test
  void rejectsADuplicateIdNamingTheFirstDeclaration() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("a", NOOP)
            .node("b", NOOP)
            .node("a", NOOP)
            .start("a")
            .edge("a", "b")
            .edge("b", END);

    assertThat(problems(builder))
        .containsExactly(problem("nodes[2]", "duplicate node id 'a', first declared at nodes[0]"));
  }

  @Test
  void rejectsAWorkflowWithoutStart() {
    WorkflowBuilder builder = Workflow.builder("w").node("a", NOOP).edge("a", END);

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "startNode",
                "the workflow has no start node: set startNode in a definition, or call"
                    + " start(nodeId) on the builder"));
  }

  @Test
  void rejectsAnEdgeToAnUnknownNodeSuggestingTheClosestId() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("fetch", NOOP)
            .node("parse", NOOP)
            .start("fetch")
            .edge("fetch", "prase")
            .edge("parse", END);

    assertThat(problems(builder))
        .containsExactly(
            problem("edges[0]", "edge to unknown node 'prase' (did you mean 'parse'?)"),
            problem("nodes[1]", "node 'parse' is unreachable from the start"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"end", "END", "End", "__END__"})
  void explainsHowTheEndIsWritten(String target) {
    WorkflowBuilder builder = Workflow.builder("w").node("a", NOOP).start("a").edge("a", target);

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "edges[0]", "edge to unknown node '" + target + "' (the end is written __end__)"));
  }

  @Test
  void rejectsAnEdgeToAnUnknownNodeWithoutHintWhenNothingIsClose() {
    WorkflowBuilder builder =
        Workflow.builder("w").node("a", NOOP).start("a").edge("a", END).edge("a", "zzzzzz");

    assertThat(problems(builder)).contains(problem("edges[1]", "edge to unknown node 'zzzzzz'"));
  }

  @Test
  void rejectsAnEdgeFromAnUnknownNode() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("review", NOOP)
            .start("review")
            .edge("review", END)
            .edge("reveiw", END);

    assertThat(problems(builder))
        .containsExactly(
            problem("edges[1]", "edge from unknown node 'reveiw' (did you mean 'review'?)"));
  }

  @Test
  void rejectsAnEdgeLeavingTheEnd() {
    WorkflowBuilder builder = single("a").edge(END, "a");

    assertThat(problems(builder))
        .containsExactly(problem("edges[1]", "an edge cannot leave __end__"));
  }

  @Test
  void rejectsAnEdgeBackToTheStartAndAConditionalStart() {
    WorkflowBuilder toStart =
        Workflow.builder("w")
            .node("a", NOOP)
            .start("a")
            .edge("a", END, s -> true)
            .edge("a", Workflow.START);
    WorkflowBuilder conditionalStart =
        Workflow.builder("w").node("a", NOOP).edge(Workflow.START, "a", s -> true).edge("a", END);

    assertThat(problems(toStart))
        .containsExactly(problem("edges[1]", "an edge cannot lead to __start__"));
    assertThat(problems(conditionalStart))
        .containsExactly(problem("edges[0]", "the edge from the start cannot have a condition"));
  }

  /** Regression: dead ends were reported again as loops with no exit. */
  @Test
  void rejectsANodeWithoutOutgoingEdgeOnce() {
    WorkflowBuilder builder =
        Workflow.builder("w").node("a", NOOP).node("b", NOOP).start("a").edge("a", "b");

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "nodes[1]",
                "node 'b' has no outgoing edge; add an edge to the next node or to __end__"));
  }

  @Test
  void rejectsAnUnreachableNode() {
    WorkflowBuilder builder = single("a").node("b", NOOP).edge("b", END);

    assertThat(problems(builder))
        .containsExactly(problem("nodes[1]", "node 'b' is unreachable from the start"));
  }

  @Test
  void rejectsALoopWithoutExit() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("start", NOOP)
            .node("a", NOOP)
            .node("b", NOOP)
            .start("start")
            .edge("start", "a", s -> false)
            .edge("start", END)
            .edge("a", "b")
            .edge("b", "a");

    String loop =
        "can never reach __end__: it is in a loop with no exit; add an edge or condition that"
            + " leads out of it";
    assertThat(problems(builder))
        .containsExactly(
            problem("nodes[1]", "node 'a' " + loop), problem("nodes[2]", "node 'b' " + loop));
  }

  @Test
  void acceptsALoopWithAConditionalExit() {
    Workflow workflow =
        Workflow.builder("w")
            .node("a", NOOP)
            .node("b", NOOP)
            .start("a")
            .edge("a", "b")
            .edge("b", END, s -> true)
            .edge("b", "a")
            .build();

    assertThat(workflow.nodeIds()).containsExactly("a", "b");
  }

  @Test
  void rejectsARouteWithAnUnknownDeclaredTarget() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("check", NOOP)
            .node("finish", NOOP)
            .start("check")
            .route("check", s -> "finish", "finish", "finsh")
            .edge("finish", END);

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "routes[check]",
                "route from 'check' names unknown target 'finsh' (did you mean 'finish'?)"));
  }

  @Test
  void rejectsARouteFromAnUnknownNode() {
    WorkflowBuilder builder = single("a").route("ghost", s -> END, END);

    assertThat(problems(builder))
        .containsExactly(problem("routes[ghost]", "route from unknown node 'ghost'"));
  }

  @Test
  void rejectsANodeWithBothARouteAndEdges() {
    WorkflowBuilder builder = single("a").route("a", s -> END, END);

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "nodes[0]",
                "node 'a' has both a route and edges; choose the next node in one place"));
  }

  @Test
  void rejectsTwoRoutesFromOneNode() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("a", NOOP)
            .start("a")
            .route("a", s -> END, END)
            .route("a", s -> END, END);

    assertThat(problems(builder))
        .containsExactly(problem("routes[a]", "node 'a' has more than one route; merge them"));
  }

  @Test
  void rejectsConditionalEdgesWithSeveralUnconditionalOnes() {
    WorkflowBuilder builder =
        Workflow.builder("w")
            .node("a", NOOP)
            .node("b", NOOP)
            .node("c", NOOP)
            .start("a")
            .edge("a", "b", s -> true)
            .edge("a", "c")
            .edge("a", END)
            .edge("b", END)
            .edge("c", END);

    assertThat(problems(builder))
        .containsExactly(
            problem(
                "nodes[0]",
                "'a' has conditional edges and 2 unconditional ones; keep at most one"
                    + " unconditional edge as the fallback"));
  }

  @Test
  void rejectsAPolicyForAnUnknownNode() {
    WorkflowBuilder builder = single("fetch").policy("fetsh", NodePolicy.NONE);

    assertThat(problems(builder))
        .containsExactly(
            problem("policies[fetsh]", "policy for unknown node 'fetsh' (did you mean 'fetch'?)"));
  }

  @Test
  void rejectsASubworkflowThatWaitsForAPerson() {
    Workflow child =
        Workflow.builder("approval")
            .human("ask", HumanStep.prompt("ok?"))
            .start("ask")
            .edge("ask", END)
            .build();
    WorkflowBuilder parent =
        Workflow.builder("w").subworkflow("sub", child).start("sub").edge("sub", END);

    assertThat(problems(parent))
        .containsExactly(
            problem(
                "nodes[0]",
                "sub-workflow 'approval' of node 'sub' waits for a person; human steps are only"
                    + " supported in the top-level workflow"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    WorkflowBuilder builder =
        Workflow.builder("messy")
            .node("1a", NOOP)
            .node("b", NOOP)
            .node("b", NOOP)
            .node("lonely", NOOP)
            .edge("1a", "c")
            .edge("b", END)
            .edge("lonely", END)
            .policy("nobody", NodePolicy.NONE);

    WorkflowValidationException failure = invalid(builder);

    assertThat(failure.problems())
        .containsExactly(
            problem(
                "nodes[0]",
                "node id '1a' is invalid: use letters, digits, '_', '-' or '.', start with a"
                    + " letter, at most 64 characters"),
            problem("nodes[2]", "duplicate node id 'b', first declared at nodes[1]"),
            problem("edges[0]", "edge to unknown node 'c' (did you mean 'b'?)"),
            problem(
                "startNode",
                "the workflow has no start node: set startNode in a definition, or call"
                    + " start(nodeId) on the builder"),
            problem("policies[nobody]", "policy for unknown node 'nobody'"));
    assertThat(failure.getMessage())
        .startsWith("workflow 'messy' is invalid (5 problems):\n  - nodes[0]: node id '1a'")
        .contains("\n  - policies[nobody]: policy for unknown node 'nobody'");
  }

  @Test
  void rejectsMaxStepsBelowOne() {
    assertThatThrownBy(() -> Workflow.builder("w").maxSteps(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxSteps must be >= 1 but was 0");
  }

  @Test
  void buildCopiesTheBuilderSoLaterChangesDoNotLeak() {
    WorkflowBuilder builder = single("a");
    Workflow first = builder.build();

    builder.node("b", NOOP).edge("b", END);

    assertThat(first.nodeIds()).containsExactly("a");
    assertThat(problems(builder))
        .containsExactly(problem("nodes[1]", "node 'b' is unreachable from the start"));
    assertThat(first.invoke(Map.of()).path()).containsExactly("a");
  }
}
