package dev.workflowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's quick start, verbatim but for the model and mailer, so it cannot rot. */
class ReadmeQuickStartTest {

  private final ScriptedChatModel model = ScriptedChatModel.of("Your order ships tomorrow.");
  private final List<String> sent = new ArrayList<>();
  private final Mailer mailer =
      text -> {
        sent.add(text);
        return "queued #1";
      };

  interface Mailer {
    String send(String text);
  }

  @Test
  void quickStartRunsAsDocumented() {
    Workflow review =
        Workflow.builder("review")
            .node(
                "draft",
                state ->
                    Map.of("text", model.chat("Draft a reply to: " + state.getString("ticket"))))
            .human(
                "approve",
                HumanStep.builder()
                    .prompt(s -> "Send this?\n" + s.getString("text"))
                    .requireInput("approved", Boolean.class)
                    .build())
            .node("send", state -> Map.of("receipt", mailer.send(state.getString("text"))))
            .start("draft")
            .edge("draft", "approve")
            .edge("approve", "send", state -> state.getBoolean("approved"))
            .edge("approve", Workflow.END)
            .edge("send", Workflow.END)
            .policy(
                "draft", NodePolicy.builder().timeout(Duration.ofSeconds(60)).retries(2).build())
            .build();

    RunResult paused = review.invoke(Map.of("ticket", "Where is my order?"));
    assertThat(paused.waiting().orElseThrow().prompt())
        .isEqualTo("Send this?\nYour order ships tomorrow.");
    RunResult done = review.resume(paused, Map.of("approved", true));

    assertThat(done.state().getString("receipt")).isEqualTo("queued #1");
    assertThat(sent).containsExactly("Your order ships tomorrow.");
    assertThat(review.toMermaid()).contains("[/\"approve\"/]");
  }

  @Test
  void quickStartJsonLineCompilesADefinition() {
    String json =
        """
        {"id": "hello", "startNode": "greet",
         "nodes": [{"id": "greet", "type": "llm", "config": {"prompt": "Greet {{name}}"}}],
         "edges": [{"from": "greet", "to": "__end__"}]}
        """;
    Workflow fromJson =
        Workflows.compile(
            Workflows.parse(json),
            Catalog.builder().defaultModel(ScriptedChatModel.of("Hi Ada")).build());

    assertThat(fromJson.invoke(Map.of("name", "Ada")).state().getString("greet"))
        .isEqualTo("Hi Ada");
  }
}
