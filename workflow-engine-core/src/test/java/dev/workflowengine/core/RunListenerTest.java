package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a {@link RunListener} hears, in which order, and what its failures do. */
class RunListenerTest {

  private static final String END = Workflow.END;

  private static Workflow chain(NodeAction second) {
    return Workflow.builder("chain")
        .node("a", s -> Map.of("a", 1))
        .node("b", second)
        .node("c", s -> Map.of("c", 3))
        .start("a")
        .edge("a", "b")
        .edge("b", "c")
        .edge("c", END)
        .build();
  }

  @Test
  void hearsEachNodeStartAndCompleteInOrder() {
    RecordingListener listener = new RecordingListener();

    chain(s -> Map.of("b", 2)).invoke(Map.of(), RunOptions.builder().listener(listener).build());

    assertThat(listener.events)
        .containsExactly(
            "started a#1", "completed a#1",
            "started b#1", "completed b#1",
            "started c#1", "completed c#1");
  }

  @Test
  void hearsTheRunIdUpdateAndAFailure() {
    List<String> heard = new CopyOnWriteArrayList<>();
    IOException boom = new IOException("no");
    RunListener listener =
        new RunListener() {
          @Override
          public void nodeStarted(String runId, String nodeId, int attempt) {
            heard.add(runId + " started " + nodeId);
          }

          @Override
          public void nodeCompleted(
              String runId, String nodeId, int attempt, Map<String, Object> update, Duration d) {
            heard.add(runId + " completed " + nodeId + " " + update);
          }

          @Override
          public void nodeFailed(
              String runId, String nodeId, int attempt, Throwable error, boolean willRetry) {
            heard.add(runId + " failed " + nodeId + " " + (error == boom) + " " + willRetry);
          }
        };
    Workflow workflow =
        chain(
            s -> {
              throw boom;
            });

    assertThatThrownBy(
        () ->
            workflow.invoke(Map.of(), RunOptions.builder().runId("r7").listener(listener).build()));

    assertThat(heard)
        .containsExactly(
            "r7 started a", "r7 completed a {a=1}", "r7 started b", "r7 failed b true false");
  }

  @Test
  void hearsACompletedNodeOnlyAfterItsUpdateIsCheckpointed() {
    InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    List<String> seen = new CopyOnWriteArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void nodeCompleted(
              String runId, String nodeId, int attempt, Map<String, Object> update, Duration d) {
            List<Checkpoint> log = store.load(runId);
            seen.add(nodeId + "@" + log.get(log.size() - 1).nodeId().orElse("-"));
          }
        };

    chain(s -> Map.of("b", 2))
        .invoke(
            Map.of(),
            RunOptions.builder().runId("r").checkpointStore(store).listener(listener).build());

    assertThat(seen).containsExactly("a@a", "b@b", "c@c");
  }

  /** Regression: this failure was blamed on the graph engine. */
  @Test
  void aListenerFailingOnCompletionFailsTheRunBeforeTheNextNode() {
    AtomicInteger laterNodes = new AtomicInteger();
    IllegalStateException listenerBug = new IllegalStateException("listener bug");
    RunListener listener =
        new RunListener() {
          @Override
          public void nodeCompleted(
              String runId, String nodeId, int attempt, Map<String, Object> update, Duration d) {
            throw listenerBug;
          }
        };
    Workflow workflow =
        chain(
            s -> {
              laterNodes.incrementAndGet();
              return Map.of();
            });

    assertThatThrownBy(
            () -> workflow.invoke(Map.of(), RunOptions.builder().listener(listener).build()))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).contains("a"))
        .hasMessage(
            "the RunListener failed when told that node 'a' of workflow 'chain' completed:"
                + " listener bug")
        .cause()
        .isSameAs(listenerBug);
    assertThat(laterNodes).hasValue(0);
  }

  @Test
  void aListenerFailingOnStartFailsTheNode() {
    AtomicInteger runs = new AtomicInteger();
    RunListener listener =
        new RunListener() {
          @Override
          public void nodeStarted(String runId, String nodeId, int attempt) {
            throw new IllegalStateException("listener bug");
          }
        };
    Workflow workflow =
        Workflow.builder("w")
            .node(
                "a",
                s -> {
                  runs.incrementAndGet();
                  return Map.of();
                })
            .start("a")
            .edge("a", END)
            .build();

    assertThatThrownBy(
            () -> workflow.invoke(Map.of(), RunOptions.builder().listener(listener).build()))
        .hasMessage("node 'a' of workflow 'w' failed: listener bug");
    assertThat(runs).hasValue(0);
  }

  @Test
  void hearsTheDetailsOfTheSuccessfulAttemptOnly() {
    List<Map<String, Object>> heard = new CopyOnWriteArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void nodeCompleted(
              String runId,
              String nodeId,
              int attempt,
              Map<String, Object> update,
              Duration duration,
              Map<String, Object> details) {
            heard.add(details);
          }
        };
    AtomicInteger attempts = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("details")
            .node(
                "flaky",
                s -> {
                  NodeContext context = NodeContext.current().orElseThrow();
                  int attempt = attempts.incrementAndGet();
                  context.detail("attempt", attempt);
                  if (attempt == 1) {
                    context.detail("only-first", true);
                    throw new IOException("down");
                  }
                  return Map.of("done", true);
                })
            .node("plain", s -> Map.of())
            .start("flaky")
            .edge("flaky", "plain")
            .edge("plain", END)
            .policy(
                "flaky",
                NodePolicy.builder()
                    .retries(2)
                    .backoff(Duration.ofMillis(1), Duration.ofMillis(1))
                    .build())
            .build();

    workflow.invoke(Map.of(), RunOptions.builder().listener(listener).build());

    assertThat(heard).containsExactly(Map.of("attempt", 2), Map.of());
  }

  @Test
  void aListenerWithoutDetailsStillHearsCompletions() {
    RecordingListener listener = new RecordingListener();

    chain(
            s -> {
              NodeContext.current().orElseThrow().detail("k", "v");
              return Map.of("b", 2);
            })
        .invoke(Map.of(), RunOptions.builder().listener(listener).build());

    assertThat(listener.events).contains("completed b#1");
  }
}
