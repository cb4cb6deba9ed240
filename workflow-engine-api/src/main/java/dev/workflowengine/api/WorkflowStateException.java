package dev.workflowengine.api;

/**
 * A node asked the workflow state for a key that is missing or holds a value of another type.
 * Usually a wiring mistake: the message names the key, what was found and which keys exist.
 */
public class WorkflowStateException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * Creates the exception.
   *
   * @param key the state key that was asked for
   * @param message what was found instead and how to fix it
   */
  public WorkflowStateException(String key, String message) {
    super(message);
    this.key = key;
  }

  /**
   * The state key that was asked for.
   *
   * @return the key
   */
  public String key() {
    return key;
  }
}
