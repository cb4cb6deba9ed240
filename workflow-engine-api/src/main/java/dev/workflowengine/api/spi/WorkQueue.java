package dev.workflowengine.api.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Hands executions to workers. Fits PostgreSQL ({@code SELECT … FOR UPDATE SKIP LOCKED} with a
 * lease-until column) and NATS JetStream work queues (ack, nak with delay, in-progress to extend,
 * redelivery after the ack wait).
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety:</b> safe for concurrent use by any number of workers in any number of
 *       processes.
 *   <li><b>At-least-once:</b> an item submitted is delivered until a lease on it is acknowledged. A
 *       lease that expires without {@link #ack} or {@link #extend} makes the item available again,
 *       with a new lease id and a higher delivery count. Workers must therefore be idempotent per
 *       step, which the checkpoint log's fencing provides.
 *   <li><b>Exclusive while leased:</b> an item is leased to at most one worker at a time. Calls
 *       with a lapsed lease ({@code ack}, {@code nack}, {@code extend}) return {@code false} and
 *       change nothing.
 *   <li><b>No global ordering:</b> items become available roughly in submission order; nothing
 *       depends on it.
 *   <li><b>Bounded:</b> {@link #submit} throws {@link dev.workflowengine.api.RateLimitedException}
 *       when the queue is at capacity rather than growing without limit.
 *   <li><b>Failure:</b> a storage failure is thrown as an unchecked exception; a failed {@code
 *       submit} enqueued nothing.
 * </ul>
 *
 * <p>Prove an implementation with {@code WorkQueueContract} from {@code workflow-engine-testing}.
 */
public interface WorkQueue {

  /**
   * Enqueues an item, available at once.
   *
   * @param item the item
   * @throws dev.workflowengine.api.RateLimitedException if the queue is full
   */
  void submit(WorkItem item);

  /**
   * Claims the next available item, waiting up to {@code maxWait} for one.
   *
   * @param workerId the claiming worker
   * @param leaseDuration how long the claim lasts unless extended
   * @param maxWait how long to wait for an item; zero to return at once
   * @return the lease, or empty if nothing became available in time
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  Optional<Lease> poll(String workerId, Duration leaseDuration, Duration maxWait)
      throws InterruptedException;

  /**
   * Keeps a claim alive while the work goes on.
   *
   * @param lease the current lease
   * @param leaseDuration the new duration, from now
   * @return the extended lease, or empty if the lease had lapsed and the item may be elsewhere
   */
  Optional<Lease> extend(Lease lease, Duration leaseDuration);

  /**
   * Finishes an item: it will not be delivered again.
   *
   * @param lease the current lease
   * @return {@code false} if the lease had lapsed
   */
  boolean ack(Lease lease);

  /**
   * Gives an item back, to be delivered again after {@code delay}.
   *
   * @param lease the current lease
   * @param delay how long until it is available again; zero for at once
   * @return {@code false} if the lease had lapsed
   */
  boolean nack(Lease lease, Duration delay);

  /**
   * How many items are waiting, not counting leased ones.
   *
   * @return the number of available and delayed items
   */
  int depth();
}
