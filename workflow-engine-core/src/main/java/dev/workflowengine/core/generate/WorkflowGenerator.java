package dev.workflowengine.core.generate;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.GenerationAttempt;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowGenerationException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflows;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request in natural language into a workflow definition that uses only what a {@link
 * Catalog} holds. The model is told the catalog's node types, models, agents, tools and workflows
 * and nothing else, and its answer is constrained by the published definition JSON Schema. Each
 * answer is parsed and compiled against the catalog; when that fails, the problems, with their
 * locations, go back to the model in the same conversation for another attempt.
 *
 * <pre>{@code
 * WorkflowGenerator generator = new WorkflowGenerator(ollama.chatModel("default"), catalog);
 * GeneratedWorkflow generated = generator.generate("Triage support tickets; escalate urgent ones");
 * Workflow workflow = Workflows.compile(generated.definition(), catalog);
 *
 * WorkflowGenerator patient = WorkflowGenerator.builder(model, catalog).maxAttempts(5).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe if its model is: each call to {@link #generate} has its own
 * conversation.
 */
public final class WorkflowGenerator {

  private static final Logger log = LoggerFactory.getLogger(WorkflowGenerator.class);

  /** How many answers a generation asks for unless told otherwise. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  private final ChatModel model;
  private final Catalog catalog;
  private final int maxAttempts;
  private final String modelName;
  private final Clock clock;
  private final String systemPrompt;
  private final ResponseFormat responseFormat;

  /**
   * A generator with {@link #DEFAULT_MAX_ATTEMPTS} attempts.
   *
   * @param model the model that writes definitions
   * @param catalog what definitions may use; give it the catalog they will be compiled against
   */
  public WorkflowGenerator(ChatModel model, Catalog catalog) {
    this(builder(model, catalog));
  }

  private WorkflowGenerator(Builder builder) {
    this.model = builder.model;
    this.catalog = builder.catalog;
    this.maxAttempts = builder.maxAttempts;
    this.modelName = builder.modelName != null ? builder.modelName : nameOf(builder.model);
    this.clock = builder.clock;
    this.systemPrompt = CatalogPrompt.system(catalog);
    this.responseFormat = DefinitionSchema.responseFormat(CatalogPrompt.nodeTypes(catalog));
  }

  /**
   * A builder for a generator.
   *
   * @param model the model that writes definitions
   * @param catalog what definitions may use
   * @return a new builder; not thread-safe
   */
  public static Builder builder(ChatModel model, Catalog catalog) {
    return new Builder(model, catalog);
  }

  /**
   * Asks the model for a definition until one compiles against the catalog.
   *
   * @param prompt what the workflow should do, in natural language
   * @return the definition with the prompt, model, time and every attempt
   * @throws WorkflowGenerationException if no answer compiled within the allowed attempts; it
   *     carries every attempt's answer and problems
   * @throws IllegalArgumentException if the prompt is blank
   * @throws RuntimeException whatever the model throws, unchanged: a failed call is not an invalid
   *     answer, so it uses no attempt and is not retried here
   */
  public GeneratedWorkflow generate(String prompt) {
    requireNonNull(prompt, "prompt");
    if (prompt.isBlank()) {
      throw new IllegalArgumentException("prompt must not be blank; say what the workflow does");
    }
    List<ChatMessage> conversation = new ArrayList<>();
    conversation.add(SystemMessage.from(systemPrompt));
    conversation.add(UserMessage.from(prompt));
    List<GenerationAttempt> attempts = new ArrayList<>();
    for (int number = 1; number <= maxAttempts; number++) {
      String answer = ask(conversation);
      List<ValidationProblem> problems = new ArrayList<>();
      WorkflowDefinition definition = check(answer, problems);
      attempts.add(new GenerationAttempt(number, answer, problems));
      if (definition != null) {
        log.debug("generated workflow '{}' in {} attempt(s)", definition.id(), number);
        return new GeneratedWorkflow(definition, prompt, modelName, clock.instant(), attempts);
      }
      log.debug("generation attempt {} of {} had {} problem(s)", number, maxAttempts, problems);
      conversation.add(AiMessage.from(answer));
      conversation.add(UserMessage.from(CatalogPrompt.repair(problems)));
    }
    throw new WorkflowGenerationException(
        "the workflow generated by model '"
            + modelName
            + "' for '"
            + preview(prompt)
            + "' after "
            + maxAttempts
            + " attempt(s)",
        attempts);
  }

  /**
   * The catalog definitions are checked against.
   *
   * @return the catalog
   */
  public Catalog catalog() {
    return catalog;
  }

  private String ask(List<ChatMessage> conversation) {
    ChatResponse response =
        model.chat(
            ChatRequest.builder()
                .messages(List.copyOf(conversation))
                .responseFormat(responseFormat)
                .build());
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    return text == null ? "" : text;
  }

  /** The definition if the answer compiles, else null with the problems added. */
  private WorkflowDefinition check(String answer, List<ValidationProblem> problems) {
    if (answer.isBlank()) {
      problems.add(new ValidationProblem("$", "the answer was empty; expected a JSON object"));
      return null;
    }
    try {
      WorkflowDefinition definition = Workflows.parse(JsonAnswer.extract(answer));
      Workflows.compile(definition, catalog);
      return definition;
    } catch (WorkflowValidationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static String nameOf(ChatModel model) {
    String name =
        model.defaultRequestParameters() == null
            ? null
            : model.defaultRequestParameters().modelName();
    return name == null || name.isBlank() ? model.getClass().getSimpleName() : name;
  }

  private static String preview(String prompt) {
    String line = prompt.strip().replaceAll("\\s+", " ");
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }

  /** Builds a {@link WorkflowGenerator}. Not thread-safe; {@link #build()} copies everything. */
  public static final class Builder {
    private final ChatModel model;
    private final Catalog catalog;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private String modelName;
    private Clock clock = Clock.systemUTC();

    private Builder(ChatModel model, Catalog catalog) {
      this.model = requireNonNull(model, "model");
      this.catalog = requireNonNull(catalog, "catalog");
    }

    /**
     * How many answers to ask for before giving up.
     *
     * @param attempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * The model name recorded with generated workflows; by default the model's own default model
     * name, or its class name when it has none.
     *
     * @param name the name
     * @return this builder
     */
    public Builder modelName(String name) {
      requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("modelName must not be blank");
      }
      this.modelName = name;
      return this;
    }

    /**
     * The clock that stamps generated workflows; the UTC system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the generator.
     *
     * @return the generator
     */
    public WorkflowGenerator build() {
      return new WorkflowGenerator(this);
    }
  }
}
