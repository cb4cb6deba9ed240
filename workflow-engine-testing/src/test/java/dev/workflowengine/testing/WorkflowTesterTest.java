package dev.workflowengine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowTesterTest {

  private final ScriptedChatModel model =
      ScriptedChatModel.of("We are sorry; a refund is on its way.");

  private Workflow triage() {
    return Workflow.builder("triage")
        .node(
            "draft", state -> Map.of("reply", model.chat("Reply to: " + state.getString("ticket"))))
        .human(
            "approve",
            HumanStep.builder()
                .prompt(state -> "Send? " + state.getString("reply"))
                .requireInput("approved", Boolean.class)
                .build())
        .node("send", state -> Map.of("receipt", "sent"))
        .node(
            "fail",
            state -> {
              throw new IllegalStateException("mail server down");
            })
        .start("draft")
        .edge("draft", "approve")
        .edge("approve", "send", state -> state.getBoolean("approved"))
        .edge("approve", "fail")
        .edge("send", Workflow.END)
        .edge("fail", Workflow.END)
        .build();
  }

  @Test
  void runsToAHumanStepThenOnToTheEnd() {
    try (WorkflowTester tester = WorkflowTester.of(triage())) {
      TestRun waiting = tester.run(Map.of("ticket", "charged twice")).assertWaitingAt("approve");
      assertThat(waiting.prompt()).contains("Send? We are sorry; a refund is on its way.");
      assertThat(waiting.state().getString("reply")).startsWith("We are sorry");

      TestRun done =
          waiting
              .resume(Map.of("approved", true))
              .assertCompleted()
              .assertPath("draft", "approve", "send")
              .assertOutput("receipt", "sent");

      assertThat(done.events()).extracting(e -> e.sequence()).doesNotHaveDuplicates();
      assertThat(ScriptedChatModel.lastUserText(model.requests().get(0)))
          .contains("Reply to: charged twice");
    }
  }

  @Test
  void failuresNameTheNodeAndAssertionsSayWhatHappened() {
    try (WorkflowTester tester = WorkflowTester.of(triage())) {
      TestRun failed = tester.run(Map.of("ticket", "x")).resume(Map.of("approved", false));

      failed.assertFailedAt("fail");
      assertThatThrownBy(failed::assertCompleted)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("expected the run to be COMPLETED but it is FAILED")
          .hasMessageContaining("mail server down");
      assertThatThrownBy(() -> failed.assertPath("draft", "send"))
          .isInstanceOf(AssertionError.class)
          .hasMessage("expected the path [draft, send] but it was [draft, approve]");
    }
  }
}
