package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.spi.CheckpointStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphInput;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.state.AgentState;

/**
 * A validated, compiled workflow: a graph of nodes that read a shared state and return updates to
 * it. Built in code with {@link #builder(String)} or compiled from a JSON definition by {@code
 * Workflows.compile}; runs on LangGraph4j, whose types never appear here.
 *
 * <pre>{@code
 * Workflow greet = Workflow.builder("greet")
 *     .node("hello", state -> Map.of("greeting", "Hello, " + state.getString("name")))
 *     .start("hello")
 *     .edge("hello", Workflow.END)
 *     .build();
 * RunResult result = greet.invoke(Map.of("name", "Ada"));
 * result.state().getString("greeting");   // "Hello, Ada"
 * greet.toMermaid();                      // a flowchart of the graph
 * }</pre>
 *
 * <p>A run proceeds on the calling thread, one node at a time (parallel branches on the workflow's
 * executor), and ends completed, waiting at a human step, or cancelled; a failing node ends it with
 * a {@link dev.workflowengine.api.WorkflowExecutionException} naming the node. With a {@link
 * CheckpointStore} in the {@link RunOptions}, every step is checkpointed before the next starts,
 * and {@link #restore} finds where a run stands from any process sharing the store.
 *
 * <p>Immutable and thread-safe: any number of runs may use one workflow at once.
 */
public final class Workflow {

  /** The source of the first edge: {@code edge(Workflow.START, "first")}. */
  public static final String START = "__start__";

  /** The target that finishes a run. */
  public static final String END = "__end__";

  private final GraphSpec spec;
  private final Map<String, NodeSpec> nodes;
  private final CompiledGraph<AgentState> graph;

  Workflow(GraphSpec spec) {
    this.spec = spec;
    this.nodes = Collections.unmodifiableMap(spec.nodesById());
    this.graph = GraphCompiler.compile(spec);
  }

  /** The node with an id, or {@code null}; looked up on every run, so not rebuilt each time. */
  NodeSpec node(String nodeId) {
    return nodes.get(nodeId);
  }

  /**
   * Starts building a workflow.
   *
   * @param id the workflow id
   * @return a new builder; not thread-safe
   */
  public static WorkflowBuilder builder(String id) {
    return new WorkflowBuilder(id);
  }

  /**
   * The workflow id.
   *
   * @return the id
   */
  public String id() {
    return spec.id();
  }

  /**
   * The version, 1 unless the builder or definition said otherwise.
   *
   * @return the version
   */
  public int version() {
    return spec.version();
  }

  /**
   * The human step of a node.
   *
   * @param nodeId the node
   * @return its step, if the node waits for a person
   */
  public Optional<HumanStep> humanStep(String nodeId) {
    NodeSpec node = nodes.get(nodeId);
    return node == null ? Optional.empty() : Optional.ofNullable(node.human());
  }

  /**
   * What the workflow does.
   *
   * @return the description, possibly empty
   */
  public String description() {
    return spec.description();
  }

  /**
   * The ids of the nodes, in declaration order.
   *
   * @return the node ids
   */
  public Set<String> nodeIds() {
    return nodes.keySet();
  }

  /**
   * The graph as a Mermaid flowchart: dotted edges are conditional, slanted boxes wait for a
   * person, double-bordered boxes run a sub-workflow.
   *
   * @return the Mermaid source
   */
  public String toMermaid() {
    return Mermaid.render(spec);
  }

  /**
   * Runs the workflow to its end, a human step, or cancellation.
   *
   * @param input the initial state
   * @return how the run ended
   * @throws WorkflowValidationException if the input lacks a required key or holds a null value
   * @throws dev.workflowengine.api.WorkflowExecutionException if a node failed
   */
  public RunResult invoke(Map<String, ?> input) {
    return invoke(input, RunOptions.defaults());
  }

  /**
   * Runs the workflow with options: run id, checkpoint store, listener, cancellation.
   *
   * @param input the initial state
   * @param options how to run
   * @return how the run ended
   * @throws WorkflowValidationException if the input lacks a required key or holds a null value
   * @throws dev.workflowengine.api.WorkflowExecutionException if a node failed
   */
  public RunResult invoke(Map<String, ?> input, RunOptions options) {
    requireNonNull(options, "options");
    Map<String, Object> start = checkedInput(input);
    RunContext run = new RunContext(this, options, log(options, -1), null, null);
    return RunLoop.run(graph, GraphInput.args(start), run, start);
  }

  /**
   * Continues a run that waits at a human step, in memory, with the person's input.
   *
   * @param waiting the result of the run that is waiting
   * @param input what the person provided; must hold the step's required keys
   * @return how the run ended this time
   * @throws WorkflowValidationException if the run is not waiting or the input is not what the step
   *     requires; nothing changes then
   */
  public RunResult resume(RunResult waiting, Map<String, ?> input) {
    requireNonNull(waiting, "waiting");
    return resume(waiting.position(), input, RunOptions.builder().runId(waiting.runId()).build());
  }

  /**
   * Continues a run from a position: a run waiting at a human step with the person's input, or a
   * run recovered from checkpoints (then with empty input).
   *
   * @param position where the run stands, from a {@link RunResult} or {@link #restore}
   * @param input the person's input when the next node is a human step; otherwise empty
   * @param options how to run; use the original run id to keep one checkpoint log
   * @return how the run ended this time
   * @throws WorkflowValidationException if the run has finished, or the input does not fit the next
   *     node; nothing changes then
   */
  public RunResult resume(RunPosition position, Map<String, ?> input, RunOptions options) {
    requireNonNull(position, "position");
    requireNonNull(options, "options");
    Map<String, Object> humanInput = checkedResumeInput(position, input);
    String next = position.nextNodeId().orElseThrow();
    Checkpoint resumePoint =
        Checkpoint.builder()
            .state(position.state())
            .nodeId(GraphCompiler.graphId(position.lastNodeId()))
            .nextNodeId(GraphCompiler.graphId(next))
            .build();
    RunContext run =
        new RunContext(this, options, log(options, position.step()), resumePoint, humanInput);
    run.recordTransition(position.lastNodeId(), next);
    return RunLoop.run(graph, GraphInput.resume(Map.of()), run, position.state());
  }

  /**
   * Prepares a durable run without running anything: checks the start input and checkpoints it as
   * step 0. Any process sharing the store can then run it with {@link #restore} and {@link
   * #resume(RunPosition, Map, RunOptions)}, which is how an engine hands runs to its workers.
   *
   * @param runId the run, which must have no checkpoints yet
   * @param input the initial state
   * @param store where the run's checkpoints go
   * @return the position before the first node
   * @throws WorkflowValidationException if the input lacks a required key or holds a null value
   * @throws dev.workflowengine.api.VersionConflictException if the run has checkpoints already
   */
  public RunPosition begin(String runId, Map<String, ?> input, CheckpointStore store) {
    requireNonNull(runId, "runId");
    requireNonNull(store, "store");
    Map<String, Object> start = checkedInput(input);
    // As a run started by invoke: reducers see the input first, so an appended list is copied.
    spec.reducers()
        .forEach((key, reducer) -> start.computeIfPresent(key, (k, v) -> reducer.reduce(null, v)));
    String first = GraphCompiler.firstStep(spec);
    Optional<String> next = Optional.of(first).filter(step -> !END.equals(step));
    new CheckpointLog(store, spec.id(), runId, -1, Clock.systemUTC())
        .start(start, next.orElse(null));
    return new RunPosition(Map.copyOf(start), START, next, 0);
  }

  /**
   * Finds where a run stands from its checkpoint log.
   *
   * @param runId the run
   * @param store the store its checkpoints were written to
   * @return its position, or empty if the store has no checkpoints of it
   * @throws dev.workflowengine.api.WorkflowException if the log is damaged
   */
  public Optional<RunPosition> restore(String runId, CheckpointStore store) {
    return CheckpointReplay.replay(spec, runId, store.load(runId));
  }

  GraphSpec spec() {
    return spec;
  }

  private CheckpointLog log(RunOptions options, long lastStep) {
    return new CheckpointLog(
        options.checkpointStore().orElse(null),
        spec.id(),
        options.runId(),
        lastStep,
        Clock.systemUTC());
  }

  private Map<String, Object> checkedInput(Map<String, ?> input) {
    requireNonNull(input, "input");
    List<ValidationProblem> problems = new ArrayList<>();
    Map<String, Object> copy = new HashMap<>();
    input.forEach(
        (key, value) -> {
          if (value == null) {
            problems.add(
                new ValidationProblem("input." + key, "is null; leave the key out instead"));
          } else {
            copy.put(key, value);
          }
        });
    for (String key : spec.requiredInput()) {
      if (!copy.containsKey(key)) {
        problems.add(
            new ValidationProblem("input." + key, "is required by workflow '" + id() + "'"));
      }
    }
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException("the start input of workflow '" + id() + "'", problems);
    }
    return copy;
  }

  private Map<String, Object> checkedResumeInput(RunPosition position, Map<String, ?> input) {
    requireNonNull(input, "input");
    String subject = "the resume input of workflow '" + id() + "'";
    if (position.isFinished()) {
      throw new WorkflowValidationException(
          subject, "$", "the run has finished; there is nothing to resume");
    }
    NodeSpec next = nodes.get(position.nextNodeId().orElseThrow());
    if (next == null || next.kind() != NodeSpec.Kind.HUMAN) {
      if (!input.isEmpty()) {
        throw new WorkflowValidationException(
            subject, "$", "the run is not waiting for a person; continue it with empty input");
      }
      return null;
    }
    return HumanInput.check(subject, next, input);
  }
}
