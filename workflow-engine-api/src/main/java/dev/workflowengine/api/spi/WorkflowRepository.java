package dev.workflowengine.api.spi;

import java.util.List;
import java.util.Optional;

/**
 * Keeps every version of every workflow definition. A version, once stored, never changes: an
 * update is a new version. Fits a table keyed by {@code (workflow_id, version)}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety:</b> implementations are safe for concurrent use by any number of threads
 *       and processes sharing the same storage.
 *   <li><b>Optimistic versioning:</b> {@link #insert} stores exactly the version it is given and
 *       fails with {@link dev.workflowengine.api.VersionConflictException} if that version of that
 *       workflow already exists. To update, read the latest version {@code n} and insert {@code n +
 *       1}; of two concurrent writers, one wins and the other gets the conflict. No lock is held
 *       across calls.
 *   <li><b>Ownership</b> is stored, not enforced: the engine checks it before calling.
 *   <li><b>Failure:</b> a storage failure is thrown as an unchecked exception and leaves nothing
 *       half-written; the caller may retry.
 * </ul>
 *
 * <p>Prove an implementation with {@code WorkflowRepositoryContract} from {@code
 * workflow-engine-testing}.
 */
public interface WorkflowRepository {

  /**
   * Stores one version of a workflow.
   *
   * @param workflow the version to store
   * @throws dev.workflowengine.api.VersionConflictException if this id and version exist already
   */
  void insert(StoredWorkflow workflow);

  /**
   * The latest version of a workflow.
   *
   * @param workflowId the workflow id
   * @return the highest stored version, or empty if the workflow does not exist
   */
  Optional<StoredWorkflow> latest(String workflowId);

  /**
   * One version of a workflow.
   *
   * @param workflowId the workflow id
   * @param version the version
   * @return the stored version, or empty if it does not exist
   */
  Optional<StoredWorkflow> find(String workflowId, int version);

  /**
   * The latest version of each workflow a user owns, ordered by workflow id.
   *
   * @param ownerId the owner
   * @param offset how many workflows to skip
   * @param limit the most workflows to return
   * @return the page, possibly empty
   */
  List<StoredWorkflow> list(String ownerId, int offset, int limit);

  /**
   * Deletes every version of a workflow.
   *
   * @param workflowId the workflow id
   * @return how many versions were deleted; 0 if the workflow did not exist
   */
  int delete(String workflowId);
}
