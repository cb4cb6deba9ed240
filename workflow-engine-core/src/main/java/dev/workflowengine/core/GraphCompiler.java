package dev.workflowengine.core;

import dev.workflowengine.api.WorkflowValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.state.AgentState;
import org.bsc.langgraph4j.state.Channel;

/**
 * Compiles a validated {@link GraphSpec} onto LangGraph4j: nodes become steps, fan-outs become one
 * {@link ParallelBranches} step, conditional edges and routes become {@link NextNode} commands,
 * human steps become interrupts. Nothing of LangGraph4j leaves this package.
 */
final class GraphCompiler {

  /**
   * Names the step that runs a fan-out's branches. LangGraph4j refuses ids starting with "__", and
   * a ':' cannot occur in a workflow node id, so the name never clashes with a node.
   */
  private static final String FAN_OUT_PREFIX = "fan-out:";

  private final GraphSpec spec;
  private final Map<String, NodeExecution> executions = new LinkedHashMap<>();
  private final StateGraph<AgentState> graph;

  private GraphCompiler(GraphSpec spec) {
    this.spec = spec;
    Map<String, Channel<?>> channels = new HashMap<>();
    spec.reducers().forEach((key, reducer) -> channels.put(key, new ReducerChannel(reducer)));
    this.graph = new StateGraph<>(channels, SharedStateSerializer.INSTANCE);
  }

  static CompiledGraph<AgentState> compile(GraphSpec spec) {
    try {
      return new GraphCompiler(spec).build();
    } catch (GraphStateException e) {
      throw new WorkflowValidationException(
          "workflow '" + spec.id() + "'",
          "$",
          "the graph engine rejected the graph: " + e.getMessage());
    }
  }

  /** The step a run starts with: the first node, the fan-out from the start, or the end. */
  static String firstStep(GraphSpec spec) {
    var edges = spec.outgoing(Workflow.START);
    return edges.size() == 1 ? edges.get(0).to() : FAN_OUT_PREFIX + Workflow.START;
  }

  /** A workflow node id as LangGraph4j knows it. */
  static String graphId(String workflowNodeId) {
    if (Workflow.START.equals(workflowNodeId)) {
      return StateGraph.START;
    }
    return Workflow.END.equals(workflowNodeId) ? StateGraph.END : workflowNodeId;
  }

  /** A LangGraph4j node id as the workflow knows it. */
  static String workflowId(String graphNodeId) {
    if (StateGraph.START.equals(graphNodeId)) {
      return Workflow.START;
    }
    return StateGraph.END.equals(graphNodeId) ? Workflow.END : graphNodeId;
  }

  private CompiledGraph<AgentState> build() throws GraphStateException {
    List<String> humanSteps = new ArrayList<>();
    for (NodeSpec node : spec.nodesById().values()) {
      NodePolicies policies =
          spec.policies().containsKey(node.id())
              ? new NodePolicies(spec.policies().get(node.id()), spec.resources().get(node.id()))
              : null;
      NodeExecution execution = new NodeExecution(spec.id(), node, policies);
      executions.put(node.id(), execution);
      graph.addNode(node.id(), new NodeStep(execution));
      if (node.kind() == NodeSpec.Kind.HUMAN) {
        humanSteps.add(node.id());
      }
    }
    addTransitions(Workflow.START);
    for (String nodeId : executions.keySet()) {
      addTransitions(nodeId);
    }
    return graph.compile(
        CompileConfig.builder()
            .checkpointSaver(RunSaver.INSTANCE)
            .interruptsBefore(humanSteps)
            .recursionLimit(Integer.MAX_VALUE)
            .releaseThread(false)
            .build());
  }

  private void addTransitions(String from) throws GraphStateException {
    String source = graphId(from);
    var route = spec.route(from);
    if (route.isPresent()) {
      Set<String> allowed = route.get().targetsDeclared() ? route.get().targets() : anyTarget();
      graph.addConditionalEdges(
          source, new NextNode.ByRoute(spec.id(), route.get(), allowed), mappings(allowed));
      return;
    }
    List<EdgeSpec> edges = spec.outgoing(from);
    boolean conditional = edges.stream().anyMatch(EdgeSpec::isConditional);
    if (conditional) {
      Set<String> targets = new LinkedHashSet<>();
      edges.forEach(edge -> targets.add(edge.to()));
      graph.addConditionalEdges(
          source, new NextNode.ByConditions(spec.id(), from, edges), mappings(targets));
    } else if (edges.size() == 1) {
      graph.addEdge(source, graphId(edges.get(0).to()));
    } else if (edges.size() > 1) {
      addFanOut(from, edges);
    }
  }

  private void addFanOut(String from, List<EdgeSpec> edges) throws GraphStateException {
    List<NodeExecution> branches = new ArrayList<>();
    edges.forEach(edge -> branches.add(executions.get(edge.to())));
    String join = spec.outgoing(edges.get(0).to()).get(0).to();
    String fanOut = FAN_OUT_PREFIX + from;
    graph.addNode(
        fanOut,
        new ParallelBranches(spec.id(), from, branches, spec.reducers(), spec.parallelExecutor()));
    graph.addEdge(graphId(from), fanOut);
    graph.addEdge(fanOut, graphId(join));
  }

  private Set<String> anyTarget() {
    Set<String> targets = new LinkedHashSet<>(executions.keySet());
    targets.add(Workflow.END);
    return targets;
  }

  /** Every possible target maps to itself; a failed run may always go to the end. */
  private static Map<String, String> mappings(Set<String> targets) {
    Map<String, String> mappings = new HashMap<>();
    targets.forEach(target -> mappings.put(graphId(target), graphId(target)));
    mappings.put(StateGraph.END, StateGraph.END);
    return mappings;
  }
}
