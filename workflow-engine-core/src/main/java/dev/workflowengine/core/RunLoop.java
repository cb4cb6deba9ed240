package dev.workflowengine.core;

import dev.workflowengine.api.WorkflowException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.bsc.async.AsyncGenerator;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphInput;
import org.bsc.langgraph4j.NodeOutput;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.state.AgentState;

/**
 * Drives one run through LangGraph4j, one step at a time on the calling thread, and checkpoints
 * each step before asking for the next: LangGraph4j starts the next node only when the loop asks.
 */
final class RunLoop {

  private RunLoop() {}

  static RunResult run(
      CompiledGraph<AgentState> graph,
      GraphInput input,
      RunContext run,
      Map<String, Object> state) {
    RunnableConfig config =
        RunnableConfig.builder().threadId(run.runId()).putMetadata(RunContext.KEY, run).build();
    AsyncGenerator.Cancellable<NodeOutput<AgentState>> steps = graph.stream(input, config);
    Map<String, Object> current = state;
    boolean ended = false;
    try {
      Iterator<NodeOutput<AgentState>> outputs = steps.iterator();
      while (!run.isStopped() && outputs.hasNext()) {
        NodeOutput<AgentState> output = outputs.next();
        if (run.isStopped()) {
          break;
        }
        current = output.state().data();
        if (output.isSTART()) {
          run.started(current);
        } else if (output.isEND()) {
          ended = true;
        } else {
          run.stepCompleted(output.node(), current);
        }
      }
    } catch (WorkflowException own) {
      throw own; // thrown on this thread by the checkpoint log, such as a lost fencing race
    } catch (RuntimeException unexpected) {
      if (run.failure() == null) {
        throw new WorkflowException(
            "the graph engine failed while running workflow '"
                + run.workflow.id()
                + "': "
                + Failures.unwrap(unexpected),
            Failures.unwrap(unexpected));
      }
    }
    if (run.failure() != null) {
      throw run.failure();
    }
    return result(run, current, ended);
  }

  private static String prompt(RunContext run, String nodeId, HumanStep step, WorkflowState state) {
    try {
      return step.promptFor(state);
    } catch (RuntimeException e) {
      throw Failures.nodeFailed(run.workflow.id(), nodeId, e);
    }
  }

  private static RunResult result(RunContext run, Map<String, Object> state, boolean ended) {
    WorkflowState view = WorkflowState.of(state);
    if (ended) {
      RunPosition end = new RunPosition(state, run.lastNode(), Optional.empty(), run.step());
      return new RunResult(
          run.runId(), RunResult.Status.COMPLETED, view, run.path(), Optional.empty(), end);
    }
    String next = run.nextNode();
    RunPosition position =
        new RunPosition(state, run.lastNode(), Optional.ofNullable(next), run.step());
    if (run.isCancelled() || run.isPaused()) {
      RunResult.Status status =
          run.isCancelled() ? RunResult.Status.CANCELLED : RunResult.Status.PAUSED;
      return new RunResult(run.runId(), status, view, run.path(), Optional.empty(), position);
    }
    NodeSpec waitingAt = next == null ? null : run.workflow.node(next);
    if (waitingAt == null || waitingAt.kind() != NodeSpec.Kind.HUMAN) {
      throw new WorkflowException(
          "the graph engine stopped workflow '"
              + run.workflow.id()
              + "' before its end, at '"
              + next
              + "', which is not a human step");
    }
    HumanStep step = waitingAt.human();
    RunResult.Waiting waiting =
        new RunResult.Waiting(next, prompt(run, next, step, view), step.requiredInput());
    return new RunResult(
        run.runId(), RunResult.Status.WAITING, view, run.path(), Optional.of(waiting), position);
  }
}
