package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Template;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.agent.Agent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A prebuilt research workflow: it plans a few questions about a topic, answers each with an agent
 * that calls the given tools (search, fetch, a database…), and writes a report that cites what the
 * tools returned as numbered sources.
 *
 * <pre>{@code
 * Workflow research = Research.builder()
 *     .model(ollama.chatModel("default"))
 *     .tools(new WebSearchTools())          // @Tool objects or AgentTools
 *     .maxQuestions(4)
 *     .build();
 * RunResult done = research.invoke(Map.of("topic", "Heat pumps in cold climates"));
 * String report = done.state().getString("report");   // cites [1], [2] … and lists them
 * }</pre>
 *
 * <p>The input is {@code topic}. The nodes and the state keys they write:
 *
 * <ul>
 *   <li>{@code plan}: {@code questions}, at most {@link Builder#maxQuestions} of them (extra ones
 *       the model proposes are dropped).
 *   <li>{@code gather}: runs once per question, one question a step, so each answer is checkpointed
 *       on its own and a crash repeats at most one question's tool calls. It appends to {@code
 *       findings} ({@code question}, {@code answer}, {@code sources}: the numbers of the sources
 *       used) and to {@code sources} (see {@link Source}): every tool result the agent got for that
 *       question, numbered across the whole run.
 *   <li>{@code synthesise}: {@code report}, the model's report citing sources as {@code [n]},
 *       followed by the numbered source list, which is written by the workflow rather than the
 *       model so that it always matches what the tools returned.
 * </ul>
 *
 * <p>The built workflow is immutable and thread-safe; the builder is not.
 */
public final class Research {

  /** The workflow id unless told otherwise. */
  public static final String DEFAULT_ID = "research";

  /** The questions planned unless told otherwise. */
  public static final int DEFAULT_MAX_QUESTIONS = 5;

  /** The most questions a builder accepts: each costs a step and tool calls. */
  public static final int MAX_QUESTIONS_LIMIT = 20;

  /** The default system prompt of the planning. */
  public static final String DEFAULT_PLAN_SYSTEM_PROMPT =
      "You plan research. Break the topic into distinct, concrete questions that together cover"
          + " it. Answer with JSON only.";

  /** The default task of the planning, a template over the state. */
  public static final String DEFAULT_PLAN_PROMPT =
      "Topic: {{topic}}\n\nList at most {{max_questions}} questions to research, at least two if"
          + " the topic allows.";

  /** The default system prompt of the gathering. */
  public static final String DEFAULT_GATHER_SYSTEM_PROMPT =
      "You are a researcher. Use the tools to find facts; answer only from what they return, and"
          + " say so when they return nothing useful.";

  /** The default task of the gathering, a template over the state and {@code question}. */
  public static final String DEFAULT_GATHER_PROMPT =
      "Research topic: {{topic}}\n\nAnswer this question: {{question}}";

  /** The default system prompt of the synthesis. */
  public static final String DEFAULT_SYNTHESIS_SYSTEM_PROMPT =
      "You write clear research reports. Cite every fact with its source number in square"
          + " brackets, like [1]. Do not invent sources and do not add a source list.";

  /**
   * The default task of the synthesis, a template over the state, {@code notes} (each question with
   * its answer and source numbers) and {@code source_list}.
   */
  public static final String DEFAULT_SYNTHESIS_PROMPT =
      "Write a report on {{topic}} from these findings.\n\n{{notes}}\n\nSources:\n{{source_list}}";

  private Research() {}

  /**
   * A builder for the research workflow.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A tool result the research used, as kept under {@code sources}; read them with {@code
   * state.getList("sources", Research.Source.class)}.
   *
   * @param number its number in the report's citations, from 1
   * @param tool the tool's name
   * @param arguments what the tool was called with
   * @param content what it returned, as text, cut to the configured length
   */
  public record Source(int number, String tool, Map<String, Object> arguments, String content) {}

  static final JsonObjectSchema PLAN_SCHEMA =
      JsonObjectSchema.builder()
          .addProperty(
              "questions",
              JsonArraySchema.builder()
                  .description("the questions, most important first")
                  .items(new JsonStringSchema())
                  .build())
          .required("questions")
          .build();

  /**
   * Builds the research workflow. Each setter checks its argument at once; {@link #build()} fails
   * with a message naming what is missing. Not thread-safe.
   */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private ChatModel model;
    private final List<AgentTool> tools = new ArrayList<>();
    private int maxQuestions = DEFAULT_MAX_QUESTIONS;
    private int maxToolRounds = Agent.DEFAULT_MAX_TOOL_ROUNDS;
    private int sourceChars = 1_000;
    private String planSystemPrompt = DEFAULT_PLAN_SYSTEM_PROMPT;
    private String planPrompt = DEFAULT_PLAN_PROMPT;
    private String gatherSystemPrompt = DEFAULT_GATHER_SYSTEM_PROMPT;
    private String gatherPrompt = DEFAULT_GATHER_PROMPT;
    private String synthesisSystemPrompt = DEFAULT_SYNTHESIS_SYSTEM_PROMPT;
    private String synthesisPrompt = DEFAULT_SYNTHESIS_PROMPT;

    private Builder() {}

    /**
     * Sets the workflow id; default {@value Research#DEFAULT_ID}.
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(String id) {
      requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("id must not be blank");
      }
      this.id = id;
      return this;
    }

    /**
     * Sets the chat model that plans, gathers and writes. Required.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(ChatModel model) {
      this.model = requireNonNull(model, "model");
      return this;
    }

    /**
     * Adds the tools the gathering may call: {@link AgentTool}s, or objects whose public
     * {@code @Tool} methods become tools. At least one is required.
     *
     * @param toolObjects the tools
     * @return this builder
     * @throws IllegalArgumentException if an object has no tool or a name is taken twice
     */
    public Builder tools(Object... toolObjects) {
      requireNonNull(toolObjects, "toolObjects");
      List<AgentTool> added = new ArrayList<>();
      for (Object toolObject : toolObjects) {
        requireNonNull(toolObject, "toolObjects contains null");
        if (toolObject instanceof AgentTool tool) {
          added.add(tool);
        } else {
          List<AgentTool> methods = EmailTriageTools.fromMethods(toolObject);
          if (methods.isEmpty()) {
            throw new IllegalArgumentException(
                toolObject.getClass().getName()
                    + " has no public method annotated with @Tool; annotate the methods the"
                    + " model may call or pass an AgentTool");
          }
          added.addAll(methods);
        }
      }
      Set<String> names = new LinkedHashSet<>();
      tools.forEach(tool -> names.add(tool.name()));
      for (AgentTool tool : added) {
        if (!names.add(tool.name())) {
          throw new IllegalArgumentException(
              "two research tools are named '" + tool.name() + "'; tool names must be unique");
        }
      }
      tools.addAll(added);
      return this;
    }

    /**
     * Caps the questions planned; default {@value Research#DEFAULT_MAX_QUESTIONS}.
     *
     * @param questions the cap, from 1 to {@value Research#MAX_QUESTIONS_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxQuestions(int questions) {
      if (questions < 1 || questions > MAX_QUESTIONS_LIMIT) {
        throw new IllegalArgumentException(
            "maxQuestions must be from 1 to " + MAX_QUESTIONS_LIMIT + " but was " + questions);
      }
      this.maxQuestions = questions;
      return this;
    }

    /**
     * Caps the tool rounds of each question; default {@value Agent#DEFAULT_MAX_TOOL_ROUNDS}.
     *
     * @param rounds the cap, at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxToolRounds(int rounds) {
      if (rounds < 1) {
        throw new IllegalArgumentException("maxToolRounds must be at least 1, was " + rounds);
      }
      this.maxToolRounds = rounds;
      return this;
    }

    /**
     * Caps how much of each tool result is kept as a source; default 1000 characters.
     *
     * @param chars the cap, at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder sourceChars(int chars) {
      if (chars < 1) {
        throw new IllegalArgumentException("sourceChars must be at least 1, was " + chars);
      }
      this.sourceChars = chars;
      return this;
    }

    /**
     * Replaces the planning's system prompt, a template over the state.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder planSystemPrompt(String template) {
      this.planSystemPrompt = checked("planSystemPrompt", template);
      return this;
    }

    /**
     * Replaces the planning's task, a template over the state and {@code max_questions}.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder planPrompt(String template) {
      this.planPrompt = checked("planPrompt", template);
      return this;
    }

    /**
     * Replaces the gathering's system prompt, a template over the state and {@code question}.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder gatherSystemPrompt(String template) {
      this.gatherSystemPrompt = checked("gatherSystemPrompt", template);
      return this;
    }

    /**
     * Replaces the gathering's task, a template over the state and {@code question}.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder gatherPrompt(String template) {
      this.gatherPrompt = checked("gatherPrompt", template);
      return this;
    }

    /**
     * Replaces the synthesis's system prompt, a template over the state.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder synthesisSystemPrompt(String template) {
      this.synthesisSystemPrompt = checked("synthesisSystemPrompt", template);
      return this;
    }

    /**
     * Replaces the synthesis's task, a template over the state, {@code notes} and {@code
     * source_list}.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder synthesisPrompt(String template) {
      this.synthesisPrompt = checked("synthesisPrompt", template);
      return this;
    }

    /**
     * Builds the workflow.
     *
     * @return the workflow
     * @throws IllegalStateException if the model or every tool is missing
     */
    public Workflow build() {
      if (model == null) {
        throw new IllegalStateException("Research needs a model; call model(...)");
      }
      if (tools.isEmpty()) {
        throw new IllegalStateException(
            "Research needs at least one tool to gather with; call tools(...)");
      }
      Agent planner =
          Agent.builder("research_planner")
              .model(model)
              .systemPrompt(planSystemPrompt)
              .prompt(planPrompt)
              .outputSchema(PLAN_SCHEMA)
              .outputKey("plan")
              .build();
      Agent writer =
          Agent.builder("research_writer")
              .model(model)
              .systemPrompt(synthesisSystemPrompt)
              .prompt(synthesisPrompt)
              .outputKey("report")
              .build();
      ResearchGatherer gatherer =
          new ResearchGatherer(
              model,
              gatherSystemPrompt,
              gatherPrompt,
              List.copyOf(tools),
              maxToolRounds,
              sourceChars);
      return ResearchGraph.build(id, maxQuestions, planner, gatherer, writer);
    }

    private static String checked(String what, String template) {
      requireNonNull(template, what);
      try {
        Template.parse(template);
      } catch (Template.InvalidTemplate e) {
        throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
      }
      return template;
    }
  }
}
