package dev.workflowengine.core;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.workflowengine.api.WorkflowExecutionException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.action.AsyncCommandAction;
import org.bsc.langgraph4j.action.Command;
import org.bsc.langgraph4j.state.AgentState;

/**
 * Chooses where a node leads when the choice depends on the state: by the first true condition of
 * its edges, or by its route. A failed or cancelled run goes straight to the end, so that no user
 * code runs on a state the failed node never finished.
 */
abstract class NextNode implements AsyncCommandAction<AgentState> {

  final String workflowId;
  final String source;

  NextNode(String workflowId, String source) {
    this.workflowId = workflowId;
    this.source = source;
  }

  @Override
  public CompletableFuture<Command> apply(AgentState state, RunnableConfig config) {
    RunContext run = RunContext.of(config);
    if (run.isStopped()) {
      return completedFuture(new Command(GraphCompiler.graphId(Workflow.END)));
    }
    try {
      String next = choose(WorkflowState.of(state.data()));
      return completedFuture(new Command(GraphCompiler.graphId(next)));
    } catch (WorkflowExecutionException failure) {
      run.fail(failure);
    } catch (Exception failure) {
      run.fail(Failures.nodeFailed(workflowId, source, failure));
    }
    return completedFuture(new Command(GraphCompiler.graphId(Workflow.END)));
  }

  abstract String choose(WorkflowState state) throws Exception;

  WorkflowExecutionException failure(String message) {
    return new WorkflowExecutionException(workflowId, source, message, null);
  }

  /** The first edge whose condition holds, else the unconditional fallback. */
  static final class ByConditions extends NextNode {
    private final List<EdgeSpec> edges;

    ByConditions(String workflowId, String source, List<EdgeSpec> edges) {
      super(workflowId, source);
      this.edges = List.copyOf(edges);
    }

    @Override
    String choose(WorkflowState state) throws Exception {
      EdgeSpec fallback = null;
      for (EdgeSpec edge : edges) {
        if (!edge.isConditional()) {
          fallback = edge;
        } else if (edge.condition().test(state)) {
          return edge.to();
        }
      }
      if (fallback == null) {
        throw failure(
            "no condition of the edges leaving '"
                + source
                + "' holds and there is no"
                + " unconditional edge to fall back on; add one");
      }
      return fallback.to();
    }
  }

  /** Whatever the route chooses, if it is allowed. */
  static final class ByRoute extends NextNode {
    private final RouteSpec route;
    private final Set<String> allowed;

    ByRoute(String workflowId, RouteSpec route, Set<String> allowed) {
      super(workflowId, route.from());
      this.route = route;
      this.allowed = allowed;
    }

    @Override
    String choose(WorkflowState state) throws Exception {
      String next = route.route().next(state);
      if (next == null || !allowed.contains(next)) {
        throw failure(
            "the route leaving '"
                + source
                + "' chose '"
                + next
                + "', which is not "
                + (route.targetsDeclared()
                    ? "one of its declared targets " + route.targets()
                    : "a node")
                + "; return a node id or Workflow.END");
      }
      return next;
    }
  }
}
