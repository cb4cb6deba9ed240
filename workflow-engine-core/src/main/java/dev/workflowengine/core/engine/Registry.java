package dev.workflowengine.core.engine;

import dev.workflowengine.api.AccessDeniedException;
import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.api.spi.WorkflowRepository;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.Workflows;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Finds the workflow an execution runs: one registered in code, or a stored definition compiled
 * through the catalog the first time it is needed. Registered workflows are available to every
 * user; a stored definition only to its owner. Thread-safe.
 */
final class Registry {

  private final Map<String, NavigableMap<Integer, Workflow>> registered = new ConcurrentHashMap<>();
  private final Map<String, Workflow> compiled = new ConcurrentHashMap<>();
  private final WorkflowRepository repository;
  private final Catalog catalog;
  private final Clock clock;

  Registry(WorkflowRepository repository, Catalog catalog, Clock clock) {
    this.repository = repository;
    this.catalog = catalog;
    this.clock = clock;
  }

  void register(Workflow workflow) {
    registered
        .computeIfAbsent(workflow.id(), id -> new ConcurrentSkipListMap<>())
        .put(workflow.version(), workflow);
  }

  /** The workflow a user may start: a version, or the latest when none is given. */
  Workflow forStart(String workflowId, Optional<Integer> version, String userId) {
    NavigableMap<Integer, Workflow> code = registered.get(workflowId);
    if (code != null) {
      // not version.map(code::get): an unknown version must not fall back to the latest one
      Workflow workflow =
          version.isPresent() ? code.get(version.get()) : code.lastEntry().getValue();
      if (workflow != null) {
        return workflow;
      }
    }
    StoredWorkflow stored =
        (version.isPresent()
                ? repository.find(workflowId, version.get())
                : repository.latest(workflowId))
            .orElseThrow(() -> unknown(workflowId, version));
    if (!stored.ownerId().equals(userId)) {
      throw unknown(workflowId, version); // another user's definition is not theirs to know of
    }
    return compile(stored);
  }

  /** The workflow an accepted execution runs, whoever asks. */
  Optional<Workflow> forExecution(String workflowId, int version) {
    NavigableMap<Integer, Workflow> code = registered.get(workflowId);
    if (code != null && code.containsKey(version)) {
      return Optional.of(code.get(version));
    }
    return repository.find(workflowId, version).map(this::compile);
  }

  /** Validates a definition and stores it as the next version of its workflow. */
  StoredWorkflow save(String userId, WorkflowDefinition definition) {
    if (registered.containsKey(definition.id())) {
      throw new VersionConflictException(
          "workflow '"
              + definition.id()
              + "' is registered in code; give the definition another id");
    }
    Optional<StoredWorkflow> latest = repository.latest(definition.id());
    if (latest.isPresent() && !latest.get().ownerId().equals(userId)) {
      throw new AccessDeniedException(
          "workflow '"
              + definition.id()
              + "' belongs to another user; give the definition another id");
    }
    WorkflowDefinition versioned =
        definition.withVersion(latest.map(StoredWorkflow::version).orElse(0) + 1);
    Workflow workflow = Workflows.compile(versioned, catalog);
    StoredWorkflow stored = new StoredWorkflow(versioned, userId, clock.instant());
    repository.insert(stored);
    compiled.put(key(versioned.id(), versioned.version()), workflow);
    return stored;
  }

  Optional<StoredWorkflow> definition(String workflowId, String userId) {
    return repository.latest(workflowId).filter(stored -> stored.ownerId().equals(userId));
  }

  List<StoredWorkflow> definitions(String userId, int offset, int limit) {
    return repository.list(userId, offset, limit);
  }

  boolean delete(String workflowId, String userId) {
    if (definition(workflowId, userId).isEmpty()) {
      return false;
    }
    compiled.keySet().removeIf(key -> key.startsWith(workflowId + "@"));
    return repository.delete(workflowId) > 0;
  }

  private Workflow compile(StoredWorkflow stored) {
    return compiled.computeIfAbsent(
        key(stored.workflowId(), stored.version()),
        key -> Workflows.compile(stored.definition(), catalog));
  }

  private static String key(String workflowId, int version) {
    return workflowId + "@" + version;
  }

  private static NotFoundException unknown(String workflowId, Optional<Integer> version) {
    return new NotFoundException(
        "no workflow '"
            + workflowId
            + "'"
            + version.map(v -> " version " + v).orElse("")
            + " is registered or stored for this user; register it with engine.register(...) or"
            + " save its definition with engine.saveDefinition(...)");
  }
}
