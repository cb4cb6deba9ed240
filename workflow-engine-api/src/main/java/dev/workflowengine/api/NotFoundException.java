package dev.workflowengine.api;

/**
 * Something named by id does not exist: a workflow, a version of it, an agent or tool in a catalog.
 * For executions owned by someone else see {@link AccessDeniedException}, whose message is
 * deliberately the same so that callers cannot probe for other users' executions.
 */
public class NotFoundException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which thing was not found and how to make it exist
   */
  public NotFoundException(String message) {
    super(message);
  }
}
