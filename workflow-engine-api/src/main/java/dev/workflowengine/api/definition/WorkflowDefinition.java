package dev.workflowengine.api.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow as data: nodes, the edges between them, the agents they use, per-node policies and
 * declared state. This is the JSON form people, programs and language models write; {@code
 * Workflows.compile} in the core module turns it into a runnable workflow after validating it. The
 * JSON form is documented in {@code docs/workflow-definition.md} and published as the JSON Schema
 * resource {@link #SCHEMA_RESOURCE}.
 *
 * <pre>{@code
 * WorkflowDefinition definition = WorkflowDefinition.builder("support-ticket")
 *     .startNode("classify")
 *     .node(NodeDefinition.of("classify", NodeTypes.LLM,
 *         Map.of("prompt", "Classify: {{ticket}}", "output", "category")))
 *     .node(NodeDefinition.of("escalate", NodeTypes.HUMAN, Map.of("prompt", "Escalate?")))
 *     .edge(EdgeDefinition.when("classify", "escalate", "state.category == 'urgent'"))
 *     .edge(EdgeDefinition.of("classify", EdgeDefinition.END))
 *     .edge(EdgeDefinition.of("escalate", EdgeDefinition.END))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Values are normalised so that a definition built in code equals the
 * same definition read back from its JSON.
 *
 * @param id the workflow id, stable across versions
 * @param name a display name; defaults to the id
 * @param description what the workflow does
 * @param version the version, from 1; absent or 0 in JSON means 1
 * @param startNode the id of the first node
 * @param nodes the nodes, in the order they were declared
 * @param edges the edges; order matters among conditional edges of one node
 * @param agents agents the {@code agent} nodes may refer to
 * @param policies node policies by node id
 * @param state declared state keys by name
 * @param metadata anything else, as JSON values; carried along, never interpreted
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WorkflowDefinition(
    @JsonInclude(JsonInclude.Include.ALWAYS) String id,
    String name,
    String description,
    int version,
    String startNode,
    List<NodeDefinition> nodes,
    List<EdgeDefinition> edges,
    List<AgentDefinition> agents,
    Map<String, NodePolicy> policies,
    Map<String, StateKeyDefinition> state,
    Map<String, Object> metadata) {

  /** The class-path location of the JSON Schema of this record's JSON form. */
  public static final String SCHEMA_RESOURCE =
      "/dev/workflowengine/api/workflow-definition.schema.json";

  /** Normalises the components; the content is validated when the definition is compiled. */
  public WorkflowDefinition {
    requireNonNull(id, "id");
    name = name == null || name.isBlank() ? id : name;
    description = description == null ? "" : description;
    version = version == 0 ? 1 : version;
    startNode = startNode == null ? "" : startNode;
    nodes = JsonValues.copyList(nodes);
    edges = JsonValues.copyList(edges);
    agents = JsonValues.copyList(agents);
    policies = JsonValues.copyOrderedMap(policies, "policies");
    state = JsonValues.copyOrderedMap(state, "state");
    metadata = JsonValues.copyObject(metadata, "metadata");
  }

  /**
   * A builder for a definition with the given id.
   *
   * @param id the workflow id
   * @return a new builder; not thread-safe
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * A builder starting from this definition, to derive a changed copy.
   *
   * @return a new builder holding this definition's values
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.name = name;
    builder.description = description;
    builder.version = version;
    builder.startNode = startNode;
    builder.nodes.addAll(nodes);
    builder.edges.addAll(edges);
    builder.agents.addAll(agents);
    builder.policies.putAll(policies);
    builder.state.putAll(state);
    builder.metadata.putAll(metadata);
    return builder;
  }

  /**
   * This definition with another version number.
   *
   * @param newVersion the version, from 1
   * @return a copy with the version replaced
   */
  public WorkflowDefinition withVersion(int newVersion) {
    return toBuilder().version(newVersion).build();
  }

  /**
   * The node with the given id.
   *
   * @param nodeId the node id
   * @return the node, if declared
   */
  public Optional<NodeDefinition> node(String nodeId) {
    return nodes.stream().filter(node -> node.id().equals(nodeId)).findFirst();
  }

  /**
   * The agent with the given id.
   *
   * @param agentId the agent id
   * @return the agent, if declared
   */
  public Optional<AgentDefinition> agent(String agentId) {
    return agents.stream().filter(agent -> agent.id().equals(agentId)).findFirst();
  }

  /** Builds a {@link WorkflowDefinition}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String name;
    private String description;
    private int version = 1;
    private String startNode;
    private final List<NodeDefinition> nodes = new ArrayList<>();
    private final List<EdgeDefinition> edges = new ArrayList<>();
    private final List<AgentDefinition> agents = new ArrayList<>();
    private final Map<String, NodePolicy> policies = new LinkedHashMap<>();
    private final Map<String, StateKeyDefinition> state = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    /**
     * Sets the display name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    /**
     * Says what the workflow does.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version from 1
     * @return this builder
     */
    public Builder version(int version) {
      if (version < 1) {
        throw new IllegalArgumentException("version must be >= 1 but was " + version);
      }
      this.version = version;
      return this;
    }

    /**
     * Names the first node.
     *
     * @param nodeId the node id
     * @return this builder
     */
    public Builder startNode(String nodeId) {
      this.startNode = requireNonNull(nodeId, "nodeId");
      return this;
    }

    /**
     * Adds a node.
     *
     * @param node the node
     * @return this builder
     */
    public Builder node(NodeDefinition node) {
      nodes.add(requireNonNull(node, "node"));
      return this;
    }

    /**
     * Adds an edge.
     *
     * @param edge the edge
     * @return this builder
     */
    public Builder edge(EdgeDefinition edge) {
      edges.add(requireNonNull(edge, "edge"));
      return this;
    }

    /**
     * Adds an unconditional edge.
     *
     * @param from the source node id
     * @param to the target node id or {@link EdgeDefinition#END}
     * @return this builder
     */
    public Builder edge(String from, String to) {
      return edge(EdgeDefinition.of(from, to));
    }

    /**
     * Declares an agent.
     *
     * @param agent the agent
     * @return this builder
     */
    public Builder agent(AgentDefinition agent) {
      agents.add(requireNonNull(agent, "agent"));
      return this;
    }

    /**
     * Sets the policy of a node.
     *
     * @param nodeId the node id
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(String nodeId, NodePolicy policy) {
      policies.put(requireNonNull(nodeId, "nodeId"), requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Declares a state key.
     *
     * @param key the key
     * @param declaration how it behaves
     * @return this builder
     */
    public Builder state(String key, StateKeyDefinition declaration) {
      state.put(requireNonNull(key, "key"), requireNonNull(declaration, "declaration"));
      return this;
    }

    /**
     * Sets one metadata entry.
     *
     * @param key the key
     * @param value a JSON value
     * @return this builder
     */
    public Builder metadata(String key, Object value) {
      metadata.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the definition. Nothing is validated here beyond shape; compile it to validate.
     *
     * @return the definition
     */
    public WorkflowDefinition build() {
      return new WorkflowDefinition(
          id,
          name,
          description,
          version,
          startNode,
          nodes,
          edges,
          agents,
          policies,
          state,
          metadata);
    }
  }
}
