package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowRunTest {

  @Test
  void runsAChainToTheEnd() {
    Workflow workflow =
        Workflow.builder("chain")
            .node("a", s -> Map.of("a", 1))
            .node("b", s -> Map.of("b", s.getInt("a") + 1))
            .start("a")
            .edge("a", "b")
            .edge("b", Workflow.END)
            .build();

    RunResult result = workflow.invoke(Map.of());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.state().getInt("b")).isEqualTo(2);
    assertThat(result.path()).containsExactly("a", "b");
    System.out.println(workflow.toMermaid());
  }
}
