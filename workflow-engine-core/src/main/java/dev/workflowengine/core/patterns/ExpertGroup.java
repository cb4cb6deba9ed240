package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.Reducers;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A discussion between experts led by a manager: the manager chooses who speaks next, each expert
 * answers with the discussion so far in view, and when the manager concludes (or after {@link
 * Builder#maxRounds} expert turns) the manager writes a final summary.
 *
 * <pre>{@code
 * Workflow panel = ExpertGroup.builder()
 *     .manager(ollama.chatModel("default"))
 *     .expert("security", securityModel, "You are a cybersecurity expert ...")
 *     .expert("data", "You are a data engineer ...")   // speaks through the manager's model
 *     .maxRounds(6)
 *     .build();
 * RunResult result = panel.invoke(Map.of(ExpertGroup.TOPIC, "Storing patient records"));
 * result.state().getString(ExpertGroup.SUMMARY);
 * result.state().getList(ExpertGroup.TRANSCRIPT, Turn.class);
 * }</pre>
 *
 * <p>Without any {@code expert(...)} the group is the backend, frontend, security and data experts
 * of {@link #DEFAULT_PERSONAS}, all speaking through the manager's model. The start input must hold
 * {@link #TOPIC}. The graph is {@code manager -> expert.<name> -> manager ... -> summary}; the
 * run's state holds the transcript ({@link Turn}s, appended), the manager's decisions ({@link
 * ManagerDecision}s, appended), the number of expert turns, the summary and why the discussion
 * ended.
 *
 * <p>The manager is asked for {@code {"next": "<name or CONCLUDE>", "reason": "…"}} (as a JSON
 * schema request, which Ollama enforces). Code fences, other key names, "Next: security" lines,
 * bare names and spellings such as "Security Expert" are understood. An answer naming no known
 * expert is sent back once with the valid names; if the second answer is no better, the expert with
 * the fewest turns so far speaks (the first declared among equals) and the decision is marked
 * {@link ManagerDecision#byRule()}.
 *
 * <p>This class only holds constants and the builder; the built {@link Workflow} is immutable and
 * thread-safe.
 */
public final class ExpertGroup {

  /** Input: what the experts discuss (a string; required). */
  public static final String TOPIC = "topic";

  /** The discussion: a list of {@link Turn}s, appended to after each expert's turn. */
  public static final String TRANSCRIPT = "transcript";

  /** The manager's decisions: a list of {@link ManagerDecision}s, appended to after each ask. */
  public static final String DECISIONS = "decisions";

  /** How many expert turns have been taken (an int). */
  public static final String ROUNDS = "rounds";

  /** The manager's final summary (a string). */
  public static final String SUMMARY = "summary";

  /** Why the discussion ended: {@link #ENDED_BY_MANAGER} or {@link #ENDED_BY_ROUND_CAP}. */
  public static final String ENDED_BY = "ended_by";

  /** The value of {@link #ENDED_BY} when the manager concluded. */
  public static final String ENDED_BY_MANAGER = "manager";

  /** The value of {@link #ENDED_BY} when the experts had taken the maximum number of turns. */
  public static final String ENDED_BY_ROUND_CAP = "round_cap";

  /**
   * The default manager prompt. Placeholders: {@code {{topic}}}, {@code {{experts}}} (one line per
   * expert: name and the first line of its persona), {@code {{transcript}}}, {@code {{round}}} and
   * {@code {{max_rounds}}}.
   */
  public static final String DEFAULT_MANAGER_PROMPT =
      """
      You are the project manager leading a discussion between experts.

      Topic: {{topic}}

      Experts you can call on:
      {{experts}}

      Discussion so far:
      {{transcript}}

      This is round {{round}} of at most {{max_rounds}}. As project manager, decide what should \
      happen next in this expert discussion: choose the expert whose view is most needed now, or \
      conclude once the topic has been covered well enough.
      Answer with JSON only: {"next": "<an expert's name, or CONCLUDE>", "reason": "<one sentence>"}
      """;

  /**
   * The default prompt of an expert's turn; the persona goes before it as the system message.
   * Placeholders: {@code {{topic}}}, {@code {{transcript}}}, {@code {{expert}}} (the expert's name)
   * and {@code {{reason}}} (why the manager chose this expert).
   */
  public static final String DEFAULT_EXPERT_PROMPT =
      """
      Discussion topic: {{topic}}

      Discussion so far:
      {{transcript}}

      The project manager asks you, the {{expert}} expert, to speak next: {{reason}}
      Provide your expert analysis and recommendations.
      """;

  /**
   * The default prompt of the manager's final summary. Placeholders: {@code {{topic}}}, {@code
   * {{transcript}}} and {@code {{ending}}} (a sentence saying why the discussion ended).
   */
  public static final String DEFAULT_SUMMARY_PROMPT =
      """
      You led a discussion between experts on: {{topic}}

      Transcript:
      {{transcript}}

      {{ending}}
      Write the final summary: the main conclusions, the recommendations the experts agree on, \
      and the open questions.
      """;

  /**
   * The personas of the default experts, from the seed services: backend, frontend, security, data.
   */
  public static final Map<String, String> DEFAULT_PERSONAS = defaultPersonas();

  /** The default maximum number of expert turns. */
  public static final int DEFAULT_MAX_ROUNDS = 8;

  static final Set<String> MANAGER_PLACEHOLDERS =
      Set.of("topic", "experts", "transcript", "round", "max_rounds");
  static final Set<String> EXPERT_PLACEHOLDERS = Set.of("topic", "transcript", "expert", "reason");
  static final Set<String> SUMMARY_PLACEHOLDERS = Set.of("topic", "transcript", "ending");

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ExpertGroup() {}

  /**
   * Starts building an expert group.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  private static Map<String, String> defaultPersonas() {
    Map<String, String> personas = new LinkedHashMap<>();
    personas.put(
        "backend",
        """
        You are a senior backend developer and architect with expertise in:
        - API design and microservices architecture
        - Database design and optimization
        - Performance and scalability
        - Security best practices
        - System integration patterns""");
    personas.put(
        "frontend",
        """
        You are a senior frontend developer with expertise in:
        - User experience and interface design
        - Modern JavaScript frameworks (React, Vue, Svelte)
        - Performance optimization
        - Accessibility and responsive design
        - Browser compatibility""");
    personas.put(
        "security",
        """
        You are a cybersecurity expert with expertise in:
        - Application security and OWASP guidelines
        - Authentication and authorization patterns
        - Data protection and privacy compliance
        - Threat modeling and risk assessment
        - Security testing and vulnerability assessment""");
    personas.put(
        "data",
        """
        You are a data engineer and analyst with expertise in:
        - Database design and optimization
        - Data modeling and warehousing
        - ETL processes and data pipelines
        - Analytics and reporting
        - Data governance and quality""");
    return java.util.Collections.unmodifiableMap(personas);
  }

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
  public static final class Builder {

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

    private Builder() {}

    /**
     * Sets the workflow id. Default {@code expert-group}.
     *
     * @param id the id
     * @return this builder
     */
    public Builder workflowId(String id) {
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
    public Builder manager(ChatModel model) {
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
    public Builder expert(String name, ChatModel model, String persona) {
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
    public Builder expert(String name, String persona) {
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
     * #DEFAULT_MAX_ROUNDS}.
     *
     * @param rounds at least 1
     * @return this builder
     */
    public Builder maxRounds(int rounds) {
      if (rounds < 1) {
        throw new IllegalArgumentException("maxRounds must be >= 1 but was " + rounds);
      }
      this.maxRounds = rounds;
      return this;
    }

    /**
     * Replaces the manager's prompt; see {@link #DEFAULT_MANAGER_PROMPT} for its placeholders. Keep
     * asking for the JSON answer: other shapes are understood, but JSON is the most reliable.
     *
     * @param prompt the prompt
     * @return this builder
     * @throws IllegalArgumentException if blank or using an unknown placeholder
     */
    public Builder managerPrompt(String prompt) {
      this.managerPrompt = PromptTemplate.of("managerPrompt", prompt, MANAGER_PLACEHOLDERS);
      return this;
    }

    /**
     * Replaces the prompt of an expert's turn; see {@link #DEFAULT_EXPERT_PROMPT}.
     *
     * @param prompt the prompt
     * @return this builder
     * @throws IllegalArgumentException if blank or using an unknown placeholder
     */
    public Builder expertPrompt(String prompt) {
      this.expertPrompt = PromptTemplate.of("expertPrompt", prompt, EXPERT_PLACEHOLDERS);
      return this;
    }

    /**
     * Replaces the prompt of the final summary; see {@link #DEFAULT_SUMMARY_PROMPT}.
     *
     * @param prompt the prompt
     * @return this builder
     * @throws IllegalArgumentException if blank or using an unknown placeholder
     */
    public Builder summaryPrompt(String prompt) {
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
        throw new IllegalStateException(
            "set the manager's model with manager(model) before build()");
      }
      List<Expert> group = group();
      WorkflowBuilder graph =
          Workflow.builder(workflowId)
              .description("A manager leads a discussion between experts, then summarises it")
              .requireInput(TOPIC)
              .reducer(TRANSCRIPT, Reducers.append())
              .reducer(DECISIONS, Reducers.append())
              .node("manager", new ManagerNode(manager, managerPrompt, group, maxRounds))
              .node("summary", new SummaryNode(manager, summaryPrompt))
              .start("manager")
              .edge("summary", Workflow.END);
      List<String> managerTargets = new ArrayList<>();
      managerTargets.add("summary");
      for (Expert expert : group) {
        graph.node(expert.nodeId(), new ExpertNode(expert, expertPrompt));
        graph.route(
            expert.nodeId(),
            state -> Discussion.rounds(state) >= maxRounds ? "summary" : "manager",
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
}
