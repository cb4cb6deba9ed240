package dev.workflowengine.core.memory;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.api.spi.WorkflowRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The embedded {@link WorkflowRepository}: every version of every workflow in memory. Lost when the
 * process ends; use a database-backed repository to survive restarts.
 *
 * <pre>{@code
 * WorkflowRepository repository = new InMemoryWorkflowRepository();
 * repository.insert(new StoredWorkflow(definition, "u1", Instant.now()));
 * StoredWorkflow latest = repository.latest(definition.id()).orElseThrow();
 * repository.insert(new StoredWorkflow(definition.withVersion(latest.version() + 1), "u1", now));
 * }</pre>
 *
 * <p>Not bounded: definitions are written on purpose by people and programs, not once per request,
 * and an execution may refer to any version, so no version is ever dropped behind anyone's back.
 * {@link #delete} is the way to free them.
 *
 * <p>Thread-safe: writes to one workflow are atomic, reads never block, and {@link #list} sees each
 * workflow either before or after any concurrent write.
 */
public final class InMemoryWorkflowRepository implements WorkflowRepository {

  // Sorted by workflow id so that list() pages in id order without sorting. Each value is an
  // immutable map replaced as a whole, so readers never see a half-made change.
  private final ConcurrentSkipListMap<String, NavigableMap<Integer, StoredWorkflow>> workflows =
      new ConcurrentSkipListMap<>();

  /** Creates an empty repository. */
  public InMemoryWorkflowRepository() {}

  @Override
  public void insert(StoredWorkflow workflow) {
    requireNonNull(workflow, "workflow");
    // ConcurrentSkipListMap.compute may retry its function, so the function only builds a new
    // map and never mutates shared state; the conflict is thrown from inside, which aborts it.
    workflows.compute(
        workflow.workflowId(),
        (id, versions) -> {
          if (versions != null && versions.containsKey(workflow.version())) {
            throw new VersionConflictException(
                "workflow '"
                    + id
                    + "' already has version "
                    + workflow.version()
                    + "; read the latest version and store the next one");
          }
          TreeMap<Integer, StoredWorkflow> copy =
              versions == null ? new TreeMap<>() : new TreeMap<>(versions);
          copy.put(workflow.version(), workflow);
          return Collections.unmodifiableNavigableMap(copy);
        });
  }

  @Override
  public Optional<StoredWorkflow> latest(String workflowId) {
    NavigableMap<Integer, StoredWorkflow> versions =
        workflows.get(requireNonNull(workflowId, "workflowId"));
    return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
  }

  @Override
  public Optional<StoredWorkflow> find(String workflowId, int version) {
    NavigableMap<Integer, StoredWorkflow> versions =
        workflows.get(requireNonNull(workflowId, "workflowId"));
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A workflow belongs to the owner of its latest version. Scans the workflows in id order, like
   * a query on a table without an owner index.
   *
   * @throws IllegalArgumentException if {@code offset} is negative or {@code limit} is below 1
   */
  @Override
  public List<StoredWorkflow> list(String ownerId, int offset, int limit) {
    requireNonNull(ownerId, "ownerId");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
    }
    List<StoredWorkflow> page = new ArrayList<>(Math.min(limit, 64));
    int skipped = 0;
    for (Map.Entry<String, NavigableMap<Integer, StoredWorkflow>> entry : workflows.entrySet()) {
      StoredWorkflow latest = entry.getValue().lastEntry().getValue();
      if (!latest.ownerId().equals(ownerId)) {
        continue;
      }
      if (skipped < offset) {
        skipped++;
        continue;
      }
      page.add(latest);
      if (page.size() == limit) {
        break;
      }
    }
    return List.copyOf(page);
  }

  @Override
  public int delete(String workflowId) {
    NavigableMap<Integer, StoredWorkflow> removed =
        workflows.remove(requireNonNull(workflowId, "workflowId"));
    return removed == null ? 0 : removed.size();
  }

  /**
   * How many workflows are stored, counting each workflow once whatever its number of versions.
   *
   * @return the number of workflow ids
   */
  public int size() {
    return workflows.size();
  }
}
