package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge conditions of compiled definitions, evaluated at run time. */
class CelConditionTest {

  /** A record put into the state; conditions see it as a map. */
  record Customer(String name, boolean vip, int age, List<String> tags) {}

  @Test
  void missingKeyFailsNamingTheSourceNodeTheExpressionAndHas() {
    Workflow workflow = branching("state.score > 0.5");

    WorkflowExecutionException failure = runFailure(workflow, Map.of("other", 1));

    assertThat(failure.nodeId()).contains("check");
    assertThat(failure.getMessage())
        .contains("state.score > 0.5")
        .contains("'score'")
        .contains("has(state.");
  }

  @Test
  void hasGuardsAMissingKey() {
    Workflow workflow = branching("has(state.score) && state.score > 0.5");

    assertThat(branchTaken(workflow, Map.of())).isEqualTo("no");
    assertThat(branchTaken(workflow, Map.of("score", 0.9))).isEqualTo("yes");
  }

  @Test
  void comparingValuesOfTheWrongTypeFailsClearly() {
    Workflow workflow = branching("state.name > 5");

    WorkflowExecutionException failure = runFailure(workflow, Map.of("name", "bob"));

    assertThat(failure.nodeId()).contains("check");
    assertThat(failure.getMessage())
        .contains("state.name > 5")
        .contains("No matching overload")
        .contains("check what the state holds");
  }

  @Test
  void conditionThatIsNotABooleanAtRunTimeFailsClearly() {
    Workflow workflow = branching("state.flag");

    WorkflowExecutionException failure = runFailure(workflow, Map.of("flag", "yes"));

    assertThat(failure.nodeId()).contains("check");
    assertThat(failure.getMessage())
        .contains("\"state.flag\"")
        .contains("\"yes\"")
        .contains("not a boolean");
    assertThat(branchTaken(workflow, Map.of("flag", true))).isEqualTo("yes");
  }

  @ParameterizedTest(name = "{0} with n = {1}")
  @CsvSource({
    "state.n == 3, 3, yes",
    "state.n > 2, 3, yes",
    "state.n < 3, 3, no",
    "state.n == 3, 4, no",
    "'state.n in [1, 2, 3]', 3, yes"
  })
  void javaIntegersInStateCompareWithCelInts(String condition, int n, String expected) {
    assertThat(branchTaken(branching(condition), Map.of("n", n))).isEqualTo(expected);
  }

  @Test
  void longsShortsAndBytesInStateAreCelInts() {
    Workflow workflow = branching("state.big > 3000000000 && state.s == 2 && state.b == 1");

    Map<String, Object> input = Map.of("big", 4_000_000_000L, "s", (short) 2, "b", (byte) 1);

    assertThat(branchTaken(workflow, input)).isEqualTo("yes");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "state.score > 0, yes",
    "state.score < 1, yes",
    "state.count > 0.5, yes",
    "state.count < 3.5, yes",
    "state.count >= 3.5, no",
  })
  void integersAndDecimalsCompareWithEachOther(String condition, String expected) {
    // Regression: "state.score > 0" with score 0.9 failed with "No matching overload", although
    // whether JSON writes 1 or 1.0 is an accident.
    Map<String, Object> input = Map.of("score", 0.9, "count", 3);

    assertThat(branchTaken(branching(condition), input)).isEqualTo(expected);
  }

  @Test
  void nestedMapsAndListsAreReachable() {
    Map<String, Object> order =
        Map.of(
            "customer", Map.of("vip", true, "name", "Ada"),
            "items", List.of(Map.of("sku", "a", "qty", 1), Map.of("sku", "b", "qty", 2)));
    Map<String, Object> input = Map.of("order", order, "tags", List.of("urgent", "billing"));

    assertThat(branchTaken(branching("state.order.items[1].qty >= 2"), input)).isEqualTo("yes");
    assertThat(branchTaken(branching("state.order.customer.vip"), input)).isEqualTo("yes");
    assertThat(branchTaken(branching("'urgent' in state.tags && size(state.tags) == 2"), input))
        .isEqualTo("yes");
    assertThat(branchTaken(branching("state.order.items.exists(i, i.qty > 5)"), input))
        .isEqualTo("no");
    assertThat(branchTaken(branching("state.order.items.all(i, i.sku.size() == 1)"), input))
        .isEqualTo("yes");
    assertThat(branchTaken(branching("state.order.customer.name.startsWith('A')"), input))
        .isEqualTo("yes");
  }

  @Test
  void nullInsideAMapComparesEqualToNull() {
    // Regression: a JSON null inside a state map became a CEL "unknown", so the condition
    // evaluated to an unknown set instead of true.
    Map<String, Object> result = new HashMap<>();
    result.put("error", null);
    result.put("value", 42);
    Map<String, Object> input = Map.of("result", result);

    assertThat(branchTaken(branching("state.result.error == null"), input)).isEqualTo("yes");
    assertThat(branchTaken(branching("state.result.value != null"), input)).isEqualTo("yes");
  }

  @Test
  void recordsInStateAreVisibleAsMaps() {
    Customer customer = new Customer("Ada", true, 36, List.of("gold"));
    Map<String, Object> input = Map.of("customer", customer);

    assertThat(branchTaken(branching("state.customer.vip && state.customer.age > 30"), input))
        .isEqualTo("yes");
    assertThat(branchTaken(branching("state.customer.tags[0] == 'gold'"), input)).isEqualTo("yes");
    assertThat(branchTaken(branching("state.customer.name == 'Bob'"), input)).isEqualTo("no");
  }

  @Test
  void firstTrueConditionInDeclarationOrderWins() {
    WorkflowDefinition definition =
        base()
            .node(marker("first"))
            .node(marker("second"))
            .edge(EdgeDefinition.when("check", "second", "state.n > 1"))
            .edge(EdgeDefinition.when("check", "first", "state.n > 0"))
            .edge("check", "no")
            .edge("first", EdgeDefinition.END)
            .edge("second", EdgeDefinition.END)
            .node(marker("no"))
            .edge("no", EdgeDefinition.END)
            .build();
    Workflow workflow = Workflows.compile(definition, Catalog.empty());

    assertThat(workflow.invoke(Map.of("n", 5)).path()).containsExactly("check", "second");
    assertThat(workflow.invoke(Map.of("n", 1)).path()).containsExactly("check", "first");
    assertThat(workflow.invoke(Map.of("n", 0)).path()).containsExactly("check", "no");
  }

  @Test
  void fallbackEdgeIsTakenWhenNoConditionHoldsWhereverItIsDeclared() {
    WorkflowDefinition definition =
        base()
            .node(marker("yes"))
            .node(marker("no"))
            .edge("check", "no")
            .edge(EdgeDefinition.when("check", "yes", "state.n == 1"))
            .edge("yes", EdgeDefinition.END)
            .edge("no", EdgeDefinition.END)
            .build();
    Workflow workflow = Workflows.compile(definition, Catalog.empty());

    assertThat(workflow.invoke(Map.of("n", 1)).path()).containsExactly("check", "yes");
    assertThat(workflow.invoke(Map.of("n", 2)).path()).containsExactly("check", "no");
  }

  @Test
  void noConditionHoldingAndNoFallbackFailsNamingTheNode() {
    WorkflowDefinition definition =
        base()
            .node(marker("yes"))
            .edge(EdgeDefinition.when("check", "yes", "state.n == 1"))
            .edge(EdgeDefinition.when("check", EdgeDefinition.END, "state.n == 2"))
            .edge("yes", EdgeDefinition.END)
            .build();
    Workflow workflow = Workflows.compile(definition, Catalog.empty());

    WorkflowExecutionException failure = runFailure(workflow, Map.of("n", 3));

    assertThat(failure.nodeId()).contains("check");
    assertThat(failure.getMessage()).contains("no condition").contains("'check'");
    assertThat(workflow.invoke(Map.of("n", 2)).path()).containsExactly("check");
  }

  @Test
  void conditionsSeeTheUpdateOfTheirSourceNode() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("loop")
            .startNode("count")
            .node(
                NodeDefinition.of(
                    "count",
                    NodeTypes.TRANSFORM,
                    Map.of("set", Map.of("round", "has(state.round) ? state.round + 1 : 1"))))
            .edge(EdgeDefinition.when("count", "count", "state.round < 3"))
            .edge("count", EdgeDefinition.END)
            .build();
    Workflow workflow = Workflows.compile(definition, Catalog.empty());

    RunResult result = workflow.invoke(Map.of());

    assertThat(result.path()).containsExactly("count", "count", "count");
    assertThat(result.state().getInt("round")).isEqualTo(3);
  }

  @Test
  void runtimeErrorsInsideAnExpressionFailTheSourceNode() {
    WorkflowExecutionException failure =
        runFailure(branching("state.n / state.zero > 1"), Map.of("n", 1, "zero", 0));

    assertThat(failure.nodeId()).contains("check");
    assertThat(failure.getMessage()).contains("state.n / state.zero > 1").contains("by zero");
  }

  @Test
  void outOfRangeIndexFailsWithTheExpression() {
    WorkflowExecutionException failure =
        runFailure(branching("state.items[3] == 1"), Map.of("items", List.of(1)));

    assertThat(failure.getMessage()).contains("state.items[3] == 1").contains("3");
  }

  /** check (no-op) -> yes when {@code condition}, else no; yes and no record their name. */
  private static Workflow branching(String condition) {
    WorkflowDefinition definition =
        base()
            .node(marker("yes"))
            .node(marker("no"))
            .edge(EdgeDefinition.when("check", "yes", condition))
            .edge("check", "no")
            .edge("yes", EdgeDefinition.END)
            .edge("no", EdgeDefinition.END)
            .build();
    return Workflows.compile(definition, Catalog.empty());
  }

  private static WorkflowDefinition.Builder base() {
    return WorkflowDefinition.builder("conditions")
        .startNode("check")
        .node(
            NodeDefinition.of(
                "check", NodeTypes.TRANSFORM, Map.of("set", Map.of("checked", "true"))));
  }

  private static NodeDefinition marker(String id) {
    return NodeDefinition.of(
        id, NodeTypes.TRANSFORM, Map.of("set", Map.of("branch", "'" + id + "'")));
  }

  private static String branchTaken(Workflow workflow, Map<String, ?> input) {
    RunResult result = workflow.invoke(input);
    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    return result.state().getString("branch");
  }

  private static WorkflowExecutionException runFailure(Workflow workflow, Map<String, ?> input) {
    WorkflowExecutionException failure =
        catchThrowableOfType(WorkflowExecutionException.class, () -> workflow.invoke(input));
    assertThat(failure).as("the run should fail").isNotNull();
    return failure;
  }
}
