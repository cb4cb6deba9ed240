package dev.workflowengine.core;

import static dev.workflowengine.core.Fixtures.NOOP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MermaidTest {

  private static final String END = Workflow.END;

  @Test
  void rendersEveryKindOfNodeAndEdge() {
    Workflow child = Workflow.builder("child").node("x", NOOP).start("x").edge("x", END).build();
    Workflow workflow =
        Workflow.builder("w")
            .node("classify", NOOP)
            .human("approve", HumanStep.prompt("ok?"))
            .subworkflow("summarise", child)
            .node("review", NOOP)
            .start("classify")
            .edge("classify", "approve", "score > 5", s -> true)
            .edge("classify", "summarise", s -> false)
            .edge("classify", "review")
            .edge("approve", "review")
            .edge("summarise", "review")
            .route("review", s -> END, "classify", END)
            .build();

    assertThat(workflow.toMermaid())
        .isEqualTo(
            """
            flowchart TD
              __start__([start])
              n0["classify"]
              n1[/"approve"/]
              n2[["summarise"]]
              n3["review"]
              __end__([end])
              __start__ --> n0
              n0 -. "score > 5" .-> n1
              n0 -.-> n2
              n0 --> n3
              n1 --> n3
              n2 --> n3
              n3 -.-> n0
              n3 -.-> __end__
            """);
  }

  @Test
  void escapesLabelsAndShowsARouteToAnyNode() {
    Workflow workflow =
        Workflow.builder("w")
            .node("a", NOOP)
            .node("b", NOOP)
            .start("a")
            .edge("a", "b", "say \"hi\"\nnow", s -> true)
            .edge("a", END)
            .route("b", s -> END)
            .build();

    assertThat(workflow.toMermaid())
        .isEqualTo(
            """
            flowchart TD
              __start__([start])
              n0["a"]
              n1["b"]
              __end__([end])
              __start__ --> n0
              n0 -. "say #quot;hi#quot; now" .-> n1
              n0 --> __end__
              n1 -.-> n1_route{"route: any node"}
            """);
  }
}
