package dev.workflowengine.core;

import dev.workflowengine.api.WorkflowExecutionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.checkpoint.Checkpoint;

/**
 * Everything one run needs while LangGraph4j drives it: options, the step just finished, where the
 * graph goes next, and whether it must stop. It travels to node adapters in the {@link
 * RunnableConfig} metadata because compiled adapters are shared by all runs.
 *
 * <p>Written by the thread driving the run; branch threads only read the cancellation signal.
 */
final class RunContext {

  static final String KEY = "dev.workflowengine.run";

  final Workflow workflow;
  final RunOptions options;
  final CheckpointLog log;
  final Checkpoint resumePoint;
  private Map<String, Object> humanInput;

  private List<Completion> stepCompletions = List.of();
  private Map<String, Object> stepUpdate = Map.of();
  private String lastNode = Workflow.START;
  private String nextNode;
  private WorkflowExecutionException failure;
  private volatile boolean cancelled;
  private boolean paused;
  private final List<String> path = new ArrayList<>();
  private int steps;

  RunContext(
      Workflow workflow,
      RunOptions options,
      CheckpointLog log,
      Checkpoint resumePoint,
      Map<String, Object> humanInput) {
    this.workflow = workflow;
    this.options = options;
    this.log = log;
    this.resumePoint = resumePoint;
    this.humanInput = humanInput;
  }

  static RunContext of(RunnableConfig config) {
    return (RunContext)
        config
            .metadata(KEY)
            .orElseThrow(() -> new IllegalStateException("run started without a run context"));
  }

  String runId() {
    return options.runId();
  }

  Optional<String> userId() {
    return options.userId();
  }

  RunListener listener() {
    return options.listener();
  }

  boolean cancelRequested() {
    return cancelled || options.cancelWhen().getAsBoolean();
  }

  /** Whether the run must not take another step: it failed, was cancelled or paused. */
  boolean isStopped() {
    return failure != null || cancelled || paused;
  }

  /**
   * Pauses the run before the step about to start, if the options ask for it.
   *
   * @return true if the run is now paused
   */
  boolean pauseIfAsked() {
    if (options.pauseWhen().getAsBoolean()
        || (options.maxNodes() > 0 && steps >= options.maxNodes())) {
      paused = true;
    }
    return paused;
  }

  boolean isPaused() {
    return paused;
  }

  void fail(WorkflowExecutionException exception) {
    if (failure == null) {
      failure = exception;
    }
  }

  WorkflowExecutionException failure() {
    return failure;
  }

  void cancel() {
    cancelled = true;
  }

  boolean isCancelled() {
    return cancelled;
  }

  /** The resume input for the human step about to run, handed over once. */
  Map<String, Object> takeHumanInput(String nodeId) {
    Map<String, Object> input = humanInput;
    humanInput = null;
    if (input == null) {
      throw new IllegalStateException("human step '" + nodeId + "' ran without resume input");
    }
    return input;
  }

  void recordStep(List<Completion> completions, Map<String, Object> update) {
    this.stepCompletions = completions;
    this.stepUpdate = update;
  }

  void recordTransition(String from, String to) {
    this.lastNode = from;
    this.nextNode = to;
  }

  String lastNode() {
    return lastNode;
  }

  String nextNode() {
    return nextNode;
  }

  /** The start state is known: checkpoint it. */
  void started(Map<String, Object> state) {
    log.start(state, nextNode);
  }

  /** A step finished: checkpoint its update, then tell the listener. */
  void stepCompleted(String graphNode, Map<String, Object> newState) {
    log.record(graphNode, stepUpdate, newState, nextNode);
    for (Completion completion : stepCompletions) {
      path.add(completion.nodeId());
      try {
        listener()
            .nodeCompleted(
                runId(),
                completion.nodeId(),
                completion.attempt(),
                completion.update(),
                Duration.ofNanos(completion.durationNanos()),
                completion.details());
      } catch (RuntimeException listenerFailure) {
        throw new WorkflowExecutionException(
            workflow.id(),
            completion.nodeId(),
            "the RunListener failed when told that node '"
                + completion.nodeId()
                + "' of workflow '"
                + workflow.id()
                + "' completed: "
                + listenerFailure.getMessage(),
            listenerFailure);
      }
    }
    if (++steps >= workflow.spec().maxSteps() && anotherNodeWouldRun()) {
      fail(
          new WorkflowExecutionException(
              workflow.id(),
              lastNode,
              "workflow '"
                  + workflow.id()
                  + "' ran "
                  + workflow.spec().maxSteps()
                  + " steps without reaching the end, last at node '"
                  + lastNode
                  + "'; if the loop is intended raise maxSteps, otherwise check what leaves it",
              null));
    }
  }

  /** Whether this invocation would start another node: the run neither ends nor waits next. */
  private boolean anotherNodeWouldRun() {
    if (nextNode == null || Workflow.END.equals(nextNode)) {
      return false;
    }
    NodeSpec next = workflow.node(nextNode);
    return next == null || next.kind() != NodeSpec.Kind.HUMAN;
  }

  List<String> path() {
    return path;
  }

  long step() {
    return log.step();
  }
}
