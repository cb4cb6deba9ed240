package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The pieces an engine builds on: begin, pause, node limits, node contexts. */
class DurableRunTest {

  private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
  private final List<String> ran = new ArrayList<>();

  private Workflow chain() {
    return Workflow.builder("chain")
        .version(3)
        .node("a", state -> step("a"))
        .node("b", state -> step("b"))
        .node("c", state -> step("c"))
        .start("a")
        .edge("a", "b")
        .edge("b", "c")
        .edge("c", Workflow.END)
        .reducer("seen", Reducers.append())
        .requireInput("topic")
        .build();
  }

  private Map<String, Object> step(String node) {
    ran.add(node);
    return Map.of("seen", node);
  }

  @Test
  void beginCheckpointsTheInputWithoutRunningAnything() {
    Workflow workflow = chain();

    RunPosition position =
        workflow.begin("run-1", Map.of("topic", "x", "seen", List.of("in")), store);

    assertThat(ran).isEmpty();
    assertThat(position.lastNodeId()).isEqualTo(Workflow.START);
    assertThat(position.nextNodeId()).contains("a");
    assertThat(position.step()).isZero();
    assertThat(store.load("run-1"))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.kind()).isEqualTo(Checkpoint.Kind.SNAPSHOT);
              assertThat(entry.nextNodeId()).contains("a");
            });
    assertThat(workflow.restore("run-1", store)).contains(position);
    assertThat(workflow.version()).isEqualTo(3);
  }

  @Test
  void aBegunRunIsRunByRestoringAndResuming() {
    Workflow workflow = chain();
    workflow.begin("run-2", Map.of("topic", "x"), store);

    RunPosition position = workflow.restore("run-2", store).orElseThrow();
    RunResult result =
        workflow.resume(
            position, Map.of(), RunOptions.builder().runId("run-2").checkpointStore(store).build());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.state().getList("seen", String.class)).containsExactly("a", "b", "c");
    assertThat(workflow.restore("run-2", store).orElseThrow().isFinished()).isTrue();
  }

  @Test
  void beginRefusesBadInputAndASecondBeginOfTheSameRun() {
    Workflow workflow = chain();

    assertThatThrownBy(() -> workflow.begin("run-3", Map.of(), store))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("input.topic");
    workflow.begin("run-3", Map.of("topic", "x"), store);
    assertThatThrownBy(() -> workflow.begin("run-3", Map.of("topic", "y"), store))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void maxNodesPausesAtANodeBoundaryAndTheRunContinuesFromThere() {
    Workflow workflow = chain();
    RunOptions twoNodes =
        RunOptions.builder().runId("run-4").checkpointStore(store).maxNodes(2).build();

    RunResult paused = workflow.invoke(Map.of("topic", "x"), twoNodes);

    assertThat(paused.status()).isEqualTo(RunResult.Status.PAUSED);
    assertThat(paused.path()).containsExactly("a", "b");
    assertThat(paused.position().nextNodeId()).contains("c");
    RunResult finished =
        workflow.resume(
            workflow.restore("run-4", store).orElseThrow(),
            Map.of(),
            RunOptions.builder().runId("run-4").checkpointStore(store).build());
    assertThat(finished.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(ran).containsExactly("a", "b", "c");
  }

  @Test
  void pauseWhenStopsBeforeTheNextNode() {
    Workflow workflow = chain();
    AtomicBoolean pause = new AtomicBoolean();
    Workflow pausing =
        Workflow.builder("pausing")
            .node(
                "a",
                state -> {
                  pause.set(true);
                  return Map.of("a", 1);
                })
            .node("b", state -> Map.of("b", 1))
            .start("a")
            .edge("a", "b")
            .edge("b", Workflow.END)
            .build();

    RunResult result = pausing.invoke(Map.of(), RunOptions.builder().pauseWhen(pause::get).build());

    assertThat(result.status()).isEqualTo(RunResult.Status.PAUSED);
    assertThat(result.path()).containsExactly("a");
    assertThat(result.position().nextNodeId()).contains("b");
    assertThat(workflow.humanStep("a")).isEmpty();
  }

  @Test
  void nodesSeeTheirContextWithAnIdempotencyKeyAndCanStreamTokens() {
    List<String> keys = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    Workflow streaming =
        Workflow.builder("streaming")
            .node(
                "answer",
                state -> {
                  NodeContext context = NodeContext.current().orElseThrow();
                  keys.add(context.idempotencyKey());
                  context.token("Hel");
                  context.finalToken("lo", new TokenMetadata("m", 7, "stop"));
                  return Map.of("answer", "Hello");
                })
            .start("answer")
            .edge("answer", Workflow.END)
            .build();
    RunListener listener =
        new RunListener() {
          @Override
          public void token(
              String runId,
              String nodeId,
              int chunkId,
              String chunk,
              boolean isFinal,
              Optional<TokenMetadata> metadata) {
            tokens.add(
                chunkId
                    + ":"
                    + chunk
                    + ":"
                    + isFinal
                    + ":"
                    + metadata.map(TokenMetadata::tokensUsed).orElse(0));
          }
        };

    streaming.invoke(Map.of(), RunOptions.builder().runId("exec-9").listener(listener).build());

    assertThat(keys).containsExactly("exec-9:answer:1");
    assertThat(tokens).containsExactly("0:Hel:false:0", "1:lo:true:7");
    assertThat(NodeContext.current()).isEmpty();
  }

  @Test
  void humanStepTimeoutAnswersMustHoldTheRequiredInput() {
    HumanStep step =
        HumanStep.builder()
            .requireInput("approved", Boolean.class)
            .timeout(java.time.Duration.ofHours(1), Map.of("approved", false))
            .build();

    assertThat(step.timeout()).contains(java.time.Duration.ofHours(1));
    assertThat(step.timeoutAnswer()).contains(Map.of("approved", false));
    assertThatThrownBy(
            () ->
                HumanStep.builder()
                    .requireInput("approved", Boolean.class)
                    .timeout(java.time.Duration.ofHours(1), Map.of("ok", true))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the timeout answer lacks required input 'approved'; add it to the answer");
  }
}
