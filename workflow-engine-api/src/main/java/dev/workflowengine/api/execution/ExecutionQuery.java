package dev.workflowengine.api.execution;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which executions of a user to list, newest first, one page at a time.
 *
 * <pre>{@code
 * ExecutionQuery failedToday = ExecutionQuery.builder()
 *     .workflowId("triage")
 *     .status(ExecutionStatus.FAILED)
 *     .createdAfter(Instant.now().minus(Duration.ofDays(1)))
 *     .limit(50)
 *     .build();
 * }</pre>
 *
 * @param workflowId only executions of this workflow
 * @param statuses only executions in one of these statuses; empty means any
 * @param createdAfter only executions created at or after this instant
 * @param createdBefore only executions created before this instant
 * @param offset how many matching executions to skip
 * @param limit the most executions to return, from 1 to {@value #MAX_LIMIT}
 */
public record ExecutionQuery(
    Optional<String> workflowId,
    Set<ExecutionStatus> statuses,
    Optional<Instant> createdAfter,
    Optional<Instant> createdBefore,
    int offset,
    int limit) {

  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  /** Validates and normalises the components. */
  public ExecutionQuery {
    workflowId = workflowId == null ? Optional.empty() : workflowId;
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    createdAfter = createdAfter == null ? Optional.empty() : createdAfter;
    createdBefore = createdBefore == null ? Optional.empty() : createdBefore;
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
    }
  }

  /**
   * The most recent executions, of any workflow and status.
   *
   * @param limit how many
   * @return the query
   */
  public static ExecutionQuery recent(int limit) {
    return builder().limit(limit).build();
  }

  /**
   * A builder matching everything, 20 at a time.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether an execution matches the filters (not the paging) of this query.
   *
   * @param execution the execution
   * @return {@code true} if it matches
   */
  public boolean matches(ExecutionRecord execution) {
    return workflowId.map(execution.workflowId()::equals).orElse(true)
        && (statuses.isEmpty() || statuses.contains(execution.status()))
        && createdAfter.map(after -> !execution.createdAt().isBefore(after)).orElse(true)
        && createdBefore.map(execution.createdAt()::isBefore).orElse(true);
  }

  /**
   * The query for the page after this one.
   *
   * @return the same filters at {@code offset + limit}
   */
  public ExecutionQuery nextPage() {
    return new ExecutionQuery(
        workflowId, statuses, createdAfter, createdBefore, offset + limit, limit);
  }

  /** Builds an {@link ExecutionQuery}. Not thread-safe. */
  public static final class Builder {
    private String workflowId;
    private final Set<ExecutionStatus> statuses = EnumSet.noneOf(ExecutionStatus.class);
    private Instant createdAfter;
    private Instant createdBefore;
    private int offset;
    private int limit = 20;

    private Builder() {}

    /**
     * Only executions of this workflow.
     *
     * @param id the workflow id
     * @return this builder
     */
    public Builder workflowId(String id) {
      this.workflowId = requireNonNull(id, "id");
      return this;
    }

    /**
     * Only executions in one of these statuses; may be called several times.
     *
     * @param wanted the statuses
     * @return this builder
     */
    public Builder status(ExecutionStatus... wanted) {
      for (ExecutionStatus status : wanted) {
        statuses.add(requireNonNull(status, "status"));
      }
      return this;
    }

    /**
     * Only executions created at or after this instant.
     *
     * @param instant the start of the window
     * @return this builder
     */
    public Builder createdAfter(Instant instant) {
      this.createdAfter = requireNonNull(instant, "instant");
      return this;
    }

    /**
     * Only executions created before this instant.
     *
     * @param instant the end of the window, exclusive
     * @return this builder
     */
    public Builder createdBefore(Instant instant) {
      this.createdBefore = requireNonNull(instant, "instant");
      return this;
    }

    /**
     * Skips this many matching executions.
     *
     * @param skip at least 0
     * @return this builder
     */
    public Builder offset(int skip) {
      this.offset = skip;
      return this;
    }

    /**
     * Returns at most this many executions.
     *
     * @param max from 1 to {@value ExecutionQuery#MAX_LIMIT}
     * @return this builder
     */
    public Builder limit(int max) {
      this.limit = max;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     * @throws IllegalArgumentException if the offset or limit is out of range
     */
    public ExecutionQuery build() {
      return new ExecutionQuery(
          Optional.ofNullable(workflowId),
          statuses,
          Optional.ofNullable(createdAfter),
          Optional.ofNullable(createdBefore),
          offset,
          limit);
    }
  }
}
