package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerEdgeCasesTest {

  @Test
  void jsonAnswersWrappedInACodeFenceAreUnwrapped() {
    Catalog catalog =
        Catalog.builder()
            .defaultModel(
                DefinitionTestDoubles.FakeChatModel.answering(
                    "```json\n{\"urgency\": \"high\"}\n```"))
            .build();
    WorkflowDefinition definition =
        WorkflowDefinition.builder("fenced")
            .startNode("classify")
            .node(
                NodeDefinition.of(
                    "classify",
                    NodeTypes.LLM,
                    Map.of("prompt", "Classify", "schema", Map.of("type", "object"))))
            .edge("classify", "__end__")
            .build();

    RunResult result = Workflows.compile(definition, catalog).invoke(Map.of());

    assertThat(result.state().getMap("classify")).containsEntry("urgency", "high");
  }

  @Test
  void codeFencesAreOnlyRemovedWhenTheyWrapTheWholeAnswer() {
    assertThat(LlmNode.withoutCodeFence("```\n[1, 2]\n```")).isEqualTo("[1, 2]");
    assertThat(LlmNode.withoutCodeFence("  {\"a\": 1}  ")).isEqualTo("{\"a\": 1}");
    assertThat(LlmNode.withoutCodeFence("see ```json {} ```")).isEqualTo("see ```json {} ```");
  }

  @Test
  void anAgentFactoryThatBuildsNothingIsReported() {
    Catalog catalog =
        Catalog.builder()
            .defaultModel(DefinitionTestDoubles.FakeChatModel.answering("x"))
            .agentFactory((agent, node, c) -> null)
            .build();

    List<ValidationProblem> problems = Workflows.validate(agentDefinition(""), catalog);

    assertThat(problems)
        .containsExactly(
            new ValidationProblem(
                "nodes[0].config.agent",
                "the catalog's agent factory built nothing for agent 'helper'"));
  }

  @Test
  void agentSystemPromptsMustBeWellFormedTemplates() {
    Catalog catalog =
        Catalog.builder()
            .defaultModel(DefinitionTestDoubles.FakeChatModel.answering("x"))
            .agentFactory((agent, node, c) -> state -> Map.of())
            .build();

    List<ValidationProblem> problems = Workflows.validate(agentDefinition("Help {{user"), catalog);

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.location()).isEqualTo("agents[0].systemPrompt");
              assertThat(problem.message()).startsWith("unclosed '{{' at position 6");
            });
  }

  @Test
  void builderProblemsAboutPoliciesComeInDeclarationOrder() {
    WorkflowBuilder builder =
        Workflow.builder("ordered").node("a", state -> Map.of()).start("a").edge("a", Workflow.END);
    List<String> missing = List.of("zeta", "alpha", "mid", "beta", "omega", "gamma");
    missing.forEach(node -> builder.policy(node, NodePolicy.NONE));

    List<ValidationProblem> problems =
        org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.workflowengine.api.WorkflowValidationException.class, builder::build)
            .problems();

    assertThat(problems)
        .extracting(ValidationProblem::location)
        .containsExactlyElementsOf(missing.stream().map(n -> "policies[" + n + "]").toList());
  }

  @Test
  void humanStepsReadTheirTimeoutAndTheAnswerGivenOnTimeout() {
    Workflow workflow =
        Workflows.compile(
            humanDefinition(
                Map.of(
                    "input", Map.of("approved", "boolean"),
                    "timeout", "PT2H",
                    "onTimeout", Map.of("approved", false))),
            Catalog.empty());

    HumanStep step = workflow.humanStep("ask").orElseThrow();
    assertThat(step.timeout()).contains(java.time.Duration.ofHours(2));
    assertThat(step.timeoutAnswer()).contains(Map.of("approved", false));
  }

  @Test
  void humanStepTimeoutSettingsAreChecked() {
    assertThat(Workflows.validate(humanDefinition(Map.of("timeout", "2 hours")), Catalog.empty()))
        .containsExactly(
            new ValidationProblem(
                "nodes[0].config.timeout", "'2 hours' is not an ISO-8601 duration such as PT24H"));
    assertThat(
            Workflows.validate(
                humanDefinition(Map.of("onTimeout", Map.of("approved", true))), Catalog.empty()))
        .containsExactly(
            new ValidationProblem(
                "nodes[0].config.onTimeout",
                "needs a timeout; add \"timeout\", for example \"PT24H\""));
    assertThat(
            Workflows.validate(
                humanDefinition(
                    Map.of(
                        "input", Map.of("approved", "boolean"),
                        "timeout", "PT1H",
                        "onTimeout", Map.of("approved", "yes"))),
                Catalog.empty()))
        .containsExactly(
            new ValidationProblem(
                "nodes[0].config.onTimeout", "the timeout answer's 'approved' must be a Boolean"));
  }

  private static WorkflowDefinition humanDefinition(Map<String, Object> config) {
    return WorkflowDefinition.builder("ask-person")
        .startNode("ask")
        .node(NodeDefinition.of("ask", NodeTypes.HUMAN, config))
        .edge("ask", "__end__")
        .build();
  }

  private static WorkflowDefinition agentDefinition(String systemPrompt) {
    return WorkflowDefinition.builder("with-agent")
        .startNode("ask")
        .agent(AgentDefinition.builder("helper").systemPrompt(systemPrompt).build())
        .node(NodeDefinition.of("ask", NodeTypes.AGENT, Map.of("agent", "helper")))
        .edge("ask", "__end__")
        .build();
  }
}
