package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.definition.NodePolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link RunOptions#cancelWhen}: no node starts once it says so. */
class CancellationTest {

  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final AtomicBoolean cancel = new AtomicBoolean();

  /** n1 -> n2 -> n3 -> n4; each records that it ran and writes its own key. */
  private Workflow chain(String cancelAfter) {
    WorkflowBuilder builder = Workflow.builder("chain");
    for (int i = 1; i <= 4; i++) {
      String id = "n" + i;
      builder.node(
          id,
          s -> {
            ran.add(id);
            if (id.equals(cancelAfter)) {
              cancel.set(true);
            }
            return Map.of(id, true);
          });
      builder.edge(i == 1 ? Workflow.START : "n" + (i - 1), id);
    }
    return builder.edge("n4", Workflow.END).build();
  }

  private RunOptions options() {
    return RunOptions.builder().cancelWhen(cancel::get).build();
  }

  @Test
  void cancelledBeforeTheStartRunsNoNode() {
    cancel.set(true);

    RunResult result = chain("none").invoke(Map.of("in", 1), options());

    assertThat(result.status()).isEqualTo(RunResult.Status.CANCELLED);
    assertThat(ran).isEmpty();
    assertThat(result.path()).isEmpty();
    assertThat(result.state().asMap()).isEqualTo(Map.of("in", 1));
    assertThat(result.position().lastNodeId()).isEqualTo(Workflow.START);
    assertThat(result.position().nextNodeId()).contains("n1");
  }

  @Test
  void cancelledAfterANodeStartsNoFurtherNode() {
    RunResult result = chain("n2").invoke(Map.of(), options());

    assertThat(result.status()).isEqualTo(RunResult.Status.CANCELLED);
    assertThat(ran).containsExactly("n1", "n2");
    assertThat(result.path()).containsExactly("n1", "n2");
    assertThat(result.state().asMap()).isEqualTo(Map.of("n1", true, "n2", true));
    assertThat(result.position().lastNodeId()).isEqualTo("n2");
    assertThat(result.position().nextNodeId()).contains("n3");
  }

  @Test
  void aCancelledRunContinuesFromItsPosition() {
    Workflow workflow = chain("n2");
    RunResult cancelled = workflow.invoke(Map.of(), options());
    cancel.set(false);

    RunResult done = workflow.resume(cancelled.position(), Map.of(), options());

    assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(ran).containsExactly("n1", "n2", "n3", "n4");
    assertThat(done.path()).containsExactly("n3", "n4");
  }

  @Test
  void cancellationStopsRetrying() {
    AtomicInteger attempts = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("w")
            .node(
                "flaky",
                s -> {
                  attempts.incrementAndGet();
                  cancel.set(true);
                  throw new IOException("down");
                })
            .start("flaky")
            .edge("flaky", Workflow.END)
            .policy(
                "flaky",
                NodePolicy.builder()
                    .retries(5)
                    .backoff(Duration.ofMillis(1), Duration.ofMillis(1))
                    .build())
            .build();

    RunResult result = workflow.invoke(Map.of(), options());

    assertThat(result.status()).isEqualTo(RunResult.Status.CANCELLED);
    assertThat(attempts).hasValue(1);
    assertThat(result.position().nextNodeId()).contains("flaky");
  }

  @Test
  void aRunCancelledBeforeAFanOutContinuesWithIt() {
    Workflow workflow =
        Workflow.builder("w")
            .node(
                "s",
                s -> {
                  cancel.set(true);
                  return Map.of();
                })
            .node("a", s -> Map.of("a", 1))
            .node("b", s -> Map.of("b", 2))
            .node("j", s -> Map.of("j", true))
            .start("s")
            .edge("s", "a")
            .edge("s", "b")
            .edge("a", "j")
            .edge("b", "j")
            .edge("j", Workflow.END)
            .build();
    RunResult cancelled = workflow.invoke(Map.of(), options());
    cancel.set(false);

    RunResult done = workflow.resume(cancelled.position(), Map.of(), options());

    assertThat(cancelled.status()).isEqualTo(RunResult.Status.CANCELLED);
    assertThat(cancelled.path()).containsExactly("s");
    assertThat(done.path()).containsExactly("a", "b", "j");
    assertThat(done.state().asMap()).isEqualTo(Map.of("a", 1, "b", 2, "j", true));
  }
}
