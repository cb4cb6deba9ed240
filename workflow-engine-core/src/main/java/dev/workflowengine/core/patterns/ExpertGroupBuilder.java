package dev.workflowengine.core.patterns;

import static dev.workflowengine.core.patterns.ExpertGroup.DECISIONS;
import static dev.workflowengine.core.patterns.ExpertGroup.DEFAULT_EXPERT_PROMPT;
import static dev.workflowengine.core.patterns.ExpertGroup.DEFAULT_MANAGER_PROMPT;
import static dev.workflowengine.core.patterns.ExpertGroup.DEFAULT_MAX_ROUNDS;
import static dev.workflowengine.core.patterns.ExpertGroup.DEFAULT_PERSONAS;
import static dev.workflowengine.core.patterns.ExpertGroup.DEFAULT_SUMMARY_PROMPT;
import static dev.workflowengine.core.patterns.ExpertGroup.EXPERT_PLACEHOLDERS;
import static dev.workflowengine.core.patterns.ExpertGroup.MANAGER_PLACEHOLDERS;
import static dev.workflowengine.core.patterns.ExpertGroup.SUMMARY_PLACEHOLDERS;
import static dev.workflowengine.core.patterns.ExpertGroup.TOPIC;
import static dev.workflowengine.core.patterns.ExpertGroup.TRANSCRIPT;
import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.Reducers;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds an expert group's {@link Workflow}. Each setter checks its argument at once; {@link
 * #build()} copies everything, so a builder can be reused.
 *
 * <pre>{@code
 * Workflow panel = ExpertGroup.builder().manager(model).maxRounds(4).build();
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class ExpertGroupBuilder {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private String workflowId = "expert-group";
  private ChatModel manager;
  private final Map<String, Expert> experts = new LinkedHashMap<>();
  private final Map<String, String> sharedModelPersonas = new LinkedHashMap<>();
  private int maxRounds = DEFAULT_MAX_ROUNDS;
  private PromptTemplate managerPrompt =
      PromptTemplate.of("managerPrompt", DEFAULT_MANAGER_PROMPT, MANAGER_PLACEHOLDERS);
  private PromptTemplate expertPrompt =
      PromptTemplate.of("expertPrompt", DEFAULT_EXPERT_PROMPT, EXPERT_PLACEHOLDERS);
  private PromptTemplate summaryPrompt =
      PromptTemplate.of("summaryPrompt", DEFAULT_SUMMARY_PROMPT, SUMMARY_PLACEHOLDERS);

  ExpertGroupBuilder() {}

  /**
   * Sets the workflow id. Default {@code expert-group}.
   *
   * @param id the id
   * @return this builder
   */
  public ExpertGroupBuilder workflowId(String id) {
    this.workflowId = requireNonNull(id, "id");
    return this;
  }

  /**
   * Sets the manager's model, which also writes the summary and speaks for the experts added
   * without a model of their own. Required.
   *
   * @param model the model
   * @return this builder
   */
  public ExpertGroupBuilder manager(ChatModel model) {
    this.manager = requireNonNull(model, "model");
    return this;
  }

  /**
   * Adds an expert with a model of its own.
   *
   * @param name what the manager calls it: a letter, then letters, digits, {@code _} or {@code -}
   * @param model the expert's model
   * @param persona who the expert is; sent as the system message of each of its turns
   * @return this builder
   * @throws IllegalArgumentException if the name is malformed or taken, or the persona is blank
   */
  public ExpertGroupBuilder expert(String name, ChatModel model, String persona) {
    requireNonNull(model, "model");
    checkExpert(name, persona);
    experts.put(name, new Expert(name, model, persona));
    return this;
  }

  /**
   * Adds an expert that speaks through the manager's model with its own persona.
   *
   * @param name what the manager calls it
   * @param persona who the expert is
   * @return this builder
   * @throws IllegalArgumentException if the name is malformed or taken, or the persona is blank
   */
  public ExpertGroupBuilder expert(String name, String persona) {
    checkExpert(name, persona);
    experts.put(name, null); // keeps the declaration order; the model is known at build()
    sharedModelPersonas.put(name, persona);
    return this;
  }

  private void checkExpert(String name, String persona) {
    requireNonNull(name, "name");
    requireNonNull(persona, "persona");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "expert name '"
              + name
              + "' must start with a letter and hold only letters, digits, '_' and '-'");
    }
    if (ManagerAnswers.normalised(name)
        .equals(ManagerAnswers.normalised(ManagerAnswers.CONCLUDE))) {
      throw new IllegalArgumentException("expert name '" + name + "' is the manager's stop word");
    }
    for (String other : experts.keySet()) {
      if (ManagerAnswers.normalised(other).equals(ManagerAnswers.normalised(name))) {
        throw new IllegalArgumentException(
            "expert name '"
                + name
                + "' is taken by '"
                + other
                + "'; the manager could not tell them apart");
      }
    }
    if (persona.isBlank()) {
      throw new IllegalArgumentException("the persona of expert '" + name + "' is blank");
    }
  }

  /**
   * Caps the number of expert turns; the summary follows the last one. Default {@value
   * ExpertGroup#DEFAULT_MAX_ROUNDS}.
   *
   * @param rounds at least 1
   * @return this builder
   */
  public ExpertGroupBuilder maxRounds(int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("maxRounds must be >= 1 but was " + rounds);
    }
    this.maxRounds = rounds;
    return this;
  }

  /**
   * Replaces the manager's prompt; see {@link ExpertGroup#DEFAULT_MANAGER_PROMPT} for its
   * placeholders. Keep asking for the JSON answer: other shapes are understood, but JSON is the
   * most reliable.
   *
   * @param prompt the prompt
   * @return this builder
   * @throws IllegalArgumentException if blank or using an unknown placeholder
   */
  public ExpertGroupBuilder managerPrompt(String prompt) {
    this.managerPrompt = PromptTemplate.of("managerPrompt", prompt, MANAGER_PLACEHOLDERS);
    return this;
  }

  /**
   * Replaces the prompt of an expert's turn; see {@link ExpertGroup#DEFAULT_EXPERT_PROMPT}.
   *
   * @param prompt the prompt
   * @return this builder
   * @throws IllegalArgumentException if blank or using an unknown placeholder
   */
  public ExpertGroupBuilder expertPrompt(String prompt) {
    this.expertPrompt = PromptTemplate.of("expertPrompt", prompt, EXPERT_PLACEHOLDERS);
    return this;
  }

  /**
   * Replaces the prompt of the final summary; see {@link ExpertGroup#DEFAULT_SUMMARY_PROMPT}.
   *
   * @param prompt the prompt
   * @return this builder
   * @throws IllegalArgumentException if blank or using an unknown placeholder
   */
  public ExpertGroupBuilder summaryPrompt(String prompt) {
    this.summaryPrompt = PromptTemplate.of("summaryPrompt", prompt, SUMMARY_PLACEHOLDERS);
    return this;
  }

  /**
   * Builds the workflow.
   *
   * @return the workflow; immutable and thread-safe
   * @throws IllegalStateException if no manager model was set
   */
  public Workflow build() {
    if (manager == null) {
      throw new IllegalStateException("set the manager's model with manager(model) before build()");
    }
    List<Expert> group = group();
    int cap = maxRounds; // not the field: a reused builder must not change a built workflow
    WorkflowBuilder graph =
        Workflow.builder(workflowId)
            .description("A manager leads a discussion between experts, then summarises it")
            .requireInput(TOPIC)
            .reducer(TRANSCRIPT, Reducers.append())
            .reducer(DECISIONS, Reducers.append())
            .node("manager", new ManagerNode(manager, managerPrompt, group, cap))
            .node("summary", new SummaryNode(manager, summaryPrompt))
            .start("manager")
            .edge("summary", Workflow.END);
    List<String> managerTargets = new ArrayList<>();
    managerTargets.add("summary");
    for (Expert expert : group) {
      graph.node(expert.nodeId(), new ExpertNode(expert, expertPrompt));
      graph.route(
          expert.nodeId(),
          state -> Discussion.rounds(state) >= cap ? "summary" : "manager",
          "manager",
          "summary");
      managerTargets.add(expert.nodeId());
    }
    Map<String, String> nodeIds = new LinkedHashMap<>();
    group.forEach(expert -> nodeIds.put(expert.name(), expert.nodeId()));
    graph.route(
        "manager",
        state -> {
          ManagerDecision decision = Discussion.lastDecision(state);
          return decision.conclude() ? "summary" : nodeIds.get(decision.expert());
        },
        managerTargets.toArray(String[]::new));
    return graph.build();
  }

  private List<Expert> group() {
    List<Expert> group = new ArrayList<>();
    if (experts.isEmpty()) {
      DEFAULT_PERSONAS.forEach((name, persona) -> group.add(new Expert(name, manager, persona)));
      return List.copyOf(group);
    }
    experts.forEach(
        (name, expert) ->
            group.add(
                expert != null
                    ? expert
                    : new Expert(name, manager, sharedModelPersonas.get(name))));
    return List.copyOf(group);
  }
}
