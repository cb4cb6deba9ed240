package dev.workflowengine.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.Reducers;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Three experts review a design at the same time (a parallel fan-out), their reviews are appended
 * to one list in a fixed order whatever order they finish in, and a lead merges them.
 */
public final class ParallelReviewSample {

  private ParallelReviewSample() {}

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
    ChatModel experts =
        models.chat(
            "scripted-experts",
            prompt -> {
              if (prompt.startsWith("As the security")) {
                return "security: store the webhook secret in the vault, not in the config file.";
              }
              if (prompt.startsWith("As the backend")) {
                return "backend: make the retry idempotent with a request key.";
              }
              return "frontend: show progress while the payment is pending.";
            });
    Workflow workflow =
        Workflow.builder("parallel-review")
            .node("brief", state -> Map.of("design", "Payment retries through a webhook"))
            .node("security", expert(experts, "security"))
            .node("backend", expert(experts, "backend"))
            .node("frontend", expert(experts, "frontend"))
            .node(
                "merge",
                state ->
                    Map.of(
                        "decision",
                        "Accepted with "
                            + state.getList("reviews", String.class).size()
                            + " changes"))
            .start("brief")
            .edge("brief", "security")
            .edge("brief", "backend")
            .edge("brief", "frontend")
            .edge("security", "merge")
            .edge("backend", "merge")
            .edge("frontend", "merge")
            .edge("merge", Workflow.END)
            .reducer("reviews", Reducers.append())
            .build();

    out.println("\n== 3. Parallel branches: " + workflow.id());
    out.println(workflow.toMermaid());
    RunResult result = workflow.invoke(Map.of());
    out.println("path:     " + String.join(" -> ", result.path()));
    result
        .state()
        .getList("reviews", String.class)
        .forEach(review -> out.println("review:   " + review));
    out.println("decision: " + result.state().getString("decision"));
    return result;
  }

  private static NodeAction expert(ChatModel model, String field) {
    return state ->
        Map.of(
            "reviews",
            List.of(
                model.chat("As the " + field + " expert, review: " + state.getString("design"))));
  }
}
