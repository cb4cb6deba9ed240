package dev.workflowengine.core.generate;

import static dev.workflowengine.core.generate.GeneratorFixtures.VALID;
import static dev.workflowengine.core.generate.GeneratorFixtures.catalog;
import static dev.workflowengine.core.generate.GeneratorFixtures.generator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowGenerationException;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.engine.GeneratedExecution;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sentence in, a stored definition and a finished execution out. */
class GenerateAndStartTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String PROMPT = "Look up a customer's tickets and say if they are busy";

  private final Catalog catalog = catalog(new ScriptedChatModel());
  private final WorkflowEngine engine =
      WorkflowEngine.builder().catalog(catalog).workers(2).build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void theGeneratedWorkflowIsStoredAsTheUsersDefinitionAndRunsToCompletion() {
    ScriptedChatModel model = new ScriptedChatModel("{oops", VALID);

    GeneratedExecution run =
        engine.generateAndStart(
            generator(model, catalog), PROMPT, "alice", Map.of("customer", "Ada"));
    ExecutionRecord record = run.handle().await(PATIENCE);

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.userId()).isEqualTo("alice");
    assertThat(record.workflowId()).isEqualTo("ticket-check");
    assertThat(record.workflowVersion()).isEqualTo(1);
    assertThat(record.output())
        .containsEntry("tickets", "2 open tickets for Ada")
        .containsEntry("busy", true);

    assertThat(run.generated().definition()).isEqualTo(Workflows.parse(VALID));
    assertThat(run.generated().attempts()).hasSize(2);
    StoredWorkflow stored = engine.definition("ticket-check", "alice").orElseThrow();
    assertThat(stored).isEqualTo(run.stored());
    assertThat(stored.ownerId()).isEqualTo("alice");
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.definition().nodes()).isEqualTo(run.generated().definition().nodes());
    assertThat(stored.definition().metadata())
        .containsEntry(
            "generatedFrom",
            Map.of(
                "prompt",
                PROMPT,
                "model",
                "llama3.2",
                "createdAt",
                GeneratorFixtures.NOW.toString(),
                "attempts",
                2L));
    assertThat(engine.definition("ticket-check", "bob")).isEmpty();
  }

  @Test
  void generatingAgainStoresTheNextVersionAndRunsIt() {
    ScriptedChatModel model = new ScriptedChatModel(VALID, VALID);
    WorkflowGenerator generator = generator(model, catalog);

    engine
        .generateAndStart(generator, PROMPT, "alice", Map.of("customer", "Ada"))
        .handle()
        .await(PATIENCE);
    GeneratedExecution second =
        engine.generateAndStart(generator, PROMPT, "alice", Map.of("customer", "Bo"));

    assertThat(second.stored().version()).isEqualTo(2);
    assertThat(second.handle().await(PATIENCE).workflowVersion()).isEqualTo(2);
  }

  @Test
  void whenGenerationFailsNothingIsStoredOrStarted() {
    ScriptedChatModel model = new ScriptedChatModel("no", "still no", "never");

    assertThatThrownBy(
            () ->
                engine.generateAndStart(
                    generator(model, catalog), PROMPT, "alice", Map.of("customer", "Ada")))
        .isInstanceOf(WorkflowGenerationException.class);

    assertThat(engine.definitions("alice", 0, 10)).isEmpty();
    assertThat(engine.history("alice", ExecutionQuery.recent(10)).executions()).isEmpty();
  }
}
