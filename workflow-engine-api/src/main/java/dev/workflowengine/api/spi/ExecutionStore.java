package dev.workflowengine.api.spi;

import dev.workflowengine.api.execution.ExecutionPage;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the {@link ExecutionRecord} of every execution. Fits one table keyed by execution id with
 * indexes on {@code (user_id, created_at)}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety:</b> safe for concurrent use by any number of threads and processes.
 *   <li><b>Optimistic versioning:</b> every record carries a {@code revision}. {@link #update}
 *       replaces the stored record only if the stored revision is {@code expectedRevision}, and the
 *       new record's revision must be {@code expectedRevision + 1}; otherwise it changes nothing
 *       and returns {@code false}, and the caller re-reads and decides again. This is how a
 *       cancellation and a worker finishing the same execution settle who wins without locks.
 *   <li><b>Reads</b> return the latest successfully stored revision (read-your-writes from the same
 *       process).
 *   <li><b>Failure:</b> a storage failure is thrown as an unchecked exception and changes nothing.
 * </ul>
 *
 * <p>Prove an implementation with {@code ExecutionStoreContract} from {@code
 * workflow-engine-testing}.
 */
public interface ExecutionStore {

  /**
   * Stores the first revision of a new execution's record.
   *
   * @param record the record, at revision 1
   * @throws dev.workflowengine.api.VersionConflictException if the execution id exists already
   * @throws IllegalArgumentException if the revision is not 1
   */
  void insert(ExecutionRecord record);

  /**
   * The latest revision of an execution's record.
   *
   * @param executionId the execution id
   * @return the record, or empty if there is no such execution
   */
  Optional<ExecutionRecord> find(String executionId);

  /**
   * Replaces an execution's record if nobody else changed it since it was read.
   *
   * @param record the new record, whose revision is {@code expectedRevision + 1}
   * @param expectedRevision the revision the caller read
   * @return {@code true} if stored; {@code false} if the stored revision is no longer {@code
   *     expectedRevision} or the execution does not exist
   * @throws IllegalArgumentException if {@code record.revision() != expectedRevision + 1}
   */
  boolean update(ExecutionRecord record, long expectedRevision);

  /**
   * A user's executions matching a query, newest first ({@code createdAt} descending, then
   * execution id descending, so that pages are stable).
   *
   * @param userId the owner
   * @param query the filters and page
   * @return the page
   */
  ExecutionPage query(String userId, ExecutionQuery query);

  /**
   * Executions waiting at a human step whose wait has timed out: status {@link
   * dev.workflowengine.api.execution.ExecutionStatus#WAITING} and {@code waitingUntil} at or before
   * {@code now}, earliest deadline first. Fits an index on {@code (status, waiting_until)}.
   *
   * @param now the current time
   * @param limit the most records to return
   * @return the records, possibly empty
   */
  List<ExecutionRecord> findWaitingPast(Instant now, int limit);
}
