package dev.workflowengine.api.execution;

/** Where an execution is in its life. */
public enum ExecutionStatus {
  /** Accepted and waiting for a worker. */
  QUEUED,
  /** A worker is running its nodes. */
  RUNNING,
  /** Paused at a human step until someone resumes it. */
  WAITING,
  /** Reached the end; its output is final. */
  COMPLETED,
  /** Stopped by an error; the record says which node and why. */
  FAILED,
  /** Stopped on request. */
  CANCELLED;

  /**
   * Whether the execution is over and will never change again.
   *
   * @return {@code true} for {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED}
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
