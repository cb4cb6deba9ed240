package dev.workflowengine.core;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.workflowengine.api.WorkflowExecutionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.action.AsyncNodeActionWithConfig;
import org.bsc.langgraph4j.state.AgentState;

/**
 * Adapts one node to LangGraph4j. A failure or cancellation is recorded in the run context and the
 * step returns no update, instead of throwing: the run loop stops at this step, and LangGraph4j
 * does not log the node's exception as an error of its own.
 */
final class NodeStep implements AsyncNodeActionWithConfig<AgentState> {

  private final NodeExecution execution;

  NodeStep(NodeExecution execution) {
    this.execution = execution;
  }

  @Override
  public CompletableFuture<Map<String, Object>> apply(AgentState state, RunnableConfig config) {
    RunContext run = RunContext.of(config);
    if (run.isStopped() || run.pauseIfAsked()) {
      return completedFuture(Map.of());
    }
    try {
      Completion completion = execution.run(WorkflowState.of(state.data()), run);
      run.recordStep(List.of(completion), completion.update());
      return completedFuture(completion.update());
    } catch (RunCancelledException cancelled) {
      run.cancel();
    } catch (WorkflowExecutionException failure) {
      run.fail(failure);
    } catch (RuntimeException failure) { // from outside the node, such as a failing listener
      run.fail(Failures.nodeFailed(execution.workflowId(), execution.nodeId(), failure));
    }
    return completedFuture(Map.of());
  }
}
