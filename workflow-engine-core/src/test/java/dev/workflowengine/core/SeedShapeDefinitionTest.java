package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.core.DefinitionTestDoubles.FakeChatModel;
import dev.workflowengine.core.DefinitionTestDoubles.RecordingAgentFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The seeds' workflow shape (seed 002: {@code id}, {@code name}, {@code description}, {@code
 * agents} with ids and capabilities, {@code nodes}, {@code startNode}) is expressible as a
 * definition that parses, compiles and runs.
 */
class SeedShapeDefinitionTest {

  private static final String SEED_002 = "/compiler/seed-002-customer-support.json";

  private final List<Map<String, Object>> sent = new CopyOnWriteArrayList<>();
  private final RecordingAgentFactory agents = new RecordingAgentFactory();
  private final Catalog catalog =
      Catalog.builder()
          .defaultModel(FakeChatModel.answering("unused"))
          .tool(
              DefinitionTestDoubles.tool(
                  "gmail.send_email",
                  List.of("to", "subject", "body"),
                  arguments -> {
                    sent.add(arguments);
                    return "message-id-1";
                  },
                  "to",
                  "body"))
          .agentFactory(agents)
          .build();

  @Test
  void seed002ShapedDefinitionParsesWithAgentsAndCapabilities() {
    WorkflowDefinition definition = Workflows.parse(resource(SEED_002));

    assertThat(definition.id()).isEqualTo("wf-1");
    assertThat(definition.name()).isEqualTo("Customer Support Workflow");
    assertThat(definition.description()).isEqualTo("Handle customer inquiries");
    assertThat(definition.startNode()).isEqualTo("node-1");
    assertThat(definition.agents())
        .extracting(AgentDefinition::id)
        .containsExactly("agent-triage", "agent-support");
    assertThat(definition.agent("agent-triage").orElseThrow().capabilities())
        .containsExactly("classification", "routing");
    assertThat(definition.metadata()).containsKeys("created", "updated");
    assertThat(Workflows.parse(Workflows.toJson(definition))).isEqualTo(definition);
  }

  @Test
  void seed002ShapedDefinitionCompilesAndRuns() {
    Workflow workflow = Workflows.compile(Workflows.parse(resource(SEED_002)), catalog);

    RunResult result =
        workflow.invoke(Map.of("message", "How can I reset my password?", "customer", "c@x.io"));

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.path()).containsExactly("node-1", "node-2", "node-3");
    assertThat(result.state().getString("category"))
        .isEqualTo("agent agent-triage: Classify: How can I reset my password?");
    assertThat(sent)
        .singleElement()
        .satisfies(mail -> assertThat(mail).containsEntry("to", "c@x.io"));
    assertThat(result.state().getString("sent")).isEqualTo("message-id-1");
    assertThat(agents.calls)
        .extracting(call -> call.agent().capabilities())
        .containsExactly(List.of("classification", "routing"), List.of("answering", "email"));
  }

  @Test
  void seedTimestampsAtTheTopLevelAreUnknownPropertiesThatBelongInMetadata() {
    String json =
        resource(SEED_002).replace("\"startNode\"", "\"created\": \"2025-01-01\", \"startNode\"");

    WorkflowValidationException failure =
        catchThrowableOfType(WorkflowValidationException.class, () -> Workflows.parse(json));

    assertThat(failure.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("$.created");
              assertThat(p.message()).contains("unknown property 'created'");
            });
  }

  private static String resource(String name) {
    try (InputStream in = SeedShapeDefinitionTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
