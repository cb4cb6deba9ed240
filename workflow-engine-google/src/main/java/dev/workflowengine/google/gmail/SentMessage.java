package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What Gmail answered to {@link GoogleGmail#send}: the new message and its thread.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the sent message's id
 * @param threadId its thread's id: the replied-to thread, or a new one
 * @param labelIds its labels, usually {@code SENT}
 */
public record SentMessage(String id, String threadId, List<String> labelIds) {

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if a value is null
   */
  public SentMessage {
    requireNonNull(id, "id");
    requireNonNull(threadId, "threadId");
    labelIds = List.copyOf(labelIds);
  }
}
