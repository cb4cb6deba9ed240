package dev.workflowengine.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * A workflow built in code: extract a document, analyse it in two rounds of review, then write an
 * executive summary. Shows nodes, edges, a conditional route that loops, and a node policy.
 */
public final class DocumentReviewSample {

  static final String DOCUMENT =
      "Q3 incident report. The checkout service was down for 42 minutes after a database"
          + " failover. Alerts fired late because the latency threshold was set too high. Customers"
          + " were charged twice in 18 cases; refunds are pending.";

  private DocumentReviewSample() {}

  /**
   * Runs the sample on its own.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (SampleModels models = SampleModels.fromEnvironment(System.out)) {
      models.announce(System.out);
      run(System.out, models);
    }
  }

  static RunResult run(PrintStream out, SampleModels models) {
    ChatModel analyst =
        models.chat(
            "scripted-analyst",
            prompt ->
                prompt.contains("Round 1")
                    ? "Key themes: outage duration, late alerting, double charges."
                    : "Refined: root cause is the failover runbook; alert threshold must drop.");
    ChatModel writer =
        models.chat(
            "scripted-writer",
            prompt ->
                "Executive summary: a 42-minute checkout outage and 18 double charges."
                    + " Recommendations: fix the failover runbook, lower alert thresholds, finish"
                    + " refunds. Priority: High.");

    NodeAction analyze =
        state -> {
          int round = state.getInt("round", 0) + 1;
          String answer =
              analyst.chat("Round " + round + ". Analyse:\n" + state.getString("content"));
          return Map.of("analysis", answer, "round", round);
        };

    Workflow workflow =
        Workflow.builder("document-review")
            .description("Extract, analyse in rounds, summarise")
            .node("extract", state -> Map.of("content", DOCUMENT))
            .node("analyze", analyze)
            .node(
                "summarize",
                state ->
                    Map.of("summary", writer.chat("Summarise: " + state.getString("analysis"))))
            .start("extract")
            .edge("extract", "analyze")
            .route(
                "analyze",
                state -> state.getInt("round") < 2 ? "analyze" : "summarize",
                "analyze",
                "summarize")
            .edge("summarize", Workflow.END)
            .policy(
                "analyze", NodePolicy.builder().timeout(Duration.ofSeconds(60)).retries(2).build())
            .build();

    out.println("\n== 1. A workflow built in code: " + workflow.id());
    out.println(workflow.toMermaid());
    RunResult result = workflow.invoke(Map.of());
    out.println("path:     " + String.join(" -> ", result.path()));
    out.println("analysis: " + result.state().getString("analysis"));
    out.println("summary:  " + result.state().getString("summary"));
    return result;
  }
}
