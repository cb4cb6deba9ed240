package dev.workflowengine.api;

/**
 * The caller's user id does not own the execution, definition or credential it asked for. The
 * message never reveals whether the thing exists.
 */
public class AccessDeniedException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused; must not reveal whether the target exists
   */
  public AccessDeniedException(String message) {
    super(message);
  }
}
