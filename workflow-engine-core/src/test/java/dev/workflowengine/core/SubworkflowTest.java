package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowExecutionException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A workflow run as one node of another. */
class SubworkflowTest {

  private static final String END = Workflow.END;

  @Test
  void aWholeStateChildMergesBackOnlyTheKeysItChanged() {
    AtomicReference<Map<String, Object>> childSaw = new AtomicReference<>();
    Workflow child =
        Workflow.builder("child")
            .node(
                "work",
                s -> {
                  childSaw.set(s.asMap());
                  return Map.of("same", "kept", "changed", "new", "added", 1);
                })
            .start("work")
            .edge("work", END)
            .build();
    Workflow parent =
        Workflow.builder("parent")
            .node("before", s -> Map.of("same", "kept", "changed", "old"))
            .subworkflow("sub", child)
            .node("after", s -> Map.of())
            .start("before")
            .edge("before", "sub")
            .edge("sub", "after")
            .edge("after", END)
            .build();
    RecordingUpdates updates = new RecordingUpdates();

    RunResult result =
        parent.invoke(Map.of("input", "x"), RunOptions.builder().listener(updates).build());

    assertThat(childSaw.get()).isEqualTo(Map.of("input", "x", "same", "kept", "changed", "old"));
    assertThat(updates.of("sub")).isEqualTo(Map.of("changed", "new", "added", 1));
    assertThat(result.state().asMap())
        .isEqualTo(Map.of("input", "x", "same", "kept", "changed", "new", "added", 1));
    assertThat(result.path()).containsExactly("before", "sub", "after");
  }

  @Test
  void mapsSelectedInputsAndOutputs() {
    AtomicReference<Map<String, Object>> childSaw = new AtomicReference<>();
    Workflow child =
        Workflow.builder("summarise")
            .node(
                "sum",
                s -> {
                  childSaw.set(s.asMap());
                  return Map.of("summary", "short " + s.getString("text"), "scratch", 1);
                })
            .start("sum")
            .edge("sum", END)
            .build();
    Workflow parent =
        Workflow.builder("parent")
            .subworkflow("sub", child, Map.of("text", "document"), Map.of("digest", "summary"))
            .start("sub")
            .edge("sub", END)
            .build();

    RunResult result = parent.invoke(Map.of("document", "doc", "other", 2));

    assertThat(childSaw.get()).isEqualTo(Map.of("text", "doc"));
    assertThat(result.state().asMap())
        .isEqualTo(Map.of("document", "doc", "other", 2, "digest", "short doc"));
  }

  @Test
  void aChildFailureNamesTheSubworkflowNodeAndKeepsTheChildsNodeInTheCauseChain() {
    IOException boom = new IOException("child broke");
    Workflow child =
        Workflow.builder("child")
            .node(
                "inner",
                s -> {
                  throw boom;
                })
            .start("inner")
            .edge("inner", END)
            .build();
    Workflow parent =
        Workflow.builder("parent").subworkflow("sub", child).start("sub").edge("sub", END).build();

    assertThatThrownBy(() -> parent.invoke(Map.of()))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class,
            e -> {
              assertThat(e.workflowId()).isEqualTo("parent");
              assertThat(e.nodeId()).contains("sub");
              assertThat(e.getCause())
                  .isInstanceOfSatisfying(
                      WorkflowExecutionException.class,
                      inner -> {
                        assertThat(inner.workflowId()).isEqualTo("child");
                        assertThat(inner.nodeId()).contains("inner");
                        assertThat(inner.getCause()).isSameAs(boom);
                      });
            })
        .hasMessage(
            "node 'sub' of workflow 'parent' failed: node 'inner' of workflow 'child' failed:"
                + " child broke");
  }

  /** Remembers each node's update. */
  private static final class RecordingUpdates implements RunListener {
    private final Map<String, Map<String, Object>> updates = new ConcurrentHashMap<>();

    @Override
    public void nodeCompleted(
        String runId, String nodeId, int attempt, Map<String, Object> update, Duration duration) {
      updates.put(nodeId, Map.copyOf(update));
    }

    Map<String, Object> of(String nodeId) {
      return updates.get(nodeId);
    }
  }

  @Test
  void theChildActsForTheParentsUser() {
    AtomicReference<Object> childUser = new AtomicReference<>();
    Workflow child =
        Workflow.builder("child")
            .node(
                "work",
                s -> {
                  childUser.set(NodeContext.current().orElseThrow().userId());
                  return Map.of();
                })
            .start("work")
            .edge("work", END)
            .build();
    Workflow parent =
        Workflow.builder("parent").subworkflow("sub", child).start("sub").edge("sub", END).build();

    parent.invoke(Map.of(), RunOptions.builder().userId("alice").build());
    assertThat(childUser.get()).isEqualTo(java.util.Optional.of("alice"));

    parent.invoke(Map.of());
    assertThat(childUser.get()).isEqualTo(java.util.Optional.empty());
  }
}
