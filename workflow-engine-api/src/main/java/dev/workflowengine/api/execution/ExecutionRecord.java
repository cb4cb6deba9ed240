package dev.workflowengine.api.execution;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about one execution: whose it is, where it stands, how it ended. Immutable; the
 * engine stores a new record with {@code revision + 1} on every change, which lets stores use
 * optimistic concurrency instead of locks.
 *
 * @param executionId unique id of the execution
 * @param workflowId the workflow it runs
 * @param workflowVersion the version of the workflow it runs
 * @param userId the user who owns it
 * @param status where it stands
 * @param createdAt when it was accepted
 * @param startedAt when a worker first started it
 * @param completedAt when it reached a terminal status
 * @param output the final state on completion; empty before
 * @param error why it failed, when it failed
 * @param revision incremented on every stored change, from 1
 */
public record ExecutionRecord(
    String executionId,
    String workflowId,
    int workflowVersion,
    String userId,
    ExecutionStatus status,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt,
    Map<String, Object> output,
    Optional<ExecutionError> error,
    long revision) {

  /** Validates and normalises the components. */
  public ExecutionRecord {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(userId, "userId");
    requireNonNull(status, "status");
    requireNonNull(createdAt, "createdAt");
    startedAt = startedAt == null ? Optional.empty() : startedAt;
    completedAt = completedAt == null ? Optional.empty() : completedAt;
    output = output == null ? Map.of() : Map.copyOf(output);
    error = error == null ? Optional.empty() : error;
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be >= 1 but was " + revision);
    }
  }

  /**
   * A new record for an execution that has just been accepted.
   *
   * @param executionId the execution id
   * @param workflowId the workflow id
   * @param workflowVersion the workflow version
   * @param userId the owner
   * @param createdAt when it was accepted
   * @return a {@link ExecutionStatus#QUEUED} record at revision 1
   */
  public static ExecutionRecord queued(
      String executionId,
      String workflowId,
      int workflowVersion,
      String userId,
      Instant createdAt) {
    return new ExecutionRecord(
        executionId,
        workflowId,
        workflowVersion,
        userId,
        ExecutionStatus.QUEUED,
        createdAt,
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        1);
  }

  /**
   * How long the execution ran, from start to completion, or until now while it runs.
   *
   * @param now the current time, used while the execution has not completed
   * @return the duration, once started
   */
  public Optional<Duration> duration(Instant now) {
    return startedAt.map(start -> Duration.between(start, completedAt.orElse(now)));
  }

  /**
   * How long the execution ran from start to completion.
   *
   * @return the duration, once completed
   */
  public Optional<Duration> duration() {
    return completedAt.flatMap(end -> startedAt.map(start -> Duration.between(start, end)));
  }

  /**
   * The next revision of this record with another status.
   *
   * @param newStatus the status
   * @return a copy with the status replaced and the revision incremented
   */
  public ExecutionRecord withStatus(ExecutionStatus newStatus) {
    return new ExecutionRecord(
        executionId,
        workflowId,
        workflowVersion,
        userId,
        newStatus,
        createdAt,
        startedAt,
        completedAt,
        output,
        error,
        revision + 1);
  }

  /**
   * The next revision of this record, started at the given time if it was not started yet.
   *
   * @param at when a worker started it
   * @return a {@link ExecutionStatus#RUNNING} copy with the revision incremented
   */
  public ExecutionRecord running(Instant at) {
    return new ExecutionRecord(
        executionId,
        workflowId,
        workflowVersion,
        userId,
        ExecutionStatus.RUNNING,
        createdAt,
        startedAt.isPresent() ? startedAt : Optional.of(at),
        completedAt,
        output,
        error,
        revision + 1);
  }

  /**
   * The next revision of this record in a terminal status.
   *
   * @param terminal {@link ExecutionStatus#COMPLETED}, {@link ExecutionStatus#FAILED} or {@link
   *     ExecutionStatus#CANCELLED}
   * @param at when it ended
   * @param finalOutput the final state, empty unless completed
   * @param failure why it failed, or {@code null}
   * @return the finished copy with the revision incremented
   */
  public ExecutionRecord finished(
      ExecutionStatus terminal,
      Instant at,
      Map<String, Object> finalOutput,
      ExecutionError failure) {
    if (!terminal.isTerminal()) {
      throw new IllegalArgumentException(terminal + " is not a terminal status");
    }
    return new ExecutionRecord(
        executionId,
        workflowId,
        workflowVersion,
        userId,
        terminal,
        createdAt,
        startedAt,
        Optional.of(at),
        finalOutput,
        Optional.ofNullable(failure),
        revision + 1);
  }
}
