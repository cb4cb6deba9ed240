package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.StateKeyDefinition;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowsParseTest {

  private static final String VALID =
      """
      {
        "id": "support-ticket",
        "name": "Support ticket",
        "description": "Classify and answer",
        "version": 3,
        "startNode": "classify",
        "nodes": [
          {"id": "classify", "type": "llm",
           "config": {"prompt": "Classify {{ticket}}", "output": "category"}},
          {"id": "answer", "type": "agent", "config": {"agent": "support"}}
        ],
        "edges": [
          {"from": "classify", "to": "answer", "when": "state.category == 'question'"},
          {"from": "classify", "to": "__end__"},
          {"from": "answer", "to": "__end__"}
        ],
        "agents": [
          {"id": "support", "model": "default", "systemPrompt": "Be kind",
           "tools": ["crm.lookup"], "capabilities": ["reply"], "config": {"maxToolRounds": 4}}
        ],
        "policies": {
          "answer": {"timeout": "PT30S", "retries": 2,
                     "backoff": {"initialDelay": "PT1S", "maxDelay": "PT10S",
                                 "multiplier": 3.0, "jitter": 0.1},
                     "circuitBreaker": {"failureThreshold": 5, "delay": "PT1M"},
                     "rateLimit": {"permits": 10, "period": "PT1S"}}
        },
        "state": {
          "ticket": {"required": true, "description": "the ticket text"},
          "notes": {"reducer": "append"}
        },
        "metadata": {"owner": "team-a", "tags": ["x", 1, 2.5, true], "nested": {"n": 7}}
      }
      """;

  @Test
  void parsesEveryPartOfAValidDefinition() {
    WorkflowDefinition definition = Workflows.parse(VALID);

    assertThat(definition.id()).isEqualTo("support-ticket");
    assertThat(definition.name()).isEqualTo("Support ticket");
    assertThat(definition.description()).isEqualTo("Classify and answer");
    assertThat(definition.version()).isEqualTo(3);
    assertThat(definition.startNode()).isEqualTo("classify");
    assertThat(definition.nodes())
        .containsExactly(
            NodeDefinition.of(
                "classify",
                NodeTypes.LLM,
                Map.of("prompt", "Classify {{ticket}}", "output", "category")),
            NodeDefinition.of("answer", NodeTypes.AGENT, Map.of("agent", "support")));
    assertThat(definition.edges())
        .containsExactly(
            EdgeDefinition.when("classify", "answer", "state.category == 'question'"),
            EdgeDefinition.of("classify", EdgeDefinition.END),
            EdgeDefinition.of("answer", EdgeDefinition.END));
    AgentDefinition agent = definition.agent("support").orElseThrow();
    assertThat(agent.name()).isEqualTo("support");
    assertThat(agent.tools()).containsExactly("crm.lookup");
    assertThat(agent.capabilities()).containsExactly("reply");
    assertThat(agent.config()).containsEntry("maxToolRounds", 4L);
    NodePolicy policy = definition.policies().get("answer");
    assertThat(policy.timeout()).contains(Duration.ofSeconds(30));
    assertThat(policy.retries()).isEqualTo(2);
    assertThat(policy.backoff())
        .isEqualTo(new NodePolicy.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 3.0, 0.1));
    assertThat(policy.circuitBreaker())
        .contains(new NodePolicy.CircuitBreaker(5, Duration.ofMinutes(1)));
    assertThat(policy.rateLimit()).contains(new NodePolicy.RateLimit(10, Duration.ofSeconds(1)));
    assertThat(definition.state().get("ticket"))
        .isEqualTo(
            new StateKeyDefinition(StateKeyDefinition.Reducer.REPLACE, "the ticket text", true));
    assertThat(definition.state().get("notes")).isEqualTo(StateKeyDefinition.append());
    assertThat(definition.metadata())
        .containsEntry("tags", List.of("x", 1L, 2.5, true))
        .containsEntry("nested", Map.of("n", 7L));
  }

  @Test
  void absentNumbersAndFlagsTakeTheirDefaults() {
    // Regression: FAIL_ON_NULL_FOR_PRIMITIVES rejected every definition without "version".
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "minimal",
             "state": {"k": {}},
             "policies": {"a": {"timeout": "PT1S"}}}
            """);

    assertThat(definition.version()).isEqualTo(1);
    assertThat(definition.name()).isEqualTo("minimal");
    assertThat(definition.state().get("k")).isEqualTo(StateKeyDefinition.replace());
    assertThat(definition.policies().get("a"))
        .isEqualTo(NodePolicy.builder().timeout(Duration.ofSeconds(1)).build());
  }

  @Test
  void brokenJsonNamesLineAndColumn() {
    String broken =
        """
        {"id": "x",
         "nodes": [ {"id": } ]}
        """;

    ValidationProblem problem = onlyProblem(broken);

    assertThat(problem.location()).startsWith("$");
    assertThat(problem.message()).contains("line 2").contains("column 20");
  }

  @Test
  void unterminatedDocumentIsReportedNotThrownAsSomethingElse() {
    ValidationProblem problem = onlyProblem("{\"id\": \"x\", \"nodes\": [");

    assertThat(problem.message()).contains("line 1");
  }

  @Test
  void misspeltRequiredPropertyIsReportedAsUnknownWithItsPathAndAHint() {
    // Regression: the record constructor failed first ("problem: type") and hid the typo.
    String json =
        """
        {"id": "x", "nodes": [ {"id": "a", "tpye": "llm"} ]}
        """;

    ValidationProblem problem = onlyProblem(json);

    assertThat(problem.location()).isEqualTo("$.nodes[0].tpye");
    assertThat(problem.message())
        .contains("unknown property 'tpye'")
        .contains("did you mean 'type'?")
        .contains("[config, id, type]");
  }

  @Test
  void everyMisspeltPropertyIsReportedWhenARecordCannotBeBuilt() {
    String json =
        """
        {"id": "x",
         "nodes": [ {"id": "a", "tpye": "llm"} ],
         "edges": [ {"form": "a", "to": "__end__"} ],
         "policies": {"a": {"retries": 1, "backoff": {"initalDelay": "PT1S"}}}}
        """;

    WorkflowValidationException failure = parseFailure(json);

    assertThat(failure.problems())
        .extracting(ValidationProblem::location)
        .containsExactlyInAnyOrder(
            "$.nodes[0].tpye", "$.edges[0].form", "$.policies.a.backoff.initalDelay");
    assertThat(failure.problems())
        .allSatisfy(p -> assertThat(p.message()).contains("did you mean"));
  }

  @Test
  void misspeltOptionalPropertyIsReportedWithItsPath() {
    ValidationProblem problem =
        onlyProblem(
            """
            {"id": "x", "nodes": [ {"id": "a", "type": "llm", "confg": {}} ]}
            """);

    assertThat(problem.location()).isEqualTo("$.nodes[0].confg");
    assertThat(problem.message()).contains("did you mean 'config'?");
  }

  @Test
  void unknownTopLevelPropertyListsTheKnownOnes() {
    ValidationProblem problem = onlyProblem("{\"id\": \"x\", \"nodez\": []}");

    assertThat(problem.location()).isEqualTo("$.nodez");
    assertThat(problem.message()).contains("did you mean 'nodes'?").contains("startNode");
  }

  @Test
  void wrongValueTypesAreReportedAtTheirPath() {
    assertThat(onlyProblem("{\"id\": \"x\", \"version\": \"three\"}").location())
        .isEqualTo("$.version");
    assertThat(onlyProblem("{\"id\": \"x\", \"nodes\": {\"a\": 1}}").location())
        .isEqualTo("$.nodes");
    assertThat(
            onlyProblem("{\"id\": \"x\", \"policies\": {\"a\": {\"timeout\": \"soon\"}}}")
                .location())
        .isEqualTo("$.policies.a.timeout");
    assertThat(
            onlyProblem("{\"id\": \"x\", \"state\": {\"k\": {\"reducer\": \"merge\"}}}").location())
        .isEqualTo("$.state.k.reducer");
  }

  @Test
  void invalidPolicyValuesSayWhatIsWrong() {
    ValidationProblem problem =
        onlyProblem("{\"id\": \"x\", \"policies\": {\"a\": {\"retries\": -1}}}");

    assertThat(problem.location()).isEqualTo("$.policies.a");
    assertThat(problem.message())
        .startsWith("retries must be >= 0 but was -1")
        .doesNotContain("dev.workflowengine");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "null", "\n null \n"})
  void emptyOrNullDocumentIsAProblemOfTheWholeDocument(String json) {
    ValidationProblem problem = onlyProblem(json);

    assertThat(problem.location()).isEqualTo("$");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "42", "\"workflow\"", "{\"id\": \"x\"} {\"id\": \"y\"}"})
  void documentsThatAreNotOneObjectAreRefused(String json) {
    assertThat(parseFailure(json).problems()).isNotEmpty();
  }

  @Test
  void missingRequiredPropertiesAreNamedAtTheirPath() {
    // Regression: reported as "Cannot construct instance of `...EdgeDefinition`, problem: from".
    ValidationProblem noId = onlyProblem("{\"name\": \"nameless\"}");
    ValidationProblem noFrom = onlyProblem("{\"id\": \"x\", \"edges\": [{\"to\": \"a\"}]}");
    ValidationProblem noType = onlyProblem("{\"id\": \"x\", \"nodes\": [{\"id\": \"a\"}]}");

    assertThat(noId.location()).isEqualTo("$.id");
    assertThat(noId.message()).startsWith("is required");
    assertThat(noFrom.location()).isEqualTo("$.edges[0].from");
    assertThat(noFrom.message()).startsWith("is required").contains("line 1");
    assertThat(noType.location()).isEqualTo("$.nodes[0].type");
  }

  @Test
  void richDefinitionBuiltInCodeSurvivesTheRoundTrip() {
    WorkflowDefinition definition = richDefinition();

    String json = Workflows.toJson(definition);
    WorkflowDefinition parsed = Workflows.parse(json);

    assertThat(parsed).isEqualTo(definition);
    assertThat(Workflows.toJson(parsed)).isEqualTo(json);
  }

  @Test
  void definitionReadFromJsonEqualsTheSameBuiltInCodeWithJavaIntegers() {
    WorkflowDefinition fromJson =
        Workflows.parse(
            """
            {"id": "numbers", "startNode": "n",
             "nodes": [ {"id": "n", "type": "tool",
                         "config": {"tool": "t", "arguments": {"count": 3, "ratio": 0.5,
                                    "ids": [1, 2, 3], "big": 12345678901}}} ],
             "edges": [ {"from": "n", "to": "__end__"} ],
             "agents": [ {"id": "a", "config": {"maxToolRounds": 2}} ],
             "metadata": {"int": 1, "short": 2, "float": 1.5, "list": [1, 2.0]}}
            """);
    WorkflowDefinition inCode =
        WorkflowDefinition.builder("numbers")
            .startNode("n")
            .node(
                NodeDefinition.of(
                    "n",
                    NodeTypes.TOOL,
                    Map.of(
                        "tool",
                        "t",
                        "arguments",
                        ordered(
                            "count",
                            3,
                            "ratio",
                            0.5f,
                            "ids",
                            List.of(1, 2L, (short) 3),
                            "big",
                            BigInteger.valueOf(12345678901L)))))
            .edge("n", EdgeDefinition.END)
            .agent(AgentDefinition.builder("a").config("maxToolRounds", (byte) 2).build())
            .metadata("int", 1)
            .metadata("short", (short) 2)
            .metadata("float", 1.5f)
            .metadata("list", List.of(1, 2.0))
            .build();

    assertThat(fromJson).isEqualTo(inCode);
    assertThat(Workflows.parse(Workflows.toJson(fromJson))).isEqualTo(inCode);
  }

  @Test
  void hugeIntegersAndEmptyValuesSurviveTheRoundTrip() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("edge-values")
            .metadata("huge", new BigInteger("123456789012345678901234567890"))
            .metadata("min", Long.MIN_VALUE)
            .metadata("empty", "")
            .metadata("emptyList", List.of())
            .metadata("emptyMap", Map.of())
            .metadata("unicode", "h\u00e9llo \"w\u00f6rld\" \\ {{x}} \n\t\u2603")
            .build();

    assertThat(Workflows.parse(Workflows.toJson(definition))).isEqualTo(definition);
  }

  @Test
  void emptyIdsAndTypesSurviveTheRoundTrip() {
    // Regression: NON_EMPTY left out an empty id or type, and the JSON could not be read back.
    WorkflowDefinition definition =
        new WorkflowDefinition(
            "",
            null,
            null,
            1,
            "",
            List.of(NodeDefinition.of("", "", Map.of())),
            List.of(EdgeDefinition.of("", "")),
            List.of(AgentDefinition.builder("").build()),
            Map.of(),
            Map.of(),
            Map.of());

    assertThat(Workflows.parse(Workflows.toJson(definition))).isEqualTo(definition);
  }

  @Test
  void numbersJsonCannotHoldAreRefusedWhereTheyAreBuilt() {
    // Regression: NaN was written as the string "NaN" and read back as a string.
    WorkflowDefinition.Builder builder = WorkflowDefinition.builder("nan");

    assertThatThrownBy(() -> builder.metadata("limits", Map.of("max", Double.NaN)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.limits.max is NaN");
    assertThatThrownBy(
            () -> NodeDefinition.of("n", NodeTypes.TOOL, Map.of("x", Float.NEGATIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Infinity");
    assertThat(onlyProblem("{\"id\": \"x\", \"metadata\": {\"big\": 1e400}}").message())
        .contains("Infinity");
  }

  @Test
  void blankConditionIsNormalisedToAnUnconditionalEdge() {
    WorkflowDefinition definition =
        Workflows.parse(
            "{\"id\": \"x\", \"edges\": [{\"from\": \"a\", \"to\": \"b\", \"when\": \"  \"}]}");

    assertThat(definition.edges()).containsExactly(EdgeDefinition.of("a", "b"));
    assertThat(Workflows.toJson(definition)).doesNotContain("when");
  }

  static WorkflowDefinition richDefinition() {
    return WorkflowDefinition.builder("rich-workflow")
        .name("Rich workflow")
        .description("Uses every part of a definition")
        .version(7)
        .startNode("classify")
        .node(
            NodeDefinition.of(
                "classify",
                NodeTypes.LLM,
                ordered(
                    "prompt", "Classify {{ticket}}",
                    "system", "You are terse",
                    "output", "category",
                    "schema",
                        Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of("label", Map.of("type", "string"))))))
        .node(
            NodeDefinition.of(
                "lookup",
                NodeTypes.TOOL,
                Map.of("tool", "crm.lookup", "arguments", Map.of("id", "{{ticket.id}}"))))
        .node(NodeDefinition.of("answer", NodeTypes.AGENT, Map.of("agent", "support")))
        .node(
            NodeDefinition.of(
                "approve",
                NodeTypes.HUMAN,
                Map.of("prompt", "Send?", "input", Map.of("approved", "boolean"))))
        .node(
            NodeDefinition.of(
                "count", NodeTypes.TRANSFORM, Map.of("set", Map.of("round", "state.round + 1"))))
        .node(
            NodeDefinition.of(
                "child",
                NodeTypes.SUBWORKFLOW,
                Map.of("workflow", "double", "input", Map.of("in", "round"))))
        .edge(EdgeDefinition.when("classify", "lookup", "state.category == 'account'"))
        .edge(EdgeDefinition.of("classify", "answer"))
        .edge("lookup", "answer")
        .edge("answer", "approve")
        .edge(EdgeDefinition.when("approve", "count", "!state.approved"))
        .edge("approve", EdgeDefinition.END)
        .edge("count", "child")
        .edge("child", "answer")
        .agent(
            AgentDefinition.builder("support")
                .name("Support agent")
                .description("Answers tickets")
                .model("default")
                .systemPrompt("Answer {{ticket}}")
                .tools("crm.lookup", "mail.send")
                .capabilities("reply", "triage")
                .config("maxToolRounds", 5)
                .config("temperature", 0.2)
                .build())
        .policy(
            "answer",
            NodePolicy.builder()
                .timeout(Duration.ofSeconds(45))
                .retries(3)
                .backoff(
                    new NodePolicy.Backoff(
                        Duration.ofMillis(250), Duration.ofSeconds(20), 1.5, 0.25))
                .circuitBreaker(4, Duration.ofMinutes(2))
                .rateLimit(20, Duration.ofSeconds(10))
                .build())
        .policy("lookup", NodePolicy.builder().retries(1).build())
        .policy("classify", NodePolicy.NONE)
        .state("ticket", StateKeyDefinition.requiredInput())
        .state("notes", StateKeyDefinition.append())
        .state(
            "round",
            new StateKeyDefinition(StateKeyDefinition.Reducer.REPLACE, "review rounds", false))
        .metadata("owner", "team-a")
        .metadata("priority", 2)
        .metadata("threshold", 0.75)
        .metadata("enabled", true)
        .metadata(
            "layout",
            Map.of(
                "classify", Map.of("x", 10, "y", 20.5),
                "order", List.of("classify", "answer", List.of(1, 2), Map.of("k", false))))
        .build();
  }

  /** A map that keeps the order of its entries, from alternating keys and values. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static WorkflowValidationException parseFailure(String json) {
    WorkflowValidationException failure =
        catchThrowableOfType(WorkflowValidationException.class, () -> Workflows.parse(json));
    assertThat(failure).as("parsing %s", json).isNotNull();
    assertThat(failure.problems()).isNotEmpty();
    return failure;
  }

  private static ValidationProblem onlyProblem(String json) {
    List<ValidationProblem> problems = parseFailure(json).problems();
    assertThat(problems).as("problems of %s", json).hasSize(1);
    return problems.get(0);
  }
}
