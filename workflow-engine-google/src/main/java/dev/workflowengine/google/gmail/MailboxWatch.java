package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A mailbox watch started with {@link GoogleGmail#watch}: Gmail publishes a Pub/Sub message for
 * each change after {@link #historyId()} until {@link #expiration()}. Gmail lets a watch lapse
 * after about seven days: call {@code watch} again before then (once a day is Google's advice).
 *
 * <p>Immutable and thread-safe.
 *
 * @param historyId the mailbox's history id when the watch started; Gmail's ids are unsigned 64-bit
 *     numbers, hence {@code BigInteger}
 * @param expiration when the watch ends unless renewed
 */
public record MailboxWatch(BigInteger historyId, Instant expiration) {

  /**
   * Checks the values.
   *
   * @throws NullPointerException if a value is null
   */
  public MailboxWatch {
    requireNonNull(historyId, "historyId");
    requireNonNull(expiration, "expiration");
  }
}
