package dev.workflowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.engine.ExecutionHandle;
import dev.workflowengine.core.engine.WorkflowEngine;
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
  void engineSnippetRunsAsDocumented() throws Exception {
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
            .build();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.Flow.Subscriber<WorkflowEvent> subscriber =
        new java.util.concurrent.Flow.Subscriber<>() {
          public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
          }

          public void onNext(WorkflowEvent event) {
            seen.add(event.type());
          }

          public void onError(Throwable t) {}

          public void onComplete() {}
        };

    try (WorkflowEngine engine = WorkflowEngine.builder().workers(4).build()) { // in-memory stores
      engine.register(review);
      ExecutionHandle handle =
          engine.start(
              StartRequest.of("review", Map.of("ticket", "Where is my order?")).user("u1"));
      handle.events().subscribe(subscriber); // workflow_started, node_started, token, ... live
      ExecutionRecord record = handle.await(Duration.ofMinutes(5)); // WAITING at "approve"
      assertThat(record.status()).isEqualTo(ExecutionStatus.WAITING);
      engine.resume(handle.executionId(), "u1", Map.of("approved", true));
      assertThat(handle.await(Duration.ofMinutes(1)).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(engine.history("u1", ExecutionQuery.recent(20)).executions()).hasSize(1);
    }
    org.awaitility.Awaitility.await().until(() -> seen.contains("workflow_completed"));
    assertThat(seen)
        .startsWith("workflow_started", "node_started", "node_completed", "workflow_waiting");
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
