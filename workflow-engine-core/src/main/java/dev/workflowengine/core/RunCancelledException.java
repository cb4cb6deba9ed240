package dev.workflowengine.core;

/**
 * Unwinds a node that was stopped because its run was cancelled. Never leaves the core: the run
 * ends with {@link RunResult.Status#CANCELLED} instead.
 */
final class RunCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RunCancelledException(String nodeId) {
    super("run cancelled before or during node '" + nodeId + "'", null, false, false);
  }
}
