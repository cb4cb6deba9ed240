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
 * @param updatedAt when this revision was stored
 * @param startedAt when a worker first started it
 * @param completedAt when it reached a terminal status
 * @param waitingUntil while {@link ExecutionStatus#WAITING} at a human step with a timeout: when
 *     the wait ends
 * @param cancelRequested whether someone asked to cancel it while it was running; the worker
 *     running it (or the next one to pick it up) finishes the cancellation
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
    Instant updatedAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt,
    Optional<Instant> waitingUntil,
    boolean cancelRequested,
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
    requireNonNull(updatedAt, "updatedAt");
    startedAt = startedAt == null ? Optional.empty() : startedAt;
    completedAt = completedAt == null ? Optional.empty() : completedAt;
    waitingUntil = waitingUntil == null ? Optional.empty() : waitingUntil;
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
        createdAt,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
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
   * The next revision: running, started now if it had not started before.
   *
   * @param at the time of the change
   * @return a {@link ExecutionStatus#RUNNING} copy with the revision incremented
   */
  public ExecutionRecord running(Instant at) {
    return next(ExecutionStatus.RUNNING, at)
        .startedAt(startedAt.isPresent() ? startedAt : Optional.of(at))
        .build();
  }

  /**
   * The next revision: queued again, for instance after a person answered a human step.
   *
   * @param at the time of the change
   * @return a {@link ExecutionStatus#QUEUED} copy with the revision incremented
   */
  public ExecutionRecord requeued(Instant at) {
    return next(ExecutionStatus.QUEUED, at).build();
  }

  /**
   * The next revision: waiting at a human step.
   *
   * @param at the time of the change
   * @param until when the wait times out, or {@code null} if it does not
   * @return a {@link ExecutionStatus#WAITING} copy with the revision incremented
   */
  public ExecutionRecord waiting(Instant at, Instant until) {
    return next(ExecutionStatus.WAITING, at).waitingUntil(Optional.ofNullable(until)).build();
  }

  /**
   * The next revision, with a cancellation requested while it runs.
   *
   * @param at the time of the change
   * @return a copy whose {@code cancelRequested} is set, the revision incremented
   */
  public ExecutionRecord withCancelRequested(Instant at) {
    return next(status, at).waitingUntil(waitingUntil).cancelRequested(true).build();
  }

  /**
   * The next revision in a terminal status.
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
    return next(terminal, at)
        .completedAt(Optional.of(at))
        .output(finalOutput)
        .error(Optional.ofNullable(failure))
        .build();
  }

  /** The next revision's values; a wait deadline does not outlive the wait. */
  private Next next(ExecutionStatus newStatus, Instant at) {
    return new Next(this, newStatus, at);
  }

  /** Collects the changes of one revision. */
  private static final class Next {
    private final ExecutionRecord from;
    private final ExecutionStatus status;
    private final Instant at;
    private Optional<Instant> startedAt;
    private Optional<Instant> completedAt;
    private Optional<Instant> waitingUntil = Optional.empty();
    private boolean cancelRequested;
    private Map<String, Object> output;
    private Optional<ExecutionError> error;

    Next(ExecutionRecord from, ExecutionStatus status, Instant at) {
      this.from = from;
      this.status = status;
      this.at = requireNonNull(at, "at");
      this.startedAt = from.startedAt;
      this.completedAt = from.completedAt;
      this.cancelRequested = from.cancelRequested;
      this.output = from.output;
      this.error = from.error;
    }

    Next startedAt(Optional<Instant> value) {
      startedAt = value;
      return this;
    }

    Next completedAt(Optional<Instant> value) {
      completedAt = value;
      return this;
    }

    Next waitingUntil(Optional<Instant> value) {
      waitingUntil = value;
      return this;
    }

    Next cancelRequested(boolean value) {
      cancelRequested = value;
      return this;
    }

    Next output(Map<String, Object> value) {
      output = value;
      return this;
    }

    Next error(Optional<ExecutionError> value) {
      error = value;
      return this;
    }

    ExecutionRecord build() {
      return new ExecutionRecord(
          from.executionId,
          from.workflowId,
          from.workflowVersion,
          from.userId,
          status,
          from.createdAt,
          at,
          startedAt,
          completedAt,
          waitingUntil,
          cancelRequested,
          output,
          error,
          from.revision + 1);
    }
  }
}
