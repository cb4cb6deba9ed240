package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Args.requireText;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link GooglePushHandler} did with an accepted notification, so an HTTP endpoint can answer
 * (any 2xx acknowledges it to Google) and say which executions it started.
 *
 * <pre>{@code
 * PushReceipt receipt = handler.handleCalendar(headers);
 * return ResponseEntity.ok(Map.of("executions", receipt.executionIds()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param userId the user the notification was for
 * @param dispatched {@code false} only for Calendar's {@code sync} message, which announces a new
 *     channel, not a change: accepted, but nothing was started or called
 * @param executionIds the executions started, one per {@code startOn...} workflow, in the order
 *     they were configured; a redelivered notification returns the executions its first delivery
 *     started
 */
public record PushReceipt(String userId, boolean dispatched, List<String> executionIds) {

  /** Validates and copies the components. */
  public PushReceipt {
    requireText(userId, "userId");
    executionIds = List.copyOf(requireNonNull(executionIds, "executionIds"));
  }
}
