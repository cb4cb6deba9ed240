package dev.workflowengine.api.spi;

import java.util.List;

/**
 * Keeps each execution's checkpoint log: snapshots of its state and the updates of the nodes that
 * ran after them. Fits a table keyed by {@code (execution_id, step)}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety:</b> safe for concurrent use by any number of threads and processes.
 *   <li><b>Append-only and fenced:</b> {@link #append} stores an entry at its {@code step} and
 *       fails with {@link dev.workflowengine.api.VersionConflictException} if that step of that
 *       execution exists already. Two workers that both believe they own an execution (one of them
 *       with an expired lease) therefore cannot both record the same step: the second one learns it
 *       lost and stops.
 *   <li><b>Durable on return:</b> when {@code append} returns, the entry survives the writer's
 *       process dying.
 *   <li><b>Pruning:</b> an implementation may discard the entries before the latest snapshot;
 *       {@link #load} must still return that snapshot and everything after it.
 *   <li><b>Failure:</b> a storage failure is thrown as an unchecked exception and stores nothing.
 * </ul>
 *
 * <p>Prove an implementation with {@code CheckpointStoreContract} from {@code
 * workflow-engine-testing}.
 */
public interface CheckpointStore {

  /**
   * Appends an entry to an execution's log.
   *
   * @param checkpoint the entry
   * @throws dev.workflowengine.api.VersionConflictException if the step exists already
   */
  void append(Checkpoint checkpoint);

  /**
   * What is needed to rebuild an execution's state: its latest snapshot and every entry after it,
   * in step order.
   *
   * @param executionId the execution
   * @return the entries, starting with a snapshot; empty if the execution has none
   */
  List<Checkpoint> load(String executionId);

  /**
   * Deletes an execution's whole log.
   *
   * @param executionId the execution
   */
  void delete(String executionId);
}
