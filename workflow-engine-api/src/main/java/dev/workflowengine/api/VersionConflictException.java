package dev.workflowengine.api;

/**
 * An optimistic write lost a race: someone else stored a newer version of the same definition,
 * execution record or checkpoint first. Read the current version and decide again.
 */
public class VersionConflictException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was written concurrently and what to re-read
   */
  public VersionConflictException(String message) {
    super(message);
  }
}
