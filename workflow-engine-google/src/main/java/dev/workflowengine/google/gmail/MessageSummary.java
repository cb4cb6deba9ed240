package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

/**
 * A message as a listing names it: read it with {@link GoogleGmail#readMessage(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id Gmail's message id
 * @param threadId the id of its thread
 */
public record MessageSummary(String id, String threadId) {

  /**
   * Checks the values.
   *
   * @throws NullPointerException if a value is null
   */
  public MessageSummary {
    requireNonNull(id, "id");
    requireNonNull(threadId, "threadId");
  }
}
