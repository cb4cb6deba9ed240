package dev.workflowengine.core.engine;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.AccessDeniedException;
import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionPage;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.generate.GeneratedWorkflow;
import dev.workflowengine.core.generate.WorkflowGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Flow;

/**
 * Runs workflows durably for many users: {@link #start} accepts an execution and queues it, worker
 * threads run it node by node with a checkpoint after every node, live events tell subscribers what
 * happens, human steps pause it until someone {@link #resume resumes} it, and any engine sharing
 * the same stores and queue finishes what a crashed one left.
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder().workers(4).build();   // in-memory stores
 * engine.register(workflow);
 * ExecutionHandle handle = engine.start(StartRequest.of("triage", Map.of("ticket", text)).user("u1"));
 * handle.events().subscribe(printer);                     // workflow_started, node_started, ...
 * ExecutionRecord record = handle.await(Duration.ofMinutes(5));
 * if (record.status() == ExecutionStatus.WAITING) {
 *   engine.resume(handle.executionId(), "u1", Map.of("approved", true));
 * }
 * engine.close();
 * }</pre>
 *
 * <p>Every read and control call takes the caller's user id and only works on that user's
 * executions; for anyone else it throws {@link AccessDeniedException} with a message that does not
 * say whether the execution exists. Thread-safe.
 */
public final class WorkflowEngine implements AutoCloseable {

  private final EngineCore core;
  private final MetricsCollector metrics;
  private final HumanAnswers answers;
  private final Outcomes outcomes;
  private final Housekeeping housekeeping;
  private final List<Thread> workers;
  private final Duration closeTimeout;
  private final CredentialVault credentials;
  private final Starts starts;
  private final Cancellations cancellations;

  WorkflowEngine(
      EngineCore core,
      MetricsCollector metrics,
      int workerCount,
      Duration sweepInterval,
      Duration closeTimeout,
      CredentialVault credentials) {
    this.core = core;
    this.metrics = metrics;
    this.outcomes = new Outcomes(core);
    this.answers = new HumanAnswers(core, outcomes);
    this.closeTimeout = closeTimeout;
    this.credentials = credentials;
    this.starts = new Starts(core);
    this.cancellations = new Cancellations(core);
    ExecutionRunner runner = new ExecutionRunner(core, outcomes);
    String engineId = UUID.randomUUID().toString().substring(0, 8);
    this.workers =
        java.util.stream.IntStream.range(0, workerCount)
            .mapToObj(
                i -> {
                  String workerId = "engine-" + engineId + "-worker-" + i;
                  Thread thread = new Thread(new Worker(core, runner, workerId), workerId);
                  thread.setDaemon(true);
                  return thread;
                })
            .toList();
    this.housekeeping = new Housekeeping(core, outcomes, answers, sweepInterval);
    workers.forEach(Thread::start);
  }

  /**
   * A builder with in-memory stores, queue and transport, four workers and no limits.
   *
   * @return a new builder; not thread-safe
   */
  public static WorkflowEngineBuilder builder() {
    return new WorkflowEngineBuilder();
  }

  /**
   * Makes a workflow built in code available to every user, under its id and version.
   *
   * @param workflow the workflow
   */
  public void register(Workflow workflow) {
    core.registry.register(requireNonNull(workflow, "workflow"));
  }

  /**
   * Validates a definition against the engine's catalog and stores it as the next version of its
   * workflow, owned by the user.
   *
   * @param userId the owner
   * @param definition the definition; its version is replaced by the next free one
   * @return the stored version
   * @throws dev.workflowengine.api.WorkflowValidationException if it does not compile
   * @throws AccessDeniedException if another user owns a workflow with that id
   */
  public StoredWorkflow saveDefinition(String userId, WorkflowDefinition definition) {
    return core.registry.save(UserIds.check(userId), requireNonNull(definition, "definition"));
  }

  /**
   * The latest stored version of a user's workflow definition.
   *
   * @param workflowId the workflow
   * @param userId the owner
   * @return the definition, empty if the user has none with that id
   */
  public Optional<StoredWorkflow> definition(String workflowId, String userId) {
    return core.registry.definition(workflowId, UserIds.check(userId));
  }

  /**
   * A user's stored workflow definitions, latest versions, ordered by id.
   *
   * @param userId the owner
   * @param offset how many to skip
   * @param limit the most to return
   * @return the page
   */
  public List<StoredWorkflow> definitions(String userId, int offset, int limit) {
    return core.registry.definitions(UserIds.check(userId), offset, limit);
  }

  /**
   * Deletes every version of a user's workflow definition. Its executions that have not finished
   * can no longer run and fail when a worker next takes them.
   *
   * @param workflowId the workflow
   * @param userId the owner
   * @return {@code true} if something was deleted
   */
  public boolean deleteDefinition(String workflowId, String userId) {
    return core.registry.delete(workflowId, UserIds.check(userId));
  }

  /**
   * Accepts an execution and queues it; a worker runs it soon after. Nothing accepted is lost: its
   * start state is checkpointed before this method returns.
   *
   * @param request the workflow, input and owner; with an idempotency key, repeating the request
   *     returns the first execution instead of starting another
   * @return the handle of the execution
   * @throws dev.workflowengine.api.NotFoundException if the workflow is unknown to the user
   * @throws dev.workflowengine.api.WorkflowValidationException if the user id or input is invalid
   * @throws RateLimitedException if the queue is full; try again later
   */
  public ExecutionHandle start(StartRequest request) {
    requireNonNull(request, "request");
    String executionId = starts.start(request);
    return new EngineExecutionHandle(this, executionId, request.userId());
  }

  /**
   * Generates a workflow from a request in natural language, stores it as the next version of its
   * id owned by the user, and starts that version. The stored definition's metadata records the
   * prompt, model, time and number of attempts under {@code "generatedFrom"}. Give the generator
   * the engine's catalog: the definition is compiled against both.
   *
   * <pre>{@code
   * WorkflowGenerator generator = new WorkflowGenerator(model, catalog);
   * GeneratedExecution run =
   *     engine.generateAndStart(generator, "Triage this ticket", "u1", Map.of("ticket", text));
   * }</pre>
   *
   * @param generator the generator
   * @param prompt what the workflow should do
   * @param userId the owner of the definition and the execution
   * @param input the execution's initial state
   * @return the generated workflow, its stored version and the execution's handle
   * @throws dev.workflowengine.api.WorkflowGenerationException if the model wrote no valid
   *     definition; nothing is stored
   * @throws AccessDeniedException if another user owns a workflow with the generated id
   * @throws dev.workflowengine.api.WorkflowValidationException if the definition does not compile
   *     against the engine's catalog or the input does not fit it; a definition that was stored
   *     stays stored
   */
  public GeneratedExecution generateAndStart(
      WorkflowGenerator generator, String prompt, String userId, Map<String, ?> input) {
    requireNonNull(generator, "generator");
    UserIds.check(userId);
    requireNonNull(input, "input");
    GeneratedWorkflow generated = generator.generate(prompt);
    StoredWorkflow stored = saveDefinition(userId, withOrigin(generated));
    ExecutionHandle handle =
        start(StartRequest.of(stored.workflowId(), input).version(stored.version()).user(userId));
    return new GeneratedExecution(generated, stored, handle);
  }

  private static WorkflowDefinition withOrigin(GeneratedWorkflow generated) {
    return generated.definition().toBuilder()
        .metadata(
            "generatedFrom",
            Map.of(
                "prompt", generated.prompt(),
                "model", generated.model(),
                "createdAt", generated.createdAt().toString(),
                "attempts", generated.attempts().size()))
        .build();
  }

  /**
   * The handle of an existing execution.
   *
   * @param executionId the execution
   * @param userId the caller
   * @return the handle
   * @throws AccessDeniedException if the execution is not the caller's
   */
  public ExecutionHandle handle(String executionId, String userId) {
    owned(executionId, userId);
    return new EngineExecutionHandle(this, executionId, userId);
  }

  /**
   * An execution's record as stored now.
   *
   * @param executionId the execution
   * @param userId the caller
   * @return the record
   * @throws AccessDeniedException if the execution is not the caller's
   */
  public ExecutionRecord status(String executionId, String userId) {
    return owned(executionId, userId);
  }

  /**
   * Answers the human step an execution waits at and lets it continue. The input is checked against
   * the step before anything changes.
   *
   * @param executionId the execution
   * @param userId the caller
   * @param input the answer
   * @return the execution's handle
   * @throws AccessDeniedException if the execution is not the caller's
   * @throws dev.workflowengine.api.WorkflowValidationException if it does not wait or the input
   *     does not fit the step
   */
  public ExecutionHandle resume(String executionId, String userId, Map<String, ?> input) {
    ExecutionRecord record = owned(executionId, userId);
    answers.answer(record, requireNonNull(input, "input"));
    return new EngineExecutionHandle(this, executionId, userId);
  }

  /**
   * Cancels an execution: a queued or waiting one at once, a running one at its next node (its
   * current node is interrupted where it can be).
   *
   * @param executionId the execution
   * @param userId the caller
   * @return {@code true} if this call cancelled it or asked it to stop; {@code false} if it had
   *     already finished, which changes nothing
   * @throws AccessDeniedException if the execution is not the caller's
   */
  public boolean cancel(String executionId, String userId) {
    return cancellations.cancel(owned(executionId, userId));
  }

  /**
   * An execution's events after a sequence: those already published, then live ones.
   *
   * @param executionId the execution
   * @param userId the caller
   * @param afterSequence the last sequence the caller has seen; 0 for all
   * @return a publisher that can be subscribed to once
   * @throws AccessDeniedException if the execution is not the caller's
   */
  public Flow.Publisher<WorkflowEvent> events(
      String executionId, String userId, long afterSequence) {
    owned(executionId, userId);
    return core.events.subscribe(executionId, afterSequence);
  }

  /**
   * A user's executions, newest first.
   *
   * @param userId the caller
   * @param query filters and paging
   * @return one page
   */
  public ExecutionPage history(String userId, ExecutionQuery query) {
    return core.executions.query(UserIds.check(userId), requireNonNull(query, "query"));
  }

  /**
   * How many workers the engine was built with.
   *
   * @return the worker count
   */
  public int workers() {
    return workers.size();
  }

  /**
   * How many of its workers are running: all of them until the engine closes, unless one died of an
   * error it could not survive (an {@link Error}), which a health check should report.
   *
   * @return the workers whose threads are alive
   */
  public int liveWorkers() {
    return (int) workers.stream().filter(Thread::isAlive).count();
  }

  /**
   * What the engine has done since it started.
   *
   * @return a snapshot of its counters
   */
  public EngineMetrics metrics() {
    return metrics.snapshot(core.queue::depth, core.running.size());
  }

  /**
   * The vault that encrypts users' credentials before they reach the credential store.
   *
   * @return the vault, if the builder was given a credential key
   */
  public Optional<CredentialVault> credentials() {
    return Optional.ofNullable(credentials);
  }

  ExecutionRecord await(String executionId, String userId, Duration timeout) {
    long last = core.events.lastSequence(executionId);
    return Await.until(
        () -> status(executionId, userId),
        last,
        after -> core.events.subscribe(executionId, after),
        executionId,
        timeout);
  }

  private ExecutionRecord owned(String executionId, String userId) {
    requireNonNull(executionId, "executionId");
    UserIds.check(userId);
    return core.executions
        .find(executionId)
        .filter(record -> record.userId().equals(userId))
        .orElseThrow(
            () ->
                new AccessDeniedException(
                    "execution '"
                        + executionId
                        + "' is not available to user '"
                        + userId
                        + "'; check the execution id and the user it was started for"));
  }

  /**
   * Stops gracefully: workers take no new work, running executions stop at their next node with
   * everything checkpointed and go back to the queue for this or another engine to continue. Waits
   * up to the builder's close timeout.
   */
  @Override
  public void close() {
    core.closing = true;
    join(closeTimeout);
    housekeeping.close();
  }

  /**
   * Stops at once, as if the process died: workers are interrupted, no checkpoint, event or
   * acknowledgement is written any more (a record update already under way may still land).
   * Executions it was running are recovered by any engine sharing the stores and queue once their
   * leases expire.
   */
  public void shutdownNow() {
    core.killed = true;
    workers.forEach(Thread::interrupt);
    housekeeping.close();
    join(Duration.ofSeconds(5));
  }

  private void join(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread worker : workers) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        worker.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
