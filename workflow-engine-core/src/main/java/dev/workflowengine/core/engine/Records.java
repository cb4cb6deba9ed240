package dev.workflowengine.core.engine;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.spi.ExecutionStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Changes execution records the optimistic way: read the latest revision, decide, write it only if
 * nobody changed it meanwhile, and decide again if somebody did.
 */
final class Records {

  private static final int ATTEMPTS = 100;

  private Records() {}

  /**
   * Applies a change to the latest revision of a record.
   *
   * @param change returns the next revision, or {@code null} to leave the record as it is
   * @return the record as stored afterwards, or empty if there is no such execution
   */
  static Optional<Change> update(
      ExecutionStore store, String executionId, UnaryOperator<ExecutionRecord> change) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<ExecutionRecord> current = store.find(executionId);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      ExecutionRecord next = change.apply(current.get());
      if (next == null) {
        return Optional.of(new Change(current.get(), false));
      }
      if (store.update(next, current.get().revision())) {
        return Optional.of(new Change(next, true));
      }
    }
    throw new VersionConflictException(
        "execution '"
            + executionId
            + "' changed "
            + ATTEMPTS
            + " times while it was being updated; try again");
  }

  /**
   * Waits for a record that another thread is inserting right now.
   *
   * @throws VersionConflictException if it does not appear within the patience
   */
  static void awaitInserted(ExecutionStore store, String executionId, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    long pause = 10_000; // nanoseconds
    while (store.find(executionId).isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new VersionConflictException(
            "execution '"
                + executionId
                + "' is being started by another request with the same idempotency key, which"
                + " did not finish within "
                + patience
                + "; try again");
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, 10_000_000);
    }
  }

  /**
   * The outcome of {@link #update}.
   *
   * @param record the record as stored afterwards
   * @param changed whether this call changed it
   */
  record Change(ExecutionRecord record, boolean changed) {}
}
