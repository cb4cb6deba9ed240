package dev.workflowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplesTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final SampleModels scripted = SampleModels.scripted("Models: scripted (this test)");

  @Test
  void documentReviewLoopsTwiceThenSummarises() {
    RunResult result = DocumentReviewSample.run(out, scripted);

    assertThat(result.path()).containsExactly("extract", "analyze", "analyze", "summarize");
    assertThat(result.state().getInt("round")).isEqualTo(2);
    assertThat(result.state().getString("summary")).contains("Priority: High");
    assertThat(text()).contains("flowchart TD").contains("path:     extract -> analyze");
  }

  @Test
  void ticketTriageEscalatesWaitsForApprovalAndSends() {
    RunResult result = TicketTriageSample.run(out, scripted);

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.path()).containsExactly("escalate", "draft", "send");
    assertThat(result.state().getBoolean("approved")).isTrue();
    assertThat(result.state().getMap("triage")).containsEntry("urgency", "high");
    assertThat(result.state().getString("receipt")).isEqualTo("sent to ada@example.com");
    assertThat(text()).contains("waiting:     Urgent billing ticket from ada@example.com");
  }

  @Test
  void parallelReviewCollectsEveryExpertInDeclarationOrder() {
    RunResult result = ParallelReviewSample.run(out, scripted);

    assertThat(result.state().getList("reviews", String.class))
        .extracting(review -> review.substring(0, review.indexOf(':')))
        .containsExactly("security", "backend", "frontend");
    assertThat(result.state().getString("decision")).isEqualTo("Accepted with 3 changes");
  }

  @Test
  void liveEventsShowTokensTheWaitAndTheEnd() {
    var record = LiveEventsSample.run(out, scripted);

    assertThat(record.status())
        .isEqualTo(dev.workflowengine.api.execution.ExecutionStatus.COMPLETED);
    assertThat(text())
        .contains("tokens: Dear Ada, the duplicate charge of order #1182 is refunded today.")
        .contains("workflow_waiting at approve")
        .contains("workflow_resumed")
        .contains("workflow_completed");
  }

  @Test
  void generateAndExecuteTurnsTheSentenceIntoAStoredWorkflowAndRunsIt() {
    ExecutionRecord record =
        GenerateAndExecuteSample.run(out, scripted, GenerateAndExecuteSample.SENTENCE);

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.workflowId()).isEqualTo("ticket-reply");
    assertThat(record.output())
        .containsEntry("receipt", "sent to ada@example.com")
        .containsEntry("triage", Map.of("category", "billing", "urgency", "normal"));
    assertThat(text())
        .contains("generated 'ticket-reply' in 1 attempt(s)")
        .contains("stored as version 1 of user 'demo'")
        .contains("flowchart TD");
  }

  @Test
  void streamingChatPrintsTheTokensThenWhatTheModelSaidAboutThem() {
    var answer = StreamingChatSample.run(out, scripted, StreamingChatSample.QUESTION);

    assertThat(answer.aiMessage().text()).startsWith("A checkpoint after every step");
    assertThat(text())
        .contains("   A checkpoint after every step lets the engine resume")
        .containsPattern("\\[scripted[^,]*, \\d+ tokens, stop\\]");
  }

  @Test
  void theExpertGroupHearsTheExpertsTheManagerChoosesThenConcludes() {
    RunResult result = ExpertGroupSample.run(out, scripted, ExpertGroupSample.TOPIC);

    assertThat(result.state().getString("ended_by")).isEqualTo("manager");
    assertThat(text())
        .contains("[backend] Give every charge an idempotency key")
        .contains("[security] Generate the keys server-side")
        .contains("summary: Retry with an idempotency key per charge");
  }

  @Test
  void documentAnalysisChunksTheReportAndSummarisesIt() {
    RunResult result =
        DocumentAnalysisSample.run(out, scripted, DocumentAnalysisSample.bundledReport());

    int chunks = result.state().getInt("chunk_count");
    assertThat(chunks).isGreaterThan(1);
    assertThat(result.state().getList("chunk_analyses", String.class))
        .hasSize(chunks)
        .allSatisfy(analysis -> assertThat(analysis).startsWith("Analysis of part "));
    assertThat(text())
        .contains("characters in " + chunks + " chunks")
        .contains("priority: HIGH")
        .contains("action:   Send an idempotency key with every charge");
  }

  @Test
  void emailTriageDraftsWaitsForTheApprovalAndSendsTheApprovedText() {
    List<String> prompts = new ArrayList<>();
    RunResult result =
        EmailTriageSample.run(
            out,
            scripted,
            prompt -> {
              prompts.add(prompt);
              return Map.of("approved", true, "edited_reply", "Refunded, sorry! Ada's team");
            });

    assertThat(prompts).singleElement().asString().contains("Dear Ada, we are sorry");
    assertThat(result.state().getString("outcome")).isEqualTo("sent");
    assertThat(text())
        .contains("   | Dear Ada, we are sorry for the double charge")
        .contains(
            "sent: ada@example.com | Re: Charged twice for order #1182 | Refunded, sorry! Ada's"
                + " team");
  }

  @Test
  void crashRecoveryFinishesEveryExecutionWithoutRepeatingFinishedSteps() throws Exception {
    var runs = CrashRecoverySample.run(out);

    assertThat(text()).contains("completed: 5 of 5");
    assertThat(runs.get("step1")).hasValue(5);
    assertThat(runs.get("step2")).hasValue(5);
    assertThat(runs.get("step3")).hasValue(10);
    assertThat(runs.get("step4")).hasValue(5);
    assertThat(runs.get("step5")).hasValue(5);
  }

  private String text() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
