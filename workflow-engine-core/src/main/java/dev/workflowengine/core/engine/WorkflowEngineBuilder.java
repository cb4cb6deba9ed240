package dev.workflowengine.core.engine;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.api.spi.EventTransport;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.api.spi.WorkflowRepository;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.credentials.CredentialVaultBuilder;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryCredentialStore;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import dev.workflowengine.core.memory.InMemoryWorkflowRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link WorkflowEngine}. Every store, the queue and the event transport default to the
 * in-memory implementations; give your own to share them between processes.
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder()
 *     .executionStore(jdbcExecutions).checkpointStore(jdbcCheckpoints)
 *     .workQueue(natsQueue).eventTransport(natsEvents)
 *     .catalog(catalog)
 *     .workers(8)
 *     .limits("email-triage", WorkflowLimits.of(10, Duration.ofMinutes(5)))
 *     .build();
 * }</pre>
 *
 * <p>Not thread-safe; each setter checks its argument at once and {@link #build()} starts the
 * engine's workers.
 */
public final class WorkflowEngineBuilder {

  private ExecutionStore executionStore;
  private CheckpointStore checkpointStore;
  private WorkQueue workQueue;
  private EventTransport eventTransport;
  private WorkflowRepository repository;
  private CredentialStore credentialStore;
  private CredentialVaultBuilder vault;
  private Catalog catalog = Catalog.empty();
  private int workers = 4;
  private Duration leaseDuration = Duration.ofSeconds(30);
  private Duration pollTimeout = Duration.ofMillis(250);
  private Duration waitSweepInterval = Duration.ofSeconds(1);
  private Duration closeTimeout = Duration.ofSeconds(30);
  private Clock clock = Clock.systemUTC();
  private final Map<String, WorkflowLimits> limits = new LinkedHashMap<>();
  private final List<EngineObserver> observers = new ArrayList<>();

  WorkflowEngineBuilder() {}

  /**
   * Where execution records are kept.
   *
   * @param store the store
   * @return this builder
   */
  public WorkflowEngineBuilder executionStore(ExecutionStore store) {
    this.executionStore = requireNonNull(store, "store");
    return this;
  }

  /**
   * Where each execution's checkpoints are kept.
   *
   * @param store the store
   * @return this builder
   */
  public WorkflowEngineBuilder checkpointStore(CheckpointStore store) {
    this.checkpointStore = requireNonNull(store, "store");
    return this;
  }

  /**
   * The queue workers take executions from.
   *
   * @param queue the queue
   * @return this builder
   */
  public WorkflowEngineBuilder workQueue(WorkQueue queue) {
    this.workQueue = requireNonNull(queue, "queue");
    return this;
  }

  /**
   * How events reach subscribers.
   *
   * @param transport the transport
   * @return this builder
   */
  public WorkflowEngineBuilder eventTransport(EventTransport transport) {
    this.eventTransport = requireNonNull(transport, "transport");
    return this;
  }

  /**
   * Where stored workflow definitions are kept.
   *
   * @param workflowRepository the repository
   * @return this builder
   */
  public WorkflowEngineBuilder workflowRepository(WorkflowRepository workflowRepository) {
    this.repository = requireNonNull(workflowRepository, "workflowRepository");
    return this;
  }

  /**
   * Where encrypted credentials are kept; used with {@link #credentialKey}.
   *
   * @param store the store
   * @return this builder
   */
  public WorkflowEngineBuilder credentialStore(CredentialStore store) {
    this.credentialStore = requireNonNull(store, "store");
    return this;
  }

  /**
   * Adds an AES-256 key for the credential vault; the last one added encrypts new values, earlier
   * ones still decrypt old values, so keys can rotate.
   *
   * @param keyId the key's id, stored with each ciphertext
   * @param key 32 bytes
   * @return this builder
   */
  public WorkflowEngineBuilder credentialKey(String keyId, byte[] key) {
    if (vault == null) {
      vault = CredentialVault.builder();
    }
    vault.key(keyId, key).activeKey(keyId);
    return this;
  }

  /**
   * The models, agents, tools and workflows stored definitions may refer to.
   *
   * @param definitions the catalog
   * @return this builder
   */
  public WorkflowEngineBuilder catalog(Catalog definitions) {
    this.catalog = requireNonNull(definitions, "definitions");
    return this;
  }

  /**
   * How many executions this engine runs at once. Default 4.
   *
   * @param count at least 1
   * @return this builder
   */
  public WorkflowEngineBuilder workers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("workers must be >= 1 but was " + count);
    }
    this.workers = count;
    return this;
  }

  /**
   * Limits the executions of one workflow.
   *
   * @param workflowId the workflow
   * @param workflowLimits its limits
   * @return this builder
   */
  public WorkflowEngineBuilder limits(String workflowId, WorkflowLimits workflowLimits) {
    limits.put(
        requireNonNull(workflowId, "workflowId"), requireNonNull(workflowLimits, "workflowLimits"));
    return this;
  }

  /**
   * How long a worker's claim on an execution lasts without renewal; after a crash, other engines
   * take over once it runs out. Renewed every third of it while the execution runs. Default 30 s.
   *
   * @param duration positive
   * @return this builder
   */
  public WorkflowEngineBuilder leaseDuration(Duration duration) {
    this.leaseDuration = positive(duration, "leaseDuration");
    return this;
  }

  /**
   * How often waits at human steps are checked for timeouts. Default 1 s.
   *
   * @param interval positive
   * @return this builder
   */
  public WorkflowEngineBuilder waitSweepInterval(Duration interval) {
    this.waitSweepInterval = positive(interval, "waitSweepInterval");
    return this;
  }

  /**
   * How long {@link WorkflowEngine#close()} waits for running nodes. Default 30 s.
   *
   * @param timeout positive
   * @return this builder
   */
  public WorkflowEngineBuilder closeTimeout(Duration timeout) {
    this.closeTimeout = positive(timeout, "closeTimeout");
    return this;
  }

  /**
   * The clock for timestamps, deadlines and queue timeouts. Default the system's, in UTC.
   *
   * @param time the clock
   * @return this builder
   */
  public WorkflowEngineBuilder clock(Clock time) {
    this.clock = requireNonNull(time, "time");
    return this;
  }

  /**
   * Adds an observer of executions and nodes, for metrics.
   *
   * @param observer the observer
   * @return this builder
   */
  public WorkflowEngineBuilder observer(EngineObserver observer) {
    observers.add(requireNonNull(observer, "observer"));
    return this;
  }

  private static Duration positive(Duration duration, String name) {
    requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
    return duration;
  }

  /**
   * Builds the engine and starts its workers.
   *
   * @return the running engine
   */
  public WorkflowEngine build() {
    CredentialStore credentials =
        credentialStore == null ? new InMemoryCredentialStore() : credentialStore;
    CredentialVault credentialVault = vault == null ? null : vault.store(credentials).build();
    MetricsCollector metrics = new MetricsCollector();
    List<EngineObserver> all = new ArrayList<>(observers);
    all.add(0, metrics);
    EngineCore core =
        new EngineCore(
            executionStore == null ? new InMemoryExecutionStore() : executionStore,
            checkpointStore == null ? new InMemoryCheckpointStore() : checkpointStore,
            workQueue == null ? new InMemoryWorkQueue() : workQueue,
            eventTransport == null ? new InMemoryEventTransport() : eventTransport,
            new Registry(
                repository == null ? new InMemoryWorkflowRepository() : repository, catalog, clock),
            clock,
            new Observers(all),
            limits,
            leaseDuration,
            pollTimeout);
    return new WorkflowEngine(
        core, metrics, workers, waitSweepInterval, closeTimeout, credentialVault);
  }
}
