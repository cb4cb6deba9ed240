package dev.workflowengine.core.patterns;

import dev.workflowengine.core.Workflow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A discussion between experts led by a manager: the manager chooses who speaks next, each expert
 * answers with the discussion so far in view, and when the manager concludes (or after {@link
 * ExpertGroupBuilder#maxRounds} expert turns) the manager writes a final summary.
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
 * <p>This class holds the state keys, the defaults and {@code builder()}; the built {@link
 * Workflow} is immutable and thread-safe.
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

  private ExpertGroup() {}

  /**
   * Starts building an expert group.
   *
   * @return a new builder; not thread-safe
   */
  public static ExpertGroupBuilder builder() {
    return new ExpertGroupBuilder();
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
    return Collections.unmodifiableMap(personas);
  }
}
