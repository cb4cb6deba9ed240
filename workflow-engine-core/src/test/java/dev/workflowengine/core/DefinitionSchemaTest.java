package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.definition.StateKeyDefinition;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionSchemaTest {

  private static final ChatModel MODEL =
      new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
          return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
        }
      };

  // Regressions: bugs found while writing the schema, pinned so they stay fixed.

  /**
   * FAIL_ON_NULL_FOR_PRIMITIVES made Jackson refuse absent primitive record components, so a
   * definition without "version", a policy without "retries" or a state key without "required"
   * did not parse, although they are documented as optional.
   */
  @Test
  void absentPrimitiveComponentsTakeTheirDefaults() {
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "defaults",
             "policies": {
               "slow": {"timeout": "PT5S"},
               "flaky": {"backoff": {"initialDelay": "PT1S", "maxDelay": "PT4S", "multiplier": 2}}
             },
             "state": {"k": {}}}
            """);

    assertThat(definition.version()).isEqualTo(1);
    assertThat(definition.policies().get("slow"))
        .isEqualTo(NodePolicy.builder().timeout(Duration.ofSeconds(5)).build());
    assertThat(definition.policies().get("flaky").backoff())
        .isEqualTo(new NodePolicy.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 2, 0));
    assertThat(definition.state().get("k")).isEqualTo(StateKeyDefinition.replace());
  }

  /**
   * A null entry in "state" or "policies" parsed, then made validate and compile fail with a
   * NullPointerException instead of a validation problem.
   */
  @Test
  void nullPolicyOrStateEntriesAreRefusedWhileParsing() {
    String graph =
        """
        {"id": "nulls", "startNode": "ask", "nodes": [{"id": "ask", "type": "human"}],
         "edges": [{"from": "ask", "to": "__end__"}], %s}
        """;

    assertThatThrownBy(() -> Workflows.parse(graph.formatted("\"state\": {\"k\": null}")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("state.k is null");
    assertThatThrownBy(() -> Workflows.parse(graph.formatted("\"policies\": {\"ask\": null}")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("policies.ask is null");
  }

  /**
   * With agents declared but no agent factory in the catalog, the agent node was neither
   * compiled nor reported, and validate threw an IllegalStateException.
   */
  @Test
  void declaredAgentsWithoutAnAgentFactoryAreProblemsAtTheirNodes() {
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "no-factory", "version": 1, "startNode": "answer",
             "agents": [{"id": "helper"}],
             "nodes": [{"id": "answer", "type": "agent", "config": {"agent": "helper"}}],
             "edges": [{"from": "answer", "to": "__end__"}]}
            """);
    Catalog catalog = Catalog.builder().defaultModel(MODEL).build();

    assertThat(Workflows.validate(definition, catalog))
        .extracting(ValidationProblem::location)
        .containsExactlyInAnyOrder("agents", "nodes[0].config.agent");
    assertThatThrownBy(() -> Workflows.compile(definition, catalog))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("agent 'helper' is declared in the definition but the catalog has no");
  }

  /**
   * The step that runs a fan-out was named "__fanout__<node>", an id LangGraph4j refuses, so no
   * workflow with parallel branches compiled: "the graph engine rejected the graph".
   */
  @Test
  void aDefinitionWithAParallelFanOutCompilesAndRunsEveryBranch() {
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "fan-out", "version": 1, "startNode": "split",
             "nodes": [
               {"id": "split", "type": "transform", "config": {"set": {"n": "2"}}},
               {"id": "double", "type": "transform", "config": {"set": {"doubled": "state.n * 2"}}},
               {"id": "square", "type": "transform", "config": {"set": {"squared": "state.n * state.n"}}},
               {"id": "join", "type": "transform",
                "config": {"set": {"sum": "state.doubled + state.squared"}}}],
             "edges": [
               {"from": "split", "to": "double"}, {"from": "split", "to": "square"},
               {"from": "double", "to": "join"}, {"from": "square", "to": "join"},
               {"from": "join", "to": "__end__"}]}
            """);

    RunResult result = Workflows.compile(definition, Catalog.empty()).invoke(Map.of());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.path()).containsExactly("split", "double", "square", "join");
    assertThat(result.state().getInt("sum")).isEqualTo(8);
  }
}
