package dev.workflowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.core.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SamplesTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void documentReviewLoopsTwiceThenSummarises() {
    RunResult result = DocumentReviewSample.run(out);

    assertThat(result.path()).containsExactly("extract", "analyze", "analyze", "summarize");
    assertThat(result.state().getInt("round")).isEqualTo(2);
    assertThat(result.state().getString("summary")).contains("Priority: High");
    assertThat(text()).contains("flowchart TD").contains("path:     extract -> analyze");
  }

  @Test
  void ticketTriageEscalatesWaitsForApprovalAndSends() {
    RunResult result = TicketTriageSample.run(out);

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.path()).containsExactly("escalate", "draft", "send");
    assertThat(result.state().getBoolean("approved")).isTrue();
    assertThat(result.state().getMap("triage")).containsEntry("urgency", "high");
    assertThat(result.state().getString("receipt")).isEqualTo("sent to ada@example.com");
    assertThat(text()).contains("waiting:     Urgent billing ticket from ada@example.com");
  }

  @Test
  void parallelReviewCollectsEveryExpertInDeclarationOrder() {
    RunResult result = ParallelReviewSample.run(out);

    assertThat(result.state().getList("reviews", String.class))
        .extracting(review -> review.substring(0, review.indexOf(':')))
        .containsExactly("security", "backend", "frontend");
    assertThat(result.state().getString("decision")).isEqualTo("Accepted with 3 changes");
  }

  @Test
  void announcementSaysTheModelsAreScripted() {
    SampleModels.announce(out);

    assertThat(text()).startsWith("Models: scripted (workflow-engine-testing)");
  }

  private String text() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
