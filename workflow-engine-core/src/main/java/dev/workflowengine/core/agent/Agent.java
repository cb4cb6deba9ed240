package dev.workflowengine.core.agent;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.Template;
import dev.workflowengine.core.WorkflowState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An LLM agent as a workflow node: a chat model with a system prompt, tools it may call, an
 * optional memory of the conversation and an optional structured answer.
 *
 * <pre>{@code
 * Agent analyst = Agent.builder("analyst")
 *     .model(ollama.chatModel("default"))
 *     .systemPrompt("You analyse {{topic}} for {{audience.name}}.")
 *     .prompt("Analyse this document: {{content}}")
 *     .tools(new CalendarTools(), new SearchTools())
 *     .maxToolRounds(5)
 *     .outputKey("analysis")
 *     .build();
 * Workflow wf = Workflow.builder("docs").node("analyze", analyst)...build();
 * }</pre>
 *
 * <p>One {@link #apply} is one task: the rendered system prompt and task go to the model; while the
 * model answers with tool calls, all calls of a turn run at once (see {@link Builder#tools}) and
 * their results, or their errors, go back in the order asked; the first plain answer is written to
 * the output key. Each call (name, arguments, result or error, duration) is recorded as {@code
 * tool_calls} in the node's {@code node_completed} event. With a streaming model the answer's text
 * also goes out as {@code token} events of the running node, the last one with the model, the
 * tokens used and the finish reason.
 *
 * <p>Immutable and thread-safe: one agent may serve many executions and parallel branches at once.
 */
public final class Agent implements NodeAction {

  /** The tool rounds an agent allows unless told otherwise. */
  public static final int DEFAULT_MAX_TOOL_ROUNDS = 10;

  final String name;
  final ChatModel model;
  final StreamingChatModel streamingModel; // null: answers are not streamed
  final Template systemPrompt; // null: no system message
  final Function<WorkflowState, String> prompt; // null: the state's input or task
  final Map<String, AgentTool> tools;
  final int memoryWindow; // 0: no memory
  final String memoryKey;
  final int maxToolRounds;
  final String outputKey;
  final StructuredOutput output; // null: the answer's text

  private Agent(Builder builder) {
    this.name = builder.name;
    this.model = builder.model;
    this.streamingModel = builder.streamingModel;
    this.systemPrompt = builder.systemPrompt;
    this.prompt = builder.prompt;
    this.tools = Map.copyOf(builder.tools);
    this.memoryWindow = builder.memoryWindow;
    this.memoryKey = builder.memoryKey == null ? builder.name + "_memory" : builder.memoryKey;
    this.maxToolRounds = builder.maxToolRounds;
    this.outputKey = builder.outputKey == null ? builder.name : builder.outputKey;
    this.output =
        builder.outputSchema != null
            ? StructuredOutput.of(builder.name, builder.outputSchema)
            : builder.outputType != null
                ? StructuredOutput.of(builder.name, builder.outputType)
                : null;
  }

  /**
   * A builder for an agent.
   *
   * @param name the agent's name, used in errors and as the default output key
   * @return a new builder; not thread-safe
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The agent's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The state key the answer is written to.
   *
   * @return the output key
   */
  public String outputKey() {
    return outputKey;
  }

  /**
   * Where the conversation is kept when the agent has a memory window.
   *
   * @return the state key, present only with a memory window
   */
  public Optional<String> memoryKey() {
    return memoryWindow == 0 ? Optional.empty() : Optional.of(memoryKey);
  }

  /**
   * Runs the agent on the state.
   *
   * @param state the state before the node
   * @return the answer under the output key and, with a memory window, the conversation
   * @throws ToolRoundsExceededException if the model still asks for tools after the cap
   * @throws StructuredOutputException if the answer does not match the output schema after one
   *     repair request
   * @throws InterruptedException if the thread is interrupted while tools run
   */
  @Override
  public Map<String, Object> apply(WorkflowState state) throws Exception {
    return new AgentRun(this, state, NodeContext.current()).run();
  }

  @Override
  public String toString() {
    return "Agent[" + name + ", tools=" + tools.keySet() + "]";
  }

  /**
   * Builds an {@link Agent}. Each setter checks its argument at once; {@link #build()} copies the
   * configuration, so a builder may be reused. Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private ChatModel model;
    private StreamingChatModel streamingModel;
    private Template systemPrompt;
    private Function<WorkflowState, String> prompt;
    private final Map<String, AgentTool> tools = new LinkedHashMap<>();
    private int memoryWindow;
    private String memoryKey;
    private int maxToolRounds = DEFAULT_MAX_TOOL_ROUNDS;
    private String outputKey;
    private JsonSchemaElement outputSchema;
    private Class<? extends Record> outputType;

    private Builder(String name) {
      requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("an agent's name must not be blank");
      }
      this.name = name;
    }

    /**
     * Sets the chat model. Required.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(ChatModel model) {
      this.model = requireNonNull(model, "model");
      return this;
    }

    /**
     * Streams the answers through this model instead, so their text goes out as {@code token}
     * events of the running node while it arrives. The {@link #model} is still required: it names
     * what the agent is built for and serves callers that cannot stream.
     *
     * @param streamingModel the streaming model
     * @return this builder
     */
    public Builder streamingModel(StreamingChatModel streamingModel) {
      this.streamingModel = requireNonNull(streamingModel, "streamingModel");
      return this;
    }

    /**
     * Sets the system prompt, a template over the state ({@code {{key}}}, {@code {{key.path}}}).
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if the template is malformed
     */
    public Builder systemPrompt(String template) {
      this.systemPrompt = parse("systemPrompt", template);
      return this;
    }

    /**
     * Sets the task, a template over the state. Without one the agent's task is the state's {@code
     * input}, else its {@code task}.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if the template is malformed
     */
    public Builder prompt(String template) {
      Template parsed = parse("prompt", template);
      this.prompt = parsed::render;
      return this;
    }

    /**
     * Sets the task as a function of the state.
     *
     * @param renderer renders the task
     * @return this builder
     */
    public Builder prompt(Function<WorkflowState, String> renderer) {
      this.prompt = requireNonNull(renderer, "renderer");
      return this;
    }

    /**
     * Adds every public {@link dev.langchain4j.agent.tool.Tool @Tool} method of each object as a
     * tool. Arguments are converted from JSON to the parameters' types; a {@code void} method
     * answers "Success". A tool reads {@code NodeContext.current()} for the node's idempotency key,
     * as on the node's own thread.
     *
     * @param toolObjects objects with {@code @Tool} methods
     * @return this builder
     * @throws IllegalArgumentException if an object has no tool or a name is already taken
     */
    public Builder tools(Object... toolObjects) {
      requireNonNull(toolObjects, "toolObjects");
      for (Object toolObject : toolObjects) {
        requireNonNull(toolObject, "toolObjects contains null");
        if (toolObject instanceof AgentTool tool) {
          tool(tool);
        } else {
          MethodTools.from(toolObject).forEach(this::tool);
        }
      }
      return this;
    }

    /**
     * Adds a tool given as a specification and the code that runs it.
     *
     * @param tool the tool
     * @return this builder
     * @throws IllegalArgumentException if another tool has the same name
     */
    public Builder tool(AgentTool tool) {
      requireNonNull(tool, "tool");
      if (tools.containsKey(tool.name())) {
        throw new IllegalArgumentException(
            "agent '" + name + "' already has a tool named '" + tool.name() + "'");
      }
      tools.put(tool.name(), tool);
      return this;
    }

    /**
     * Keeps the conversation across runs of this node within one execution, in the state under
     * {@link #memoryKey} (so it survives checkpoints and recovery), and sends the model only the
     * last {@code messages} of it besides the system prompt, which is rendered afresh each time. A
     * window that would start with tool results whose request fell out drops them too, as
     * LangChain4j's {@code MessageWindowChatMemory} does.
     *
     * @param messages how many messages to keep, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code messages} is less than 1
     */
    public Builder memoryWindow(int messages) {
      if (messages < 1) {
        throw new IllegalArgumentException("memoryWindow must be at least 1, was " + messages);
      }
      this.memoryWindow = messages;
      return this;
    }

    /**
     * Names the state key the conversation is kept under; default {@code <name>_memory}.
     *
     * @param key the state key
     * @return this builder
     */
    public Builder memoryKey(String key) {
      this.memoryKey = nonBlank("memoryKey", key);
      return this;
    }

    /**
     * Caps the turns in which the model may ask for tools; default {@value
     * Agent#DEFAULT_MAX_TOOL_ROUNDS}. A model that asks for tools once more fails the node with
     * {@link ToolRoundsExceededException}, rather than being forced to answer without them: an
     * answer the model was not ready to give would be passed on as if it were sound.
     *
     * @param rounds the cap, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code rounds} is less than 1
     */
    public Builder maxToolRounds(int rounds) {
      if (rounds < 1) {
        throw new IllegalArgumentException("maxToolRounds must be at least 1, was " + rounds);
      }
      this.maxToolRounds = rounds;
      return this;
    }

    /**
     * Sets the state key the answer is written to; default the agent's name.
     *
     * @param key the state key
     * @return this builder
     */
    public Builder outputKey(String key) {
      this.outputKey = nonBlank("outputKey", key);
      return this;
    }

    /**
     * Asks for JSON matching a schema and writes the parsed JSON value. An answer that is not JSON
     * or does not match gets one repair request listing the errors; a second failure is a {@link
     * StructuredOutputException}. Usually a {@code JsonObjectSchema}; a {@code JsonRawSchema}
     * carries a schema written as JSON.
     *
     * @param schema the schema
     * @return this builder
     * @throws IllegalStateException if an output type is already set
     */
    public Builder outputSchema(JsonSchemaElement schema) {
      requireNonNull(schema, "schema");
      if (outputType != null) {
        throw new IllegalStateException("agent '" + name + "' already has an output type");
      }
      this.outputSchema = schema;
      return this;
    }

    /**
     * Asks for JSON matching a record type's schema, as {@link #outputSchema}. The state holds the
     * answer as a JSON object, which {@code state.get(key, type)} converts to the record.
     *
     * @param type the record type
     * @return this builder
     * @throws IllegalStateException if an output schema is already set
     */
    public Builder outputType(Class<? extends Record> type) {
      requireNonNull(type, "type");
      if (outputSchema != null) {
        throw new IllegalStateException("agent '" + name + "' already has an output schema");
      }
      this.outputType = type;
      return this;
    }

    /**
     * Builds the agent.
     *
     * @return the agent
     * @throws IllegalStateException if no model is set
     */
    public Agent build() {
      if (model == null) {
        throw new IllegalStateException("agent '" + name + "' needs a model; call model(...)");
      }
      return new Agent(this);
    }

    private static Template parse(String what, String template) {
      requireNonNull(template, what);
      try {
        return Template.parse(template);
      } catch (Template.InvalidTemplate e) {
        throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
      }
    }

    private static String nonBlank(String what, String value) {
      requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value;
    }
  }
}
