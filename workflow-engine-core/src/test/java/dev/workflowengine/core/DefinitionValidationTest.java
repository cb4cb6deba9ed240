package dev.workflowengine.core;

import static dev.workflowengine.core.DefinitionCompilerTest.compileProblems;
import static dev.workflowengine.core.DefinitionCompilerTest.onlyProblem;
import static dev.workflowengine.core.DefinitionCompilerTest.singleDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.StateKeyDefinition;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.core.DefinitionTestDoubles.FakeChatModel;
import dev.workflowengine.core.DefinitionTestDoubles.MailTool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The problems compiling a definition reports, each at its location in the definition. */
class DefinitionValidationTest {

  private final MailTool mail = new MailTool();
  private final Catalog catalog =
      Catalog.builder()
          .defaultModel(FakeChatModel.answering("ok"))
          .tool(mail.tool)
          .agent("researcher", state -> Map.of("facts", "f"))
          .workflow(DefinitionTestDoubles.doublingChild())
          .build();

  @Test
  void validDefinitionHasNoProblems() {
    WorkflowDefinition definition = chain(llm("draft", "Write about {{topic}}"));

    assertThat(Workflows.validate(definition, catalog)).isEmpty();
    assertThat(Workflows.compile(definition, catalog).nodeIds()).containsExactly("draft");
  }

  @Test
  void unknownNodeTypeIsAProblemWithAHintAndTheKnownTypes() {
    ValidationProblem problem = onlyProblem(singleDefinition("lmm", Map.of()), catalog);

    assertThat(problem.location()).isEqualTo("nodes[0].type");
    assertThat(problem.message())
        .contains("unknown node type 'lmm'")
        .contains("did you mean 'llm'?")
        .contains("[agent, human, llm, subworkflow, tool, transform]");
  }

  @Test
  void unknownConfigSettingIsAProblemWithAHint() {
    List<ValidationProblem> problems =
        compileProblems(singleDefinition(NodeTypes.LLM, Map.of("promt", "Hi")), catalog);

    assertThat(problems)
        .extracting(ValidationProblem::location)
        .containsExactly("nodes[0].config.promt", "nodes[0].config.prompt");
    assertThat(problems.get(0).message())
        .contains("unknown setting for the llm node type")
        .contains("did you mean 'prompt'?")
        .contains("known settings: [model, output, prompt, schema, system]");
    assertThat(problems.get(1).message()).isEqualTo("is required");
  }

  @ParameterizedTest
  @CsvSource({
    "llm, prompt",
    "tool, tool",
    "agent, agent",
    "subworkflow, workflow",
    "transform, set",
  })
  void missingRequiredSettingIsAProblem(String type, String setting) {
    ValidationProblem problem = onlyProblem(singleDefinition(type, Map.of()), catalog);

    assertThat(problem.location()).isEqualTo("nodes[0].config." + setting);
    assertThat(problem.message()).contains("is required");
  }

  @ParameterizedTest
  @CsvSource({"llm, prompt", "tool, tool", "agent, agent", "subworkflow, workflow"})
  void requiredSettingThatIsBlankOrNotAStringIsAProblem(String type, String setting) {
    assertThat(onlyProblem(singleDefinition(type, Map.of(setting, "  ")), catalog).message())
        .isEqualTo("must be a non-empty string");
    assertThat(onlyProblem(singleDefinition(type, Map.of(setting, 42)), catalog).message())
        .isEqualTo("must be a non-empty string");
  }

  @Test
  void syntaxErrorInAConditionNamesTheExpressionLineAndColumn() {
    WorkflowDefinition definition = branch("state.score >> 0.5");

    ValidationProblem problem = onlyProblem(definition, catalog);

    assertThat(problem.location()).isEqualTo("edges[0].when");
    assertThat(problem.message())
        .contains("\"state.score >> 0.5\"")
        .contains("line 1")
        .contains("column 14");
  }

  @Test
  void errorOnTheSecondLineOfAConditionNamesThatLine() {
    ValidationProblem problem = onlyProblem(branch("state.a == 1 &&\n  state.b ==="), catalog);

    assertThat(problem.location()).isEqualTo("edges[0].when");
    assertThat(problem.message()).contains("line 2");
  }

  @Test
  void undeclaredVariableInAConditionIsAProblem() {
    ValidationProblem problem = onlyProblem(branch("score > 0.5"), catalog);

    assertThat(problem.location()).isEqualTo("edges[0].when");
    assertThat(problem.message()).contains("undeclared reference to 'score'").contains("column 1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {"state.x + 1 | int", "'yes' | string", "[state.x] | list", "size(state.x) | int"})
  void conditionKnownNotToBeBooleanIsAProblem(String condition, String kind) {
    ValidationProblem problem = onlyProblem(branch(condition), catalog);

    assertThat(problem.location()).isEqualTo("edges[0].when");
    assertThat(problem.message())
        .contains("\"" + condition + "\"")
        .contains("evaluates to " + kind + ", not a boolean");
  }

  @ParameterizedTest
  @ValueSource(strings = {"state.flag", "state.a.b", "state['k']", "has(state.x) && state.x"})
  void conditionWhoseTypeIsKnownOnlyAtRunTimeCompiles(String condition) {
    assertThat(Workflows.validate(branch(condition), catalog)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Summarise {{ a b }} | invalid placeholder '{{ a b }}' at position 11",
        "Summarise {{doc     | unclosed '{{' at position 11",
        "{{}}                | invalid placeholder"
      })
  void invalidPromptTemplateIsAProblem(String prompt, String message) {
    ValidationProblem problem = onlyProblem(chain(llm("sum", prompt)), catalog);

    assertThat(problem.location()).isEqualTo("nodes[0].config.prompt");
    assertThat(problem.message()).contains(message);
  }

  @Test
  void invalidTemplatesAreReportedWhereverTemplatesAre() {
    WorkflowDefinition definition =
        chain(
            NodeDefinition.of("a", NodeTypes.LLM, Map.of("prompt", "ok", "system", "{{x")),
            NodeDefinition.of(
                "b",
                NodeTypes.TOOL,
                Map.of("tool", "mail.send", "arguments", Map.of("to", "{{1}}"))),
            NodeDefinition.of("c", NodeTypes.HUMAN, Map.of("prompt", "{{ y z }}")));

    assertThat(compileProblems(definition, catalog))
        .extracting(ValidationProblem::location)
        .containsExactly(
            "nodes[0].config.system", "nodes[1].config.arguments.to", "nodes[2].config.prompt");
  }

  @Test
  void templateReadingAKeyNobodyWritesIsAProblemWhenStateIsDeclared() {
    WorkflowDefinition definition =
        chain(
                llm("classify", "Classify {{tiket}}"),
                NodeDefinition.of(
                    "reply",
                    NodeTypes.TOOL,
                    Map.of(
                        "tool",
                        "mail.send",
                        "arguments",
                        Map.of("to", "{{customer.email}}", "subject", "{{classify}}"))))
            .toBuilder()
            .state("ticket", StateKeyDefinition.requiredInput())
            .state("customer", StateKeyDefinition.replace())
            .build();

    ValidationProblem problem = onlyProblem(definition, catalog);

    assertThat(problem.location()).isEqualTo("nodes[0].config.prompt");
    assertThat(problem.message())
        .contains("reads {{tiket}} but no node writes 'tiket'")
        .contains("did you mean 'ticket'?");
  }

  @Test
  void keysWrittenByAnyKindOfNodeMayBeRead() {
    WorkflowDefinition definition =
        chain(
                NodeDefinition.of(
                    "count", NodeTypes.TRANSFORM, Map.of("set", Map.of("round", "1"))),
                NodeDefinition.of(
                    "ask", NodeTypes.HUMAN, Map.of("input", Map.of("note", "string"))),
                NodeDefinition.of(
                    "child",
                    NodeTypes.SUBWORKFLOW,
                    Map.of(
                        "workflow",
                        "double",
                        "input",
                        Map.of("in", "round"),
                        "output",
                        Map.of("twice", "out"))),
                NodeDefinition.of(
                    "send",
                    NodeTypes.TOOL,
                    Map.of(
                        "tool", "mail.send", "arguments", Map.of("to", "x"), "output", "receipt")),
                llm("final", "{{round}} {{note}} {{twice}} {{receipt}} {{topic}}"))
            .toBuilder()
            .state("topic", StateKeyDefinition.replace())
            .build();

    assertThat(Workflows.validate(definition, catalog)).isEmpty();
  }

  @Test
  void templateReadsAreNotCheckedWhenStateIsNotDeclared() {
    assertThat(Workflows.validate(chain(llm("a", "{{anything}}")), catalog)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent", "human", "subworkflow"})
  void templateReadsAreNotCheckedWhenANodeWritesKeysThatCannotBeKnown(String writer) {
    NodeDefinition unknownWrites =
        switch (writer) {
          case "agent" -> NodeDefinition.of("w", NodeTypes.AGENT, Map.of("agent", "researcher"));
          case "human" -> NodeDefinition.of("w", NodeTypes.HUMAN, Map.of());
          default -> NodeDefinition.of("w", NodeTypes.SUBWORKFLOW, Map.of("workflow", "double"));
        };
    WorkflowDefinition definition =
        chain(unknownWrites, llm("a", "{{facts}}")).toBuilder()
            .state("topic", StateKeyDefinition.replace())
            .build();

    assertThat(Workflows.validate(definition, catalog)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "", "-leading", "bad/slash", "a{b}"})
  void invalidWorkflowIdIsAProblem(String id) {
    WorkflowDefinition definition =
        WorkflowDefinition.builder(id)
            .startNode("a")
            .node(llm("a", "Hi"))
            .edge("a", EdgeDefinition.END)
            .build();

    ValidationProblem problem = onlyProblem(definition, catalog);

    assertThat(problem.location()).isEqualTo("id");
    assertThat(problem.message()).contains("workflow id '" + id + "' is invalid");
  }

  @Test
  void workflowIdOfAtMost128CharactersIsValid() {
    String longest = "w" + "x".repeat(127);
    WorkflowDefinition valid = chain(llm("a", "Hi")).toBuilder().build();

    assertThat(Workflows.validate(rename(valid, longest), catalog)).isEmpty();
    assertThat(onlyProblem(rename(valid, longest + "x"), catalog).location()).isEqualTo("id");
    assertThat(Workflows.validate(rename(valid, "team:triage.v2_final-1"), catalog)).isEmpty();
  }

  @Test
  void versionBelowOneReadFromJsonIsAProblem() {
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "v", "version": -2, "startNode": "a",
             "nodes": [{"id": "a", "type": "transform", "config": {"set": {"x": "1"}}}],
             "edges": [{"from": "a", "to": "__end__"}]}
            """);

    ValidationProblem problem = onlyProblem(definition, catalog);

    assertThat(problem.location()).isEqualTo("version");
  }

  @Test
  void graphProblemsComeBackWithDefinitionLocations() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("graph")
            .startNode("classify")
            .node(llm("classify", "Hi"))
            .node(llm("summarize", "Sum"))
            .node(llm("orphan", "Lost"))
            .node(llm("stuck", "No way out"))
            .edge("classify", "summarize")
            .edge("summarize", "sumarize")
            .edge("orphan", EdgeDefinition.END)
            .policy("clasify", NodePolicy.builder().retries(1).build())
            .build();

    List<ValidationProblem> problems = compileProblems(definition, catalog);

    assertThat(problems)
        .extracting(ValidationProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("edges[1]: edge to unknown node 'sumarize'"))
        .anySatisfy(p -> assertThat(p).startsWith("nodes[2]: node 'orphan' is unreachable"))
        .anySatisfy(p -> assertThat(p).startsWith("nodes[3]: node 'stuck' has no outgoing edge"))
        .anySatisfy(p -> assertThat(p).startsWith("policies[clasify]: policy for unknown node"));
    assertThat(problems.get(0).message()).contains("did you mean 'summarize'?");
  }

  @Test
  void missingOrUnknownStartNodeIsAProblemAtStartNode() {
    WorkflowDefinition noStart =
        WorkflowDefinition.builder("s").node(llm("a", "Hi")).edge("a", EdgeDefinition.END).build();
    WorkflowDefinition unknownStart = noStart.toBuilder().startNode("b").build();

    assertThat(compileProblems(noStart, catalog))
        .extracting(ValidationProblem::location)
        .contains("startNode");
    assertThat(compileProblems(unknownStart, catalog))
        .anySatisfy(
            p -> {
              assertThat(p.location()).isEqualTo("startNode");
              assertThat(p.message()).contains("unknown node 'b'");
            });
  }

  @Test
  void theEndMisspeltGetsAHint() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("e")
            .startNode("a")
            .node(llm("a", "Hi"))
            .edge("a", "end")
            .build();

    assertThat(compileProblems(definition, catalog))
        .anySatisfy(p -> assertThat(p.message()).contains("the end is written __end__"));
  }

  @Test
  void duplicateAndInvalidNodeIdsAreProblemsAtTheirNodes() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("ids")
            .startNode("a")
            .node(llm("a", "Hi"))
            .node(llm("a", "Again"))
            .node(llm("9lives", "Cat"))
            .edge("a", EdgeDefinition.END)
            .edge("9lives", EdgeDefinition.END)
            .build();

    List<ValidationProblem> problems = compileProblems(definition, catalog);

    assertThat(problems)
        .extracting(ValidationProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("nodes[1]: duplicate node id 'a'"))
        .anySatisfy(p -> assertThat(p).startsWith("nodes[2]: node id '9lives' is invalid"));
  }

  @Test
  void conditionalEdgesWithSeveralFallbacksAreAProblemAtTheNode() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("fallbacks")
            .startNode("a")
            .node(llm("a", "Hi"))
            .node(llm("b", "B"))
            .edge(EdgeDefinition.when("a", "b", "state.x == 1"))
            .edge("a", "b")
            .edge("a", EdgeDefinition.END)
            .edge("b", EdgeDefinition.END)
            .build();

    ValidationProblem problem = onlyProblem(definition, catalog);

    assertThat(problem.location()).isEqualTo("nodes[0]");
    assertThat(problem.message()).contains("keep at most one unconditional edge");
  }

  @Test
  void conditionOnAnEdgeFromTheStartIsAProblem() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("start")
            .node(llm("a", "Hi"))
            .edge(EdgeDefinition.when(Workflow.START, "a", "state.go"))
            .edge("a", EdgeDefinition.END)
            .build();

    assertThat(compileProblems(definition, catalog))
        .anySatisfy(
            p -> {
              assertThat(p.location()).isEqualTo("edges[0]");
              assertThat(p.message()).contains("from the start cannot have a condition");
            });
  }

  @Test
  void loopWithoutExitIsAProblem() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("loop")
            .startNode("a")
            .node(llm("a", "A"))
            .node(llm("b", "B"))
            .edge("a", "b")
            .edge("b", "a")
            .build();

    assertThat(compileProblems(definition, catalog))
        .extracting(ValidationProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("nodes[0]: node 'a' can never reach __end__"))
        .anySatisfy(p -> assertThat(p).startsWith("nodes[1]: node 'b' can never reach __end__"));
  }

  @Test
  void brokenFanOutIsAProblem() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("fan")
            .startNode("split")
            .node(llm("split", "S"))
            .node(llm("left", "L"))
            .node(llm("right", "R"))
            .node(llm("joinA", "A"))
            .node(llm("joinB", "B"))
            .edge("split", "left")
            .edge("split", "right")
            .edge("left", "joinA")
            .edge("right", "joinB")
            .edge("joinA", EdgeDefinition.END)
            .edge("joinB", EdgeDefinition.END)
            .build();

    ValidationProblem problem = onlyProblem(definition, catalog);

    assertThat(problem.location()).isEqualTo("nodes[0]");
    assertThat(problem.message()).contains("must all lead to the same join node");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    WorkflowDefinition definition =
        WorkflowDefinition.builder("many problems")
            .startNode("first")
            .node(NodeDefinition.of("first", "lmm", Map.of()))
            .node(NodeDefinition.of("second", NodeTypes.LLM, Map.of("promt", "x", "model", "gpt")))
            .node(NodeDefinition.of("third", NodeTypes.TOOL, Map.of("tool", "mail.sned")))
            .node(
                NodeDefinition.of("fourth", NodeTypes.TRANSFORM, Map.of("set", Map.of("x", "1 +"))))
            .edge("first", "second")
            .edge(EdgeDefinition.when("second", "third", "state.x +"))
            .edge("second", "fourth")
            .edge("third", "nowhere")
            .edge("fourth", EdgeDefinition.END)
            .build();

    WorkflowValidationException failure =
        catchThrowableOfType(
            WorkflowValidationException.class, () -> Workflows.compile(definition, catalog));

    assertThat(failure.problems())
        .extracting(ValidationProblem::location)
        .contains(
            "id",
            "nodes[0].type",
            "nodes[1].config.promt",
            "nodes[1].config.prompt",
            "nodes[1].config.model",
            "nodes[2].config.tool",
            "nodes[3].config.set.x",
            "edges[1].when",
            "edges[3]");
    assertThat(failure.getMessage())
        .startsWith(
            "workflow definition 'many problems' is invalid ("
                + failure.problems().size()
                + " problems):")
        .contains("  - edges[3]: edge to unknown node 'nowhere'");
    assertThat(Workflows.validate(definition, catalog)).isEqualTo(failure.problems());
  }

  private static NodeDefinition llm(String id, String prompt) {
    return NodeDefinition.of(id, NodeTypes.LLM, Map.of("prompt", prompt));
  }

  /** The nodes in a chain from the first to the end. */
  private static WorkflowDefinition chain(NodeDefinition... nodes) {
    WorkflowDefinition.Builder builder =
        WorkflowDefinition.builder("chain").startNode(nodes[0].id());
    for (int i = 0; i < nodes.length; i++) {
      builder
          .node(nodes[i])
          .edge(nodes[i].id(), i + 1 < nodes.length ? nodes[i + 1].id() : EdgeDefinition.END);
    }
    return builder.build();
  }

  /** start -> a, then a -> __end__ when {@code condition}, else a -> __end__ too. */
  private static WorkflowDefinition branch(String condition) {
    return WorkflowDefinition.builder("branch")
        .startNode("a")
        .node(llm("a", "Hi"))
        .node(llm("b", "B"))
        .edge(EdgeDefinition.when("a", "b", condition))
        .edge("a", EdgeDefinition.END)
        .edge("b", EdgeDefinition.END)
        .build();
  }

  private static WorkflowDefinition rename(WorkflowDefinition definition, String id) {
    return new WorkflowDefinition(
        id,
        definition.name(),
        definition.description(),
        definition.version(),
        definition.startNode(),
        definition.nodes(),
        definition.edges(),
        definition.agents(),
        definition.policies(),
        definition.state(),
        definition.metadata());
  }
}
