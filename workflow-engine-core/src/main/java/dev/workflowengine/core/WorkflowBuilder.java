package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.NodePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Builds a {@link Workflow}: nodes, the edges between them, routes, reducers and policies. Nothing
 * is checked until {@link #build()}, which reports every problem at once.
 *
 * <pre>{@code
 * Workflow review = Workflow.builder("review")
 *     .node("draft", drafter)
 *     .node("critique", critic)
 *     .start("draft")
 *     .edge("draft", "critique")
 *     .route("critique", s -> s.getInt("round") < 3 ? "draft" : Workflow.END, "draft", Workflow.END)
 *     .reducer("notes", Reducers.append())
 *     .policy("draft", NodePolicy.builder().timeout(Duration.ofSeconds(60)).retries(2).build())
 *     .build();
 * }</pre>
 *
 * <p>Several unconditional edges from one node fan out: the targets run concurrently, each must
 * have a single edge to the same join node, and the join runs once all of them finished. Edges with
 * a {@link Condition} are tried in declaration order; an unconditional edge from the same node is
 * the fallback.
 *
 * <p>Not thread-safe. {@link #build()} copies everything, so the builder can be reused.
 */
public final class WorkflowBuilder {

  private static final int DEFAULT_MAX_STEPS = 10_000;

  private final String id;
  private String description = "";
  private int version = 1;
  private final List<NodeSpec> nodes = new ArrayList<>();
  private final List<EdgeSpec> edges = new ArrayList<>();
  private final List<RouteSpec> routes = new ArrayList<>();
  private final Map<String, Reducer> reducers = new LinkedHashMap<>();
  private final Map<String, NodePolicy> policies = new LinkedHashMap<>();
  private final Map<String, String> resources = new LinkedHashMap<>();
  private final Set<String> requiredInput = new LinkedHashSet<>();
  private String start;
  private int maxSteps = DEFAULT_MAX_STEPS;
  private Executor parallelExecutor;

  WorkflowBuilder(String id) {
    this.id = requireNonNull(id, "id");
  }

  /**
   * Says what the workflow does.
   *
   * @param text the description
   * @return this builder
   */
  public WorkflowBuilder description(String text) {
    this.description = requireNonNull(text, "text");
    return this;
  }

  /**
   * Sets the version, as stored with executions that run it. Default 1.
   *
   * @param number at least 1
   * @return this builder
   */
  public WorkflowBuilder version(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("version must be >= 1 but was " + number);
    }
    this.version = number;
    return this;
  }

  /**
   * Adds a node.
   *
   * @param nodeId the id: letters, digits, {@code _}, {@code -} and {@code .}, starting with a
   *     letter
   * @param action what it does
   * @return this builder
   */
  public WorkflowBuilder node(String nodeId, NodeAction action) {
    return add(nodeId, NodeSpec.Kind.ACTION, requireNonNull(action, "action"), null, null);
  }

  /**
   * Adds a step that pauses the workflow until a person resumes it.
   *
   * @param nodeId the id
   * @param step the prompt and the input expected
   * @return this builder
   */
  public WorkflowBuilder human(String nodeId, HumanStep step) {
    requireNonNull(step, "step");
    return add(nodeId, NodeSpec.Kind.HUMAN, null, step, null);
  }

  /**
   * Adds a node that runs another workflow on the whole state and merges back the keys it changed.
   *
   * @param nodeId the id
   * @param child the workflow to run; it must not contain human steps
   * @return this builder
   */
  public WorkflowBuilder subworkflow(String nodeId, Workflow child) {
    return subworkflow(nodeId, child, Map.of(), Map.of());
  }

  /**
   * Adds a node that runs another workflow on selected keys and copies selected results back.
   *
   * @param nodeId the id
   * @param child the workflow to run; it must not contain human steps
   * @param inputs child key to parent key: what the child starts with; empty for the whole state
   * @param outputs parent key to child key: what comes back; empty for every key the child changed
   * @return this builder
   */
  public WorkflowBuilder subworkflow(
      String nodeId, Workflow child, Map<String, String> inputs, Map<String, String> outputs) {
    requireNonNull(child, "child");
    NodeAction action = new SubworkflowAction(child, Map.copyOf(inputs), Map.copyOf(outputs));
    return add(nodeId, NodeSpec.Kind.SUBWORKFLOW, action, null, child);
  }

  private WorkflowBuilder add(
      String nodeId, NodeSpec.Kind kind, NodeAction action, HumanStep human, Workflow child) {
    requireNonNull(nodeId, "nodeId");
    nodes.add(new NodeSpec(nodeId, nodes.size(), kind, action, human, child));
    return this;
  }

  /**
   * Names the first node; the same as {@code edge(Workflow.START, nodeId)}.
   *
   * @param nodeId the first node
   * @return this builder
   */
  public WorkflowBuilder start(String nodeId) {
    this.start = requireNonNull(nodeId, "nodeId");
    return this;
  }

  /**
   * Adds an unconditional edge.
   *
   * @param from the source node or {@link Workflow#START}
   * @param to the target node or {@link Workflow#END}
   * @return this builder
   */
  public WorkflowBuilder edge(String from, String to) {
    edges.add(
        new EdgeSpec(
            edges.size(), requireNonNull(from, "from"), requireNonNull(to, "to"), null, ""));
    return this;
  }

  /**
   * Adds an edge taken when a condition holds.
   *
   * @param from the source node
   * @param to the target node or {@link Workflow#END}
   * @param condition the guard
   * @return this builder
   */
  public WorkflowBuilder edge(String from, String to, Condition condition) {
    return edge(from, to, "", condition);
  }

  /**
   * Adds an edge taken when a condition holds, labelled in diagrams.
   *
   * @param from the source node
   * @param to the target node or {@link Workflow#END}
   * @param label how the condition reads, for example its source expression
   * @param condition the guard
   * @return this builder
   */
  public WorkflowBuilder edge(String from, String to, String label, Condition condition) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(label, "label");
    requireNonNull(condition, "condition");
    edges.add(new EdgeSpec(edges.size(), from, to, condition, label));
    return this;
  }

  /**
   * Adds a conditional edge whose target a function chooses among the given targets.
   *
   * @param from the source node
   * @param route chooses the target
   * @param targets every target it may choose, for validation and diagrams; none means any node
   * @return this builder
   */
  public WorkflowBuilder route(String from, Route route, String... targets) {
    requireNonNull(from, "from");
    requireNonNull(route, "route");
    routes.add(new RouteSpec(from, route, new LinkedHashSet<>(List.of(targets))));
    return this;
  }

  /**
   * Sets how updates to a key combine with its value; keys without one are replaced.
   *
   * @param key the state key
   * @param reducer the reducer, for example {@link Reducers#append()}
   * @return this builder
   */
  public WorkflowBuilder reducer(String key, Reducer reducer) {
    reducers.put(requireNonNull(key, "key"), requireNonNull(reducer, "reducer"));
    return this;
  }

  /**
   * Protects a node with a timeout, retries, a circuit breaker or a rate limit.
   *
   * @param nodeId the node
   * @param policy the policy
   * @return this builder
   */
  public WorkflowBuilder policy(String nodeId, NodePolicy policy) {
    policies.put(requireNonNull(nodeId, "nodeId"), requireNonNull(policy, "policy"));
    return this;
  }

  /**
   * Names what a node calls, such as {@code model:default} or {@code tool:crm.lookup}. Nodes that
   * name the same resource share one circuit breaker (when their policies' breaker settings are the
   * same), across workflows: a failing dependency then gets a rest from all its callers.
   * Definitions name the resources of their llm, tool and agent nodes themselves.
   *
   * @param nodeId the node
   * @param resource the resource's name
   * @return this builder
   */
  public WorkflowBuilder resource(String nodeId, String resource) {
    resources.put(requireNonNull(nodeId, "nodeId"), requireNonNull(resource, "resource"));
    return this;
  }

  /**
   * Requires the start input to provide these keys; a run without them is refused.
   *
   * @param keys the keys
   * @return this builder
   */
  public WorkflowBuilder requireInput(String... keys) {
    for (String key : keys) {
      requiredInput.add(requireNonNull(key, "key"));
    }
    return this;
  }

  /**
   * Caps the nodes one run may execute, to stop loops that never end. Default 10,000.
   *
   * @param steps at least 1
   * @return this builder
   */
  public WorkflowBuilder maxSteps(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("maxSteps must be >= 1 but was " + steps);
    }
    this.maxSteps = steps;
    return this;
  }

  /**
   * Runs parallel branches on this executor instead of the shared default pool of daemon threads.
   *
   * @param executor the executor; it must run tasks on other threads than the caller's
   * @return this builder
   */
  public WorkflowBuilder parallelExecutor(Executor executor) {
    this.parallelExecutor = requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Validates the workflow and compiles it.
   *
   * @return the workflow, immutable and thread-safe
   * @throws WorkflowValidationException listing every problem found, each with its location
   */
  public Workflow build() {
    List<EdgeSpec> allEdges = new ArrayList<>();
    if (start != null) {
      allEdges.add(new EdgeSpec(-1, Workflow.START, start, null, ""));
    }
    allEdges.addAll(edges);
    GraphSpec spec =
        new GraphSpec(
            id,
            version,
            description,
            List.copyOf(nodes),
            List.copyOf(allEdges),
            List.copyOf(routes),
            // Ordered copies: problems about policies and inputs come out in declaration order.
            Collections.unmodifiableMap(new LinkedHashMap<>(reducers)),
            Collections.unmodifiableMap(new LinkedHashMap<>(policies)),
            Map.copyOf(resources),
            Collections.unmodifiableSet(new LinkedHashSet<>(requiredInput)),
            maxSteps,
            parallelExecutor == null ? ParallelBranches.defaultExecutor() : parallelExecutor);
    List<ValidationProblem> problems = GraphValidator.validate(spec);
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException("workflow '" + id + "'", problems);
    }
    return new Workflow(spec);
  }
}
