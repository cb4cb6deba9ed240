package dev.workflowengine.core.agent;

import static dev.workflowengine.core.agent.FakeModels.call;
import static dev.workflowengine.core.agent.FakeModels.calls;
import static dev.workflowengine.core.agent.FakeModels.text;
import static dev.workflowengine.core.agent.FakeModels.toolResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflows;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agents declared in JSON definitions, compiled by a catalog with no factory set. */
class StandardAgentFactoryTest {

  private static final AgentTool WEATHER =
      AgentTool.of(
          ToolSpecification.builder()
              .name("weather.today")
              .description("Today's weather in a city")
              .parameters(
                  JsonObjectSchema.builder().addStringProperty("city").required("city").build())
              .build(),
          arguments -> "sunny in " + arguments.get("city"));

  private static WorkflowDefinition definition(String agentConfig) {
    return Workflows.parse(
        """
        {"id": "weather", "version": 1, "startNode": "ask",
         "agents": [{"id": "forecaster", "model": "small",
                     "systemPrompt": "You forecast for {{user}}.",
                     "tools": ["weather.today"], "config": %s}],
         "nodes": [{"id": "ask", "type": "agent",
                    "config": {"agent": "forecaster", "prompt": "Weather in {{city}}?",
                               "output": "forecast"}}],
         "edges": [{"from": "ask", "to": "__end__"}]}
        """
            .formatted(agentConfig));
  }

  @Test
  void aDeclaredAgentRunsAsAnAgentWithTheCatalogsModelAndTools() {
    var model =
        new FakeModels.Scripted(
            calls(call("1", "weather.today", "{\"city\":\"Oslo\"}")), text("Sunny, take a hat"));
    Catalog catalog = Catalog.builder().model("small", model).tool(WEATHER).build();

    RunResult result =
        Workflows.compile(definition("{\"maxToolRounds\": 1, \"memoryWindow\": 4}"), catalog)
            .invoke(Map.of("user", "Ada", "city", "Oslo"));

    assertThat(catalog.agentFactory()).isSameAs(StandardAgentFactory.instance());
    assertThat(result.state().getString("forecast")).isEqualTo("Sunny, take a hat");
    assertThat(result.state().has("forecaster_memory")).isTrue();
    assertThat(model.request(0).messages())
        .containsExactly(
            SystemMessage.from("You forecast for Ada."), UserMessage.from("Weather in Oslo?"));
    assertThat(toolResults(model.request(1)))
        .extracting(ToolExecutionResultMessage::text)
        .containsExactly("sunny in Oslo");
  }

  @Test
  void theDeclaredCapOnToolRoundsIsApplied() {
    var model = FakeModels.Scripted.always(calls(call("1", "weather.today", "{\"city\":\"x\"}")));
    Catalog catalog = Catalog.builder().model("small", model).tool(WEATHER).build();
    var workflow = Workflows.compile(definition("{\"maxToolRounds\": 1}"), catalog);

    assertThatThrownBy(() -> workflow.invoke(Map.of("user", "Ada", "city", "Oslo")))
        .hasMessageContaining("cap of 1 tool rounds");
    assertThat(model.requests).hasSize(2);
  }

  @Test
  void unknownOrInvalidSettingsAreValidationProblemsAtTheNode() {
    Catalog catalog =
        Catalog.builder().model("small", new FakeModels.Scripted()).tool(WEATHER).build();

    assertThatThrownBy(
            () ->
                Workflows.compile(
                    definition("{\"maxToolRounds\": 0, \"temperature\": 0.2}"), catalog))
        .isInstanceOfSatisfying(
            WorkflowValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationProblem::message)
                    .anySatisfy(m -> assertThat(m).contains("maxToolRounds must be a positive"))
                    .anySatisfy(m -> assertThat(m).contains("unknown settings [temperature]")));
  }

  @Test
  void theFactoryRefusesWhatTheCatalogLacks() {
    var agent =
        dev.workflowengine.api.definition.AgentDefinition.builder("a")
            .model("missing")
            .tools("nope")
            .build();
    var node = new dev.workflowengine.core.AgentNode("n", java.util.Optional.empty(), "out");

    assertThatThrownBy(() -> StandardAgentFactory.instance().create(agent, node, Catalog.empty()))
        .isInstanceOfSatisfying(
            WorkflowValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationProblem::location)
                    .containsExactly("model", "tools"));
  }

  @Test
  void aDeclaredOutputSchemaGivesStructuredOutputWithItsRepair() {
    var model =
        new FakeModels.Scripted(
            calls(call("1", "weather.today", "{\"city\":\"Oslo\"}")),
            text("{\"sky\": 3}"),
            text("{\"sky\": \"sunny\"}"));
    Catalog catalog = Catalog.builder().model("small", model).tool(WEATHER).build();
    String schema =
        "{\"outputSchema\": {\"type\": \"object\", \"properties\": {\"sky\": {\"type\":"
            + " \"string\"}}, \"required\": [\"sky\"]}}";

    RunResult result =
        Workflows.compile(definition(schema), catalog)
            .invoke(Map.of("user", "Ada", "city", "Oslo"));

    assertThat(result.state().getMap("forecast")).isEqualTo(Map.of("sky", "sunny"));
    assertThat(model.requests).hasSize(3);
    assertThat(model.request(0).responseFormat().jsonSchema().rootElement())
        .isInstanceOf(dev.langchain4j.model.chat.request.json.JsonRawSchema.class);
  }

  @Test
  void anOutputSchemaThatIsNotAnObjectIsAProblem() {
    Catalog catalog =
        Catalog.builder().model("small", new FakeModels.Scripted()).tool(WEATHER).build();

    assertThatThrownBy(() -> Workflows.compile(definition("{\"outputSchema\": \"sky\"}"), catalog))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("outputSchema must be a non-empty JSON Schema object");
  }

  @Test
  void aDeclarationsProblemsAreReportedOnceAtTheDeclarationNotAgainAtTheNode() {
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "w", "version": 1, "startNode": "ask",
             "agents": [{"id": "f", "model": "nope", "tools": ["t"]}],
             "nodes": [{"id": "ask", "type": "agent", "config": {"agent": "f"}}],
             "edges": [{"from": "ask", "to": "__end__"}]}
            """);

    assertThat(Workflows.validate(definition, Catalog.empty()))
        .extracting(ValidationProblem::location)
        .containsExactly("agents[0].model", "agents[0].tools[0]");
  }
}
