package dev.workflowengine.core.memory;

import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.api.spi.WorkItem;
import java.time.Instant;

/**
 * One item in an {@link InMemoryWorkQueue} and its current delivery. Mutable, guarded by the
 * queue's lock; the queue removes it from any ordered set before changing a time it is sorted by.
 */
final class QueuedItem {

  /** Unique within the queue; breaks ties between equal times. */
  final long id;

  final WorkItem item;

  /** How many times it was delivered, this delivery included. */
  int deliveries;

  /** While leased: the lease's id, worker and expiry; null otherwise. */
  String leaseId;

  String workerId;
  Instant expiresAt;

  /** While delayed by a nack: when it becomes available. */
  Instant availableAt;

  QueuedItem(long id, WorkItem item) {
    this.id = id;
    this.item = item;
  }

  Lease lease() {
    return new Lease(item, leaseId, workerId, expiresAt, deliveries);
  }
}
