package dev.workflowengine.api.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A worker's temporary, exclusive claim on a {@link WorkItem}. If it is neither acknowledged nor
 * extended before {@link #expiresAt()}, the queue delivers the item again, to this or another
 * worker.
 *
 * @param item the claimed item
 * @param leaseId identifies this delivery; an older delivery of the same item has another id
 * @param workerId the worker holding the lease
 * @param expiresAt when the claim lapses unless extended
 * @param deliveryCount how many times the item has been delivered, from 1
 */
public record Lease(
    WorkItem item, String leaseId, String workerId, Instant expiresAt, int deliveryCount) {

  /** Validates the components. */
  public Lease {
    requireNonNull(item, "item");
    requireNonNull(leaseId, "leaseId");
    requireNonNull(workerId, "workerId");
    requireNonNull(expiresAt, "expiresAt");
    if (deliveryCount < 1) {
      throw new IllegalArgumentException("deliveryCount must be >= 1 but was " + deliveryCount);
    }
  }
}
