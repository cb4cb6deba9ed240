package dev.workflowengine.benchmarks;

import static org.bsc.langgraph4j.action.AsyncEdgeAction.edge_async;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

import dev.workflowengine.core.RunOptions;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.checkpoint.MemorySaver;
import org.bsc.langgraph4j.state.AgentState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-step overhead of the engine with trivial nodes: this SDK's compiled workflow against the same
 * graph on raw LangGraph4j with its default serializer, both checkpointing every step (the SDK into
 * its in-memory checkpoint store, LangGraph4j into its {@code MemorySaver}). Scores are
 * microseconds per step.
 *
 * <p>Graphs: a chain of 100 nodes each writing its own key; a 3-node loop run for 30 rounds; the
 * chain again with a 100 KB string in the initial state. A plain Java loop over the chain's 100
 * functions is the floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class StepOverheadBenchmark {

  static final int CHAIN = 100;
  static final int ROUNDS = 30;
  static final int LOOP_STEPS = 3 * ROUNDS;

  private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
  private Workflow sdkChain;
  private Workflow sdkLoop;
  private CompiledGraph<AgentState> rawChain;
  private CompiledGraph<AgentState> rawLoop;
  private Map<String, Object> largeInput;
  private final Function<Map<String, Object>, Map<String, Object>>[] functions = chainFunctions();

  @Setup
  public void setUp() throws GraphStateException {
    sdkChain = buildSdkChain();
    sdkLoop = buildSdkLoop();
    rawChain = buildRawChain();
    rawLoop = buildRawLoop();
    largeInput = Map.of("document", "x".repeat(100 * 1024));
  }

  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public RunResult sdkChain() {
    return runSdk(sdkChain, Map.of());
  }

  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public Object rawChain() {
    return runRaw(rawChain, Map.of());
  }

  @Benchmark
  @OperationsPerInvocation(LOOP_STEPS)
  public RunResult sdkLoop() {
    return runSdk(sdkLoop, Map.of("round", 0));
  }

  @Benchmark
  @OperationsPerInvocation(LOOP_STEPS)
  public Object rawLoop() {
    return runRaw(rawLoop, Map.of("round", 0));
  }

  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public RunResult sdkChainLargeState() {
    return runSdk(sdkChain, largeInput);
  }

  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public Object rawChainLargeState() {
    return runRaw(rawChain, largeInput);
  }

  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public Map<String, Object> plainJavaChain() {
    Map<String, Object> state = new HashMap<>();
    for (Function<Map<String, Object>, Map<String, Object>> function : functions) {
      state.putAll(function.apply(state));
    }
    return state;
  }

  private RunResult runSdk(Workflow workflow, Map<String, Object> input) {
    String runId = UUID.randomUUID().toString();
    RunResult result =
        workflow.invoke(input, RunOptions.builder().runId(runId).checkpointStore(store).build());
    store.delete(runId);
    return result;
  }

  private static Object runRaw(CompiledGraph<AgentState> graph, Map<String, Object> input) {
    RunnableConfig config = RunnableConfig.builder().threadId(UUID.randomUUID().toString()).build();
    return graph.invoke(input, config).orElseThrow();
  }

  static Workflow buildSdkChain() {
    WorkflowBuilder builder = Workflow.builder("chain").start("n0");
    for (int i = 0; i < CHAIN; i++) {
      String key = "k" + i;
      Integer value = i;
      builder.node("n" + i, state -> Map.of(key, value));
      builder.edge("n" + i, i + 1 < CHAIN ? "n" + (i + 1) : Workflow.END);
    }
    return builder.build();
  }

  static Workflow buildSdkLoop() {
    return Workflow.builder("loop")
        .node("a", state -> Map.of("a", state.getInt("round")))
        .node("b", state -> Map.of("b", state.getInt("round")))
        .node("c", state -> Map.of("round", state.getInt("round") + 1))
        .start("a")
        .edge("a", "b")
        .edge("b", "c")
        .route("c", state -> state.getInt("round") < ROUNDS ? "a" : Workflow.END, "a", Workflow.END)
        .build();
  }

  static CompiledGraph<AgentState> buildRawChain() throws GraphStateException {
    StateGraph<AgentState> graph = new StateGraph<>(AgentState::new);
    for (int i = 0; i < CHAIN; i++) {
      String key = "k" + i;
      Integer value = i;
      graph.addNode("n" + i, node_async(state -> Map.of(key, value)));
      graph.addEdge("n" + i, i + 1 < CHAIN ? "n" + (i + 1) : StateGraph.END);
    }
    graph.addEdge(StateGraph.START, "n0");
    return graph.compile(withSaver());
  }

  static CompiledGraph<AgentState> buildRawLoop() throws GraphStateException {
    StateGraph<AgentState> graph = new StateGraph<>(AgentState::new);
    graph.addNode("a", node_async(state -> Map.of("a", round(state))));
    graph.addNode("b", node_async(state -> Map.of("b", round(state))));
    graph.addNode("c", node_async(state -> Map.of("round", round(state) + 1)));
    graph.addEdge(StateGraph.START, "a");
    graph.addEdge("a", "b");
    graph.addEdge("b", "c");
    graph.addConditionalEdges(
        "c",
        edge_async(state -> round(state) < ROUNDS ? "a" : "end"),
        Map.of("a", "a", "end", StateGraph.END));
    return graph.compile(withSaver());
  }

  private static int round(AgentState state) {
    return state.<Integer>value("round").orElseThrow();
  }

  private static CompileConfig withSaver() {
    return CompileConfig.builder()
        .checkpointSaver(new MemorySaver())
        .releaseThread(true)
        .recursionLimit(Integer.MAX_VALUE)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Function<Map<String, Object>, Map<String, Object>>[] chainFunctions() {
    Function<Map<String, Object>, Map<String, Object>>[] functions = new Function[CHAIN];
    for (int i = 0; i < CHAIN; i++) {
      String key = "k" + i;
      Integer value = i;
      functions[i] = state -> Map.of(key, value);
    }
    return functions;
  }
}
