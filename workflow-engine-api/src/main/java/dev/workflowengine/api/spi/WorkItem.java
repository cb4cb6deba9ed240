package dev.workflowengine.api.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A unit of work in a {@link WorkQueue}: run (or continue) one execution.
 *
 * @param executionId the execution to run; at most one item per execution is queued at a time
 * @param workflowId the workflow it runs, for per-workflow limits
 * @param enqueuedAt when the item was first submitted
 */
public record WorkItem(String executionId, String workflowId, Instant enqueuedAt) {

  /** Validates the components. */
  public WorkItem {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(enqueuedAt, "enqueuedAt");
  }
}
