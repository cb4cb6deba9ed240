package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The checkpoint log a run writes, and runs restored and continued from it. */
class CheckpointingTest {

  private static final String END = Workflow.END;

  private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();

  private RunOptions options(String runId) {
    return RunOptions.builder().runId(runId).checkpointStore(store).build();
  }

  private static Workflow chainOfThree() {
    return Workflow.builder("chain")
        .node("a", s -> Map.of("a", 1))
        .node("b", s -> Map.of("b", "two"))
        .node("c", s -> Map.of("c", List.of(3)))
        .start("a")
        .edge("a", "b")
        .edge("b", "c")
        .edge("c", END)
        .build();
  }

  @Test
  void writesASnapshotThenOneUpdatePerNode() {
    chainOfThree().invoke(Map.of("in", "x"), options("r1"));

    List<Checkpoint> log = store.load("r1");

    assertThat(log).extracting(Checkpoint::step).containsExactly(0L, 1L, 2L, 3L);
    assertThat(log)
        .extracting(Checkpoint::kind)
        .containsExactly(
            Checkpoint.Kind.SNAPSHOT,
            Checkpoint.Kind.UPDATE,
            Checkpoint.Kind.UPDATE,
            Checkpoint.Kind.UPDATE);
    assertThat(log).extracting(Checkpoint::executionId).containsOnly("r1");
    assertThat(log)
        .extracting(Checkpoint::nodeId)
        .containsExactly(Optional.empty(), Optional.of("a"), Optional.of("b"), Optional.of("c"));
    assertThat(log)
        .extracting(Checkpoint::nextNodeId)
        .containsExactly(Optional.of("a"), Optional.of("b"), Optional.of("c"), Optional.empty());
    assertThat(log)
        .extracting(Checkpoint::json)
        .containsExactly("{\"in\":\"x\"}", "{\"a\":1}", "{\"b\":\"two\"}", "{\"c\":[3]}");
  }

  /** Regression: the last entry of a finished run named __end__ as its next node. */
  @Test
  void restoreEqualsTheFinalPosition() {
    Workflow workflow = chainOfThree();
    RunResult result = workflow.invoke(Map.of("in", "x"), options("r1"));

    Optional<RunPosition> restored = workflow.restore("r1", store);

    assertThat(restored).contains(result.position());
    assertThat(restored.orElseThrow().isFinished()).isTrue();
    assertThat(workflow.restore("unknown", store)).isEmpty();
  }

  @Test
  void aLoopWithAnAppendReducerReplaysToTheSameList() {
    Workflow workflow =
        Workflow.builder("loop")
            .node("add", s -> Map.of("items", List.of("x", "x"), "n", s.getInt("n") + 1))
            .start("add")
            .route("add", s -> s.getInt("n") < 4 ? "add" : END, "add", END)
            .reducer("items", Reducers.append())
            .build();

    RunResult result = workflow.invoke(Map.of("n", 0, "items", List.of("start")), options("r"));
    RunPosition restored = workflow.restore("r", store).orElseThrow();

    assertThat(result.state().getList("items", String.class)).hasSize(9);
    assertThat(restored.state()).isEqualTo(result.state().asMap());
    assertThat(restored).isEqualTo(result.position());
  }

  @Test
  void aLargeStateIsSnapshottedOnceAndLaterEntriesStaySmall() {
    String large = "x".repeat(1_000_000);
    WorkflowBuilder builder = Workflow.builder("big");
    for (int i = 1; i <= 20; i++) {
      String id = "n" + i;
      builder.node(id, s -> Map.of(id, s.getString("doc").length()));
      builder.edge(i == 1 ? Workflow.START : "n" + (i - 1), id);
    }
    Workflow workflow = builder.edge("n20", END).build();

    RunResult result = workflow.invoke(Map.of("doc", large), options("r"));

    List<Checkpoint> log = store.load("r");
    assertThat(log).hasSize(21);
    assertThat(log.get(0).size()).isEqualTo(large.length() + "{\"doc\":\"\"}".length());
    assertThat(log.subList(1, 21)).allSatisfy(entry -> assertThat(entry.size()).isLessThan(20));
    assertThat(log.subList(1, 21))
        .extracting(Checkpoint::kind)
        .containsOnly(Checkpoint.Kind.UPDATE);
    assertThat(workflow.restore("r", store)).contains(result.position());
  }

  @Test
  void writesANewSnapshotWhenUpdatesOutgrowTheLastOne() {
    String chunk = "y".repeat(10_000);
    Workflow workflow =
        Workflow.builder("grow")
            .node("add", s -> Map.of("chunks", chunk, "n", s.getInt("n") + 1))
            .start("add")
            .route("add", s -> s.getInt("n") < 5 ? "add" : END, "add", END)
            .reducer("chunks", Reducers.append())
            .build();

    RunResult result = workflow.invoke(Map.of("n", 0), options("r"));

    List<Checkpoint> log = store.load("r");
    assertThat(log.get(0).kind()).isEqualTo(Checkpoint.Kind.SNAPSHOT);
    assertThat(log.get(0).step()).isGreaterThan(0);
    assertThat(workflow.restore("r", store)).contains(result.position());
  }

  /** n1 -> ... -> n5, counting calls per node; n4 throws while {@code n4Broken}. */
  private static Workflow five(AtomicInteger[] calls, boolean n4Broken) {
    WorkflowBuilder builder = Workflow.builder("five");
    for (int i = 1; i <= 5; i++) {
      int n = i;
      builder.node(
          "n" + n,
          s -> {
            calls[n].incrementAndGet();
            if (n == 4 && n4Broken) {
              throw new IOException("service down");
            }
            return Map.of("n" + n, n);
          });
      builder.edge(n == 1 ? Workflow.START : "n" + (n - 1), "n" + n);
    }
    return builder.edge("n5", END).build();
  }

  @Test
  void aRunThatFailedIsContinuedWithoutRerunningFinishedNodes() {
    AtomicInteger[] calls = new AtomicInteger[6];
    for (int i = 0; i <= 5; i++) {
      calls[i] = new AtomicInteger();
    }
    assertThatThrownBy(() -> five(calls, true).invoke(Map.of(), options("r")))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasMessage("node 'n4' of workflow 'five' failed: service down");

    Workflow fixed = five(calls, false); // as a new process would build it
    RunPosition position = fixed.restore("r", store).orElseThrow();
    RunResult result = fixed.resume(position, Map.of(), options("r"));

    assertThat(position)
        .isEqualTo(new RunPosition(Map.of("n1", 1, "n2", 2, "n3", 3), "n3", Optional.of("n4"), 3));
    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.path()).containsExactly("n4", "n5");
    assertThat(result.state().asMap())
        .isEqualTo(Map.of("n1", 1, "n2", 2, "n3", 3, "n4", 4, "n5", 5));
    assertThat(calls).extracting(AtomicInteger::get).containsExactly(0, 1, 1, 1, 2, 1);
    assertThat(store.load("r"))
        .extracting(Checkpoint::step)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(fixed.restore("r", store)).contains(result.position());
  }

  @Test
  void aWaitingRunRestoredFromTheStoreCompletesWithTheInput() {
    Workflow workflow =
        Workflow.builder("approve")
            .node("draft", s -> Map.of("draft", "text"))
            .human("ok", HumanStep.builder().requireInput("approved", Boolean.class).build())
            .node("send", s -> Map.of("sent", s.getBoolean("approved")))
            .start("draft")
            .edge("draft", "ok")
            .edge("ok", "send")
            .edge("send", END)
            .build();
    RunResult waiting = workflow.invoke(Map.of(), options("r"));

    RunPosition restored = workflow.restore("r", store).orElseThrow();
    RunResult done = workflow.resume(restored, Map.of("approved", true), options("r"));

    assertThat(restored).isEqualTo(waiting.position());
    assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(done.state().asMap())
        .isEqualTo(Map.of("draft", "text", "approved", true, "sent", true));
    assertThat(store.load("r"))
        .extracting(Checkpoint::nodeId)
        .containsExactly(
            Optional.empty(), Optional.of("draft"), Optional.of("ok"), Optional.of("send"));
  }

  /** Regression: the conflict was rethrown as "the graph engine failed". */
  @Test
  void aSecondWriterOfTheSameStepLoses() {
    Workflow workflow = chainOfThree();
    RunResult first = workflow.invoke(Map.of(), options("r"));
    RunPosition afterA = new RunPosition(Map.of("a", 1), "a", Optional.of("b"), 1);

    assertThatThrownBy(() -> workflow.resume(afterA, Map.of(), options("r")))
        .isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("already has checkpoint step 2");
    assertThat(workflow.restore("r", store)).contains(first.position());
  }

  @Test
  void aValueThatIsNotJsonFailsNamingTheNode() {
    Workflow workflow =
        Workflow.builder("w")
            .node("a", s -> Map.of("ok", 1))
            .node("bad", s -> Map.of("thread", new Object()))
            .node("after", s -> Map.of())
            .start("a")
            .edge("a", "bad")
            .edge("bad", "after")
            .edge("after", END)
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of(), options("r")))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).contains("bad"))
        .hasMessageStartingWith("the state written by node 'bad' cannot be checkpointed as JSON");
    assertThat(store.load("r")).extracting(Checkpoint::step).containsExactly(0L, 1L);
  }

  @Test
  void aFanOutIsOneUpdateThatReplaysThroughTheReducer() {
    Workflow workflow =
        Workflow.builder("par")
            .node("s", st -> Map.of("log", "s"))
            .node("a", st -> Map.of("log", List.of("a", "a")))
            .node("b", st -> Map.of("log", "b"))
            .node("j", st -> Map.of("log", "j"))
            .start("s")
            .edge("s", "a")
            .edge("s", "b")
            .edge("a", "j")
            .edge("b", "j")
            .edge("j", END)
            .reducer("log", Reducers.append())
            .build();

    RunResult result = workflow.invoke(Map.of(), options("r"));

    assertThat(store.load("r"))
        .extracting(Checkpoint::json)
        .containsExactly(
            "{}", "{\"log\":\"s\"}", "{\"log\":[\"a\",\"a\",\"b\"]}", "{\"log\":\"j\"}");
    assertThat(result.state().getList("log", String.class))
        .containsExactly("s", "a", "a", "b", "j");
    assertThat(workflow.restore("r", store)).contains(result.position());
  }

  /** Regression: checkpoint JSON dropped null map entries. */
  @Test
  void aKeyRemovedByANullUpdateStaysRemovedOnReplay() {
    Workflow workflow =
        Workflow.builder("w")
            .node(
                "clear",
                st -> {
                  Map<String, Object> update = new HashMap<>();
                  update.put("draft", null);
                  update.put("nested", Map.of("keep", 1));
                  return update;
                })
            .start("clear")
            .edge("clear", END)
            .build();
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("a", null);

    RunResult result =
        workflow.invoke(Map.of("draft", "old", "other", 1, "json", withNull), options("r"));

    assertThat(result.state().asMap()).doesNotContainKey("draft");
    assertThat(workflow.restore("r", store)).contains(result.position());
  }
}
