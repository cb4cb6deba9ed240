package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.agent.StandardAgentFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What JSON definitions may refer to by name: chat models, agents, tools and other workflows. A
 * definition compiled against a catalog can use nothing else, which is what makes definitions
 * written by a language model safe to run.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.builder()
 *     .model("default", ollama.chatModel("default"))
 *     .tool(weatherTool)
 *     .agent("researcher", researcher)
 *     .workflow(summarize)
 *     .build();   // agents declared in definitions become Agents (StandardAgentFactory)
 * Workflow workflow = Workflows.compile(definition, catalog);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Catalog {

  /** The model an {@code llm} node or agent uses when it names none. */
  public static final String DEFAULT_MODEL = "default";

  private static final Catalog EMPTY = builder().build();

  private final Map<String, ChatModel> models;
  private final Map<String, NodeAction> agents;
  private final Map<String, AgentTool> tools;
  private final Map<String, Workflow> workflows;
  private final AgentFactory agentFactory;

  private Catalog(Builder builder) {
    this.models = Map.copyOf(builder.models);
    this.agents = Map.copyOf(builder.agents);
    this.tools = Map.copyOf(builder.tools);
    this.workflows = Map.copyOf(builder.workflows);
    this.agentFactory =
        builder.agentFactory == null ? StandardAgentFactory.instance() : builder.agentFactory;
  }

  /**
   * A catalog with nothing in it: definitions compiled against it may only use human and transform
   * nodes.
   *
   * @return the empty catalog
   */
  public static Catalog empty() {
    return EMPTY;
  }

  /**
   * A builder for a catalog.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A chat model by name.
   *
   * @param name the name; {@link #DEFAULT_MODEL} when a definition names none
   * @return the model
   */
  public Optional<ChatModel> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  /**
   * An agent by name.
   *
   * @param name the name
   * @return the agent's action
   */
  public Optional<NodeAction> agent(String name) {
    return Optional.ofNullable(agents.get(name));
  }

  /**
   * A tool by name.
   *
   * @param name the name
   * @return the tool
   */
  public Optional<AgentTool> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  /**
   * A workflow by id, for {@code subworkflow} nodes.
   *
   * @param id the workflow id
   * @return the workflow
   */
  public Optional<Workflow> workflow(String id) {
    return Optional.ofNullable(workflows.get(id));
  }

  /**
   * The factory that turns agents declared in definitions into actions.
   *
   * @return the factory set on the builder, else {@link StandardAgentFactory}
   */
  public AgentFactory agentFactory() {
    return agentFactory;
  }

  /**
   * The names of the models.
   *
   * @return the names, sorted
   */
  public Set<String> modelNames() {
    return new TreeMap<>(models).keySet();
  }

  /**
   * The names of the agents.
   *
   * @return the names, sorted
   */
  public Set<String> agentNames() {
    return new TreeMap<>(agents).keySet();
  }

  /**
   * The names of the tools.
   *
   * @return the names, sorted
   */
  public Set<String> toolNames() {
    return new TreeMap<>(tools).keySet();
  }

  /**
   * The ids of the workflows.
   *
   * @return the ids, sorted
   */
  public Set<String> workflowIds() {
    return new TreeMap<>(workflows).keySet();
  }

  /** Builds a {@link Catalog}. Not thread-safe; {@link #build()} copies everything. */
  public static final class Builder {
    private final Map<String, ChatModel> models = new TreeMap<>();
    private final Map<String, NodeAction> agents = new TreeMap<>();
    private final Map<String, AgentTool> tools = new TreeMap<>();
    private final Map<String, Workflow> workflows = new TreeMap<>();
    private AgentFactory agentFactory;

    private Builder() {}

    /**
     * Adds a chat model under a name.
     *
     * @param name the name definitions use, such as a model profile name
     * @param model the model
     * @return this builder
     */
    public Builder model(String name, ChatModel model) {
      models.put(requireNonNull(name, "name"), requireNonNull(model, "model"));
      return this;
    }

    /**
     * Adds the model used when a definition names none.
     *
     * @param model the model
     * @return this builder
     */
    public Builder defaultModel(ChatModel model) {
      return model(DEFAULT_MODEL, model);
    }

    /**
     * Adds an agent, or any node action, under a name.
     *
     * @param name the name
     * @param agent its action
     * @return this builder
     */
    public Builder agent(String name, NodeAction agent) {
      agents.put(requireNonNull(name, "name"), requireNonNull(agent, "agent"));
      return this;
    }

    /**
     * Adds a tool under its specification's name.
     *
     * @param tool the tool
     * @return this builder
     */
    public Builder tool(AgentTool tool) {
      tools.put(requireNonNull(tool, "tool").name(), tool);
      return this;
    }

    /**
     * Adds a workflow under its id.
     *
     * @param workflow the workflow
     * @return this builder
     */
    public Builder workflow(Workflow workflow) {
      workflows.put(requireNonNull(workflow, "workflow").id(), workflow);
      return this;
    }

    /**
     * Sets the factory for agents declared in definitions, instead of {@link StandardAgentFactory}.
     *
     * @param factory the factory
     * @return this builder
     */
    public Builder agentFactory(AgentFactory factory) {
      this.agentFactory = requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Builds the catalog.
     *
     * @return the catalog
     */
    public Catalog build() {
      return new Catalog(this);
    }
  }
}
