package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ended: completed, waiting for a person, cancelled or paused. A failed run throws
 * instead.
 *
 * <pre>{@code
 * RunResult result = workflow.invoke(Map.of("ticket", text));
 * if (result.status() == RunResult.Status.WAITING) {
 *   System.out.println(result.waiting().orElseThrow().prompt());
 *   result = workflow.resume(result, Map.of("approved", true));
 * }
 * String reply = result.state().getString("reply");
 * }</pre>
 *
 * @param runId the run
 * @param status how it ended
 * @param state the state at that point
 * @param path the nodes completed during this invocation, in order (parallel branches in
 *     declaration order)
 * @param waiting the human step the run waits at, when {@link Status#WAITING}
 * @param position where the run stands, to continue it
 */
public record RunResult(
    String runId,
    Status status,
    WorkflowState state,
    List<String> path,
    Optional<Waiting> waiting,
    RunPosition position) {

  /** How a run ended. */
  public enum Status {
    /** It reached {@link Workflow#END}. */
    COMPLETED,
    /** It paused at a human step; resume it with the person's input. */
    WAITING,
    /** It stopped because cancellation was requested; no further node started. */
    CANCELLED,
    /**
     * It stopped at a node boundary because the options asked it to pause (a signal, or the node
     * limit); continue it from its position with {@link Workflow#resume(RunPosition, java.util.Map,
     * RunOptions)} and empty input.
     */
    PAUSED
  }

  /**
   * A human step a run waits at.
   *
   * @param nodeId the step
   * @param prompt what the person is asked
   * @param requiredInput the keys the resume input must contain, with their types
   */
  public record Waiting(String nodeId, String prompt, Map<String, Class<?>> requiredInput) {

    /** Validates the components. */
    public Waiting {
      requireNonNull(nodeId, "nodeId");
      requireNonNull(prompt, "prompt");
      requiredInput = Map.copyOf(requiredInput);
    }
  }

  /** Validates the components. */
  public RunResult {
    requireNonNull(runId, "runId");
    requireNonNull(status, "status");
    requireNonNull(state, "state");
    path = List.copyOf(path);
    waiting = waiting == null ? Optional.empty() : waiting;
    requireNonNull(position, "position");
  }
}
