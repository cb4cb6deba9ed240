package dev.workflowengine.core.patterns;

import dev.workflowengine.core.Reducers;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowState;
import dev.workflowengine.core.agent.Agent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The nodes and edges of {@link Research}, once its parts are built. */
final class ResearchGraph {

  private static final Logger LOG = LoggerFactory.getLogger(Research.class);

  private ResearchGraph() {}

  static Workflow build(
      String id, int maxQuestions, Agent planner, ResearchGatherer gatherer, Agent writer) {
    return Workflow.builder(id)
        .description("Plan questions, answer each with tools, write a report citing the sources")
        .requireInput("topic")
        .reducer("findings", Reducers.append())
        .reducer("sources", Reducers.append())
        .node("plan", state -> plan(planner, maxQuestions, state))
        .node("gather", gatherer)
        .node("synthesise", state -> synthesise(writer, state))
        .start("plan")
        .route("plan", ResearchGraph::next, "gather", "synthesise")
        .route("gather", ResearchGraph::next, "gather", "synthesise")
        .edge("synthesise", Workflow.END)
        .build();
  }

  /** Another question while some are unanswered; the plan's length bounds the loop. */
  private static String next(WorkflowState state) {
    int planned = state.getList("questions", String.class).size();
    return count(state, "findings") < planned ? "gather" : "synthesise";
  }

  static int count(WorkflowState state, String key) {
    return state.has(key) ? state.getList(key, Object.class).size() : 0;
  }

  private static Map<String, Object> plan(Agent planner, int maxQuestions, WorkflowState state)
      throws Exception {
    Map<String, Object> values = new HashMap<>(state.asMap());
    values.put("max_questions", maxQuestions);
    WorkflowState answer = WorkflowState.of(planner.apply(WorkflowState.of(values)));
    Object proposed = answer.getMap("plan").get("questions");
    List<String> questions = new ArrayList<>();
    for (Object question : proposed instanceof List<?> list ? list : List.of()) {
      String text = String.valueOf(question).strip();
      // The cap is enforced here, not trusted to the prompt: models overshoot.
      if (!text.isEmpty() && questions.size() < maxQuestions) {
        questions.add(text);
      }
    }
    LOG.debug("research plan for '{}': {} questions", state.getString("topic"), questions.size());
    return Map.of("questions", List.copyOf(questions));
  }

  private static Map<String, Object> synthesise(Agent writer, WorkflowState state)
      throws Exception {
    StringBuilder notes = new StringBuilder();
    List<Map<String, Object>> findings =
        state.has("findings") ? castMaps(state.getList("findings", Object.class)) : List.of();
    for (int i = 0; i < findings.size(); i++) {
      Map<String, Object> finding = findings.get(i);
      notes.append("Question ").append(i + 1).append(": ").append(finding.get("question"));
      notes.append("\nAnswer: ").append(finding.get("answer"));
      notes.append("\nSources: ").append(citations(finding.get("sources"))).append("\n\n");
    }
    String sourceList = sourceList(state);
    Map<String, Object> values = new HashMap<>(state.asMap());
    values.put("notes", notes.toString().strip());
    values.put("source_list", sourceList);
    String body = String.valueOf(writer.apply(WorkflowState.of(values)).get("report")).strip();
    return Map.of("report", body + "\n\nSources\n" + sourceList);
  }

  private static String citations(Object numbers) {
    if (!(numbers instanceof List<?> list) || list.isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    for (Object number : list) {
      text.append(text.length() == 0 ? "" : ", ").append('[').append(number).append(']');
    }
    return text.toString();
  }

  private static String sourceList(WorkflowState state) {
    if (!state.has("sources")) {
      return "(none: no tool returned anything)";
    }
    List<Research.Source> sources = state.getList("sources", Research.Source.class);
    if (sources.isEmpty()) {
      return "(none: no tool returned anything)";
    }
    StringBuilder list = new StringBuilder();
    for (Research.Source source : sources) {
      String firstLine = source.content().strip().lines().findFirst().orElse("");
      list.append('[').append(source.number()).append("] ").append(source.tool());
      list.append(ResearchGatherer.json(source.arguments())).append(": ").append(firstLine);
      list.append('\n');
    }
    return list.toString().strip();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> castMaps(List<Object> items) {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Object item : items) {
      maps.add((Map<String, Object>) item);
    }
    return maps;
  }
}
