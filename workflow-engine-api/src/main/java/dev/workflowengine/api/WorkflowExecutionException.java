package dev.workflowengine.api;

import java.util.Optional;

/**
 * A workflow run failed. When a node failed, {@link #nodeId()} names it and {@link #getCause()} is
 * the node's own exception, already unwrapped from the graph engine's wrappers.
 */
public class WorkflowExecutionException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String workflowId;
  private final String nodeId;

  /**
   * Creates the exception for a failure of a whole run.
   *
   * @param workflowId the workflow that failed
   * @param message what went wrong and what to do
   * @param cause the underlying failure, or {@code null}
   */
  public WorkflowExecutionException(String workflowId, String message, Throwable cause) {
    this(workflowId, null, message, cause);
  }

  /**
   * Creates the exception for a failed node.
   *
   * @param workflowId the workflow that failed
   * @param nodeId the node that failed, or {@code null} when no node is to blame
   * @param message what went wrong and what to do
   * @param cause the node's exception, or {@code null}
   */
  public WorkflowExecutionException(
      String workflowId, String nodeId, String message, Throwable cause) {
    super(message, cause);
    this.workflowId = workflowId;
    this.nodeId = nodeId;
  }

  /**
   * The workflow that failed.
   *
   * @return the workflow id
   */
  public String workflowId() {
    return workflowId;
  }

  /**
   * The node that failed.
   *
   * @return the node id, when a node is to blame
   */
  public Optional<String> nodeId() {
    return Optional.ofNullable(nodeId);
  }

  /**
   * A failure is worth retrying when its cause is: a timeout or an unavailable service, or any
   * exception that is not one of this SDK's own non-retriable ones.
   */
  @Override
  public boolean isRetriable() {
    Throwable cause = getCause();
    if (cause instanceof WorkflowException workflowException) {
      return workflowException.isRetriable();
    }
    return cause != null && !(cause instanceof Error);
  }
}
