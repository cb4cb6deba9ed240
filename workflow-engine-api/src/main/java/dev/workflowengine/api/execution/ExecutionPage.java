package dev.workflowengine.api.execution;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of executions, newest first.
 *
 * @param executions the executions on this page
 * @param query the query that produced the page
 * @param hasMore whether more executions match after this page
 */
public record ExecutionPage(
    List<ExecutionRecord> executions, ExecutionQuery query, boolean hasMore) {

  /** Validates the components. */
  public ExecutionPage {
    executions = List.copyOf(executions);
    requireNonNull(query, "query");
  }

  /**
   * The query for the next page.
   *
   * @return the query, if more executions match
   */
  public Optional<ExecutionQuery> next() {
    return hasMore ? Optional.of(query.nextPage()) : Optional.empty();
  }
}
