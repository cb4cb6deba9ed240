package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.workflowengine.api.AccessDeniedException;
import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.Workflows;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Workflow definitions stored per user: versions, compilation against the catalog, owners. */
class StoredDefinitionsTest {

  private final AtomicInteger greetings = new AtomicInteger();
  private final Catalog catalog =
      Catalog.builder()
          .agent(
              "greeter",
              state -> {
                greetings.incrementAndGet();
                return Map.of("greeting", "Hello, " + state.getString("name"));
              })
          .build();
  private final WorkflowEngine engine =
      WorkflowEngine.builder().catalog(catalog).workers(2).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static Workflow approval() {
    return Workflow.builder("approval")
        .node("draft", state -> Map.of("draft", "text"))
        .human("approve", HumanStep.builder().requireInput("approved", Boolean.class).build())
        .start("draft")
        .edge("draft", "approve")
        .edge("approve", Workflow.END)
        .build();
  }

  private static WorkflowDefinition definition(String id, String nodeJson) {
    return Workflows.parse(
        "{\"id\": \""
            + id
            + "\", \"startNode\": \"greet\", \"nodes\": ["
            + nodeJson
            + "], \"edges\": [{\"from\": \"greet\", \"to\": \"__end__\"}],"
            + " \"state\": {\"name\": {\"required\": true}}}");
  }

  private static final String AGENT_NODE =
      "{\"id\": \"greet\", \"type\": \"agent\", \"config\": {\"agent\": \"greeter\"}}";
  private static final String TRANSFORM_NODE =
      "{\"id\": \"greet\", \"type\": \"transform\","
          + " \"config\": {\"set\": {\"greeting\": \"'Hi, ' + state.name\"}}}";

  @Test
  void storedDefinitionsAreVersionedCompiledAgainstTheCatalogAndTheirOwnersAlone()
      throws Exception {
    StoredWorkflow v1 = engine.saveDefinition("alice", definition("hello", AGENT_NODE));
    StoredWorkflow v2 = engine.saveDefinition("alice", definition("hello", TRANSFORM_NODE));
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v1.ownerId()).isEqualTo("alice");
    assertThat(engine.definition("hello", "alice")).contains(v2);
    assertThat(engine.definitions("alice", 0, 10))
        .extracting(StoredWorkflow::version)
        .containsExactly(2);

    ExecutionHandle pinned =
        engine.start(StartRequest.of("hello", Map.of("name", "Ada")).version(1).user("alice"));
    ExecutionHandle latest =
        engine.start(StartRequest.of("hello", Map.of("name", "Ada")).user("alice"));
    assertThat(pinned.await(PATIENCE).output()).containsEntry("greeting", "Hello, Ada");
    assertThat(latest.await(PATIENCE).output()).containsEntry("greeting", "Hi, Ada");
    assertThat(pinned.status().workflowVersion()).isEqualTo(1);
    assertThat(latest.status().workflowVersion()).isEqualTo(2);
    assertThat(greetings.get()).isEqualTo(1);

    // another user neither sees, starts, overwrites nor deletes it
    assertThat(engine.definition("hello", "bob")).isEmpty();
    assertThat(engine.definitions("bob", 0, 10)).isEmpty();
    Throwable theirs =
        catchThrowable(
            () -> engine.start(StartRequest.of("hello", Map.of("name", "x")).user("bob")));
    Throwable unknown =
        catchThrowable(
            () -> engine.start(StartRequest.of("hell0", Map.of("name", "x")).user("bob")));
    assertThat(theirs).isExactlyInstanceOf(NotFoundException.class);
    assertThat(theirs.getMessage().replace("hello", "hell0")).isEqualTo(unknown.getMessage());
    assertThatThrownBy(() -> engine.saveDefinition("bob", definition("hello", TRANSFORM_NODE)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(engine.deleteDefinition("hello", "bob")).isFalse();
    assertThat(engine.definition("hello", "alice")).contains(v2);

    assertThat(engine.deleteDefinition("hello", "alice")).isTrue();
    assertThat(engine.definition("hello", "alice")).isEmpty();
    assertThatThrownBy(
            () -> engine.start(StartRequest.of("hello", Map.of("name", "x")).user("alice")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDefinitionThatDoesNotCompileOrClashesWithARegisteredWorkflowIsNotStored() {
    assertThatThrownBy(
            () ->
                engine.saveDefinition(
                    "alice",
                    definition(
                        "hello",
                        "{\"id\": \"greet\", \"type\": \"agent\", \"config\": {\"agent\": \"nobody\"}}")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("nobody");
    assertThat(engine.definition("hello", "alice")).isEmpty();

    engine.register(approval());
    assertThatThrownBy(() -> engine.saveDefinition("alice", definition("approval", AGENT_NODE)))
        .isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("registered in code");
    assertThat(engine.definitions("alice", 0, 10)).isEmpty();
  }
}
