package dev.workflowengine.api.execution;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Why an execution failed.
 *
 * @param type the simple class name of the failure, for example {@code WorkflowTimeoutException}
 * @param message what went wrong and what to do
 * @param nodeId the node that failed, when a node is to blame
 */
public record ExecutionError(String type, String message, Optional<String> nodeId) {

  /** Validates the components. */
  public ExecutionError {
    requireNonNull(type, "type");
    requireNonNull(message, "message");
    nodeId = nodeId == null ? Optional.empty() : nodeId;
  }
}
