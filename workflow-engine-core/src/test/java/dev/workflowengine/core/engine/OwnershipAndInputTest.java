package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.workflowengine.api.AccessDeniedException;
import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may see and control what, and what the engine refuses to start. */
class OwnershipAndInputTest {

  private final AtomicInteger greetings = new AtomicInteger();
  private final Catalog catalog =
      Catalog.builder()
          .agent(
              "greeter",
              state -> {
                greetings.incrementAndGet();
                return Map.of("greeting", "Hello, " + state.getString("name"));
              })
          .build();
  private final WorkflowEngine engine =
      WorkflowEngine.builder().catalog(catalog).workers(2).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static Workflow approval() {
    return Workflow.builder("approval")
        .node("draft", state -> Map.of("draft", "text"))
        .human("approve", HumanStep.builder().requireInput("approved", Boolean.class).build())
        .start("draft")
        .edge("draft", "approve")
        .edge("approve", Workflow.END)
        .build();
  }

  private static String denial(String executionId, String userId) {
    return "execution '"
        + executionId
        + "' is not available to user '"
        + userId
        + "'; check the execution id and the user it was started for";
  }

  @Test
  void anotherUserIsDeniedEveryCallWithTheMessageANonexistentExecutionGets() {
    engine.register(approval());
    ExecutionHandle handle = engine.start(StartRequest.of("approval", Map.of()).user("alice"));
    String id = handle.executionId();
    ExecutionRecord waiting = handle.await(PATIENCE);
    assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
    Map<String, BiConsumer<String, String>> calls = new HashMap<>();
    calls.put("status", engine::status);
    calls.put("handle", engine::handle);
    calls.put("events", (execution, user) -> engine.events(execution, user, 0));
    calls.put("cancel", engine::cancel);
    calls.put(
        "resume", (execution, user) -> engine.resume(execution, user, Map.of("approved", true)));

    calls.forEach(
        (name, call) -> {
          Throwable theirs = catchThrowable(() -> call.accept(id, "mallory"));
          Throwable missing = catchThrowable(() -> call.accept("no-such-execution", "mallory"));
          assertThat(theirs).as(name).isExactlyInstanceOf(AccessDeniedException.class);
          assertThat(missing).as(name).isExactlyInstanceOf(AccessDeniedException.class);
          assertThat(theirs).as(name).hasMessage(denial(id, "mallory"));
          assertThat(missing).as(name).hasMessage(denial("no-such-execution", "mallory"));
        });

    assertThat(engine.status(id, "alice")).isEqualTo(waiting); // nothing was cancelled or resumed
    assertThat(engine.history("mallory", ExecutionQuery.recent(10)).executions()).isEmpty();
    assertThat(engine.history("alice", ExecutionQuery.recent(10)).executions())
        .extracting(ExecutionRecord::executionId)
        .containsExactly(id);
  }

  @Test
  void invalidUserIdsAreRefusedBeforeAnythingHappens() {
    engine.register(approval());
    for (String bad : List.of("", " bad", "a b", "-lead", "x".repeat(129), "tab\t", "ü")) {
      assertThatThrownBy(() -> engine.start(StartRequest.of("approval", Map.of()).user(bad)))
          .as("'%s'", bad)
          .isInstanceOf(WorkflowValidationException.class)
          .hasMessageContaining("is not a valid user id");
      assertThatThrownBy(() -> engine.status("any", bad))
          .isInstanceOf(WorkflowValidationException.class);
      assertThatThrownBy(() -> engine.history(bad, ExecutionQuery.recent(1)))
          .isInstanceOf(WorkflowValidationException.class);
      assertThatThrownBy(() -> engine.definitions(bad, 0, 10))
          .isInstanceOf(WorkflowValidationException.class);
    }
    for (String good : List.of("a", "user@example.com", "tenant:42", "x".repeat(128))) {
      ExecutionHandle handle = engine.start(StartRequest.of("approval", Map.of()).user(good));
      assertThat(handle.await(PATIENCE).userId()).isEqualTo(good);
    }
    assertThat(engine.metrics().started()).isEqualTo(4);
  }

  @Test
  void unknownWorkflowsAndBadInputAreRefusedAndNothingIsCreated() {
    engine.register(
        Workflow.builder("greeting")
            .node("greet", state -> Map.of("greeting", "Hello, " + state.getString("name")))
            .start("greet")
            .edge("greet", Workflow.END)
            .requireInput("name")
            .build());

    assertThatThrownBy(() -> engine.start(StartRequest.of("nope", Map.of()).user("u1")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no workflow 'nope'");
    assertThatThrownBy(
            () ->
                engine.start(
                    StartRequest.of("greeting", Map.of("name", "x")).version(2).user("u1")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no workflow 'greeting' version 2");
    assertThatThrownBy(() -> engine.start(StartRequest.of("greeting", Map.of()).user("u1")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("input.name")
        .hasMessageContaining("is required by workflow 'greeting'");
    assertThat(engine.history("u1", ExecutionQuery.recent(10)).executions()).isEmpty();
    assertThat(engine.metrics().queueDepth()).isZero();
  }

  private static Workflow versioned(int version) {
    return Workflow.builder("versioned")
        .version(version)
        .node("say", state -> Map.of("said", "v" + version))
        .start("say")
        .edge("say", Workflow.END)
        .build();
  }

  /** A pinned version that was not registered used to start the latest registered one. */
  @Test
  void aPinnedVersionRunsExactlyThatVersionOrIsNotFound() {
    engine.register(versioned(1));
    engine.register(versioned(2));

    ExecutionHandle first =
        engine.start(StartRequest.of("versioned", Map.of()).version(1).user("u1"));
    ExecutionHandle latest = engine.start(StartRequest.of("versioned", Map.of()).user("u1"));
    assertThat(first.await(PATIENCE).output()).containsEntry("said", "v1");
    assertThat(latest.await(PATIENCE).output()).containsEntry("said", "v2");
    assertThat(latest.status().workflowVersion()).isEqualTo(2);
    assertThatThrownBy(
            () -> engine.start(StartRequest.of("versioned", Map.of()).version(3).user("u1")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no workflow 'versioned' version 3");
    assertThat(engine.history("u1", ExecutionQuery.recent(10)).executions()).hasSize(2);
  }

  @Test
  void aRepeatedStartWithTheSameIdempotencyKeyReturnsTheSameExecution() {
    engine.register(
        Workflow.builder("greeting")
            .node(
                "greet",
                state -> {
                  greetings.incrementAndGet();
                  return Map.of("greeting", "Hello, " + state.getString("name"));
                })
            .start("greet")
            .edge("greet", Workflow.END)
            .build());
    StartRequest request =
        StartRequest.of("greeting", Map.of("name", "Ada")).user("u1").idempotencyKey("order-17");

    ExecutionHandle first = engine.start(request);
    assertThat(first.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
    ExecutionHandle again = engine.start(request);
    ExecutionHandle otherUser = engine.start(request.user("u2"));
    ExecutionHandle otherKey = engine.start(request.idempotencyKey("order-18"));

    assertThat(again.executionId()).isEqualTo(first.executionId());
    assertThat(otherUser.executionId()).isNotEqualTo(first.executionId());
    assertThat(otherKey.executionId()).isNotIn(first.executionId(), otherUser.executionId());
    assertThat(otherUser.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(otherKey.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(greetings.get()).isEqualTo(3);
    assertThat(engine.history("u1", ExecutionQuery.recent(10)).executions()).hasSize(2);
  }

  /**
   * Holds the first of two starts after it checkpointed its execution and before it records it,
   * until the second start, refused by that checkpoint, has looked the execution up.
   */
  private static final class HeldFirstStart implements CheckpointStore {
    final InMemoryCheckpointStore delegate = new InMemoryCheckpointStore();
    final InMemoryExecutionStore records = new InMemoryExecutionStore();
    final CountDownLatch firstCheckpointed = new CountDownLatch(1);
    final CountDownLatch secondLookedUp = new CountDownLatch(1);
    private volatile Thread second;

    /** The records, telling when the refused second start looks its execution up. */
    final ExecutionStore executions =
        new EngineTestSupport.ForwardingExecutionStore(records) {
          @Override
          public Optional<ExecutionRecord> find(String executionId) {
            Optional<ExecutionRecord> record = delegate.find(executionId);
            if (Thread.currentThread() == second) {
              secondLookedUp.countDown();
            }
            return record;
          }
        };

    @Override
    public void append(Checkpoint checkpoint) {
      if (checkpoint.step() != 0 || firstCheckpointed.getCount() == 0) {
        try {
          delegate.append(checkpoint);
        } catch (RuntimeException refused) {
          second = Thread.currentThread();
          throw refused;
        }
        return;
      }
      delegate.append(checkpoint);
      firstCheckpointed.countDown();
      try {
        EngineTestSupport.await(secondLookedUp);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public List<Checkpoint> load(String executionId) {
      return delegate.load(executionId);
    }

    @Override
    public void delete(String executionId) {
      delegate.delete(executionId);
    }
  }

  /**
   * Two starts with one idempotency key at the same moment: the second used to find the first's
   * checkpoint but not yet its record, and threw AccessDeniedException for its own execution.
   */
  @Test
  void concurrentStartsWithTheSameIdempotencyKeyShareOneExecution() throws Exception {
    HeldFirstStart held = new HeldFirstStart();
    try (WorkflowEngine engine =
        WorkflowEngine.builder()
            .checkpointStore(held)
            .executionStore(held.executions)
            .workers(1)
            .build()) {
      engine.register(
          Workflow.builder("greeting")
              .node(
                  "greet",
                  state -> {
                    greetings.incrementAndGet();
                    return Map.of("greeting", "Hello");
                  })
              .start("greet")
              .edge("greet", Workflow.END)
              .build());
      StartRequest request =
          StartRequest.of("greeting", Map.of()).user("u1").idempotencyKey("order-17");

      CompletableFuture<ExecutionHandle> first =
          CompletableFuture.supplyAsync(() -> engine.start(request));
      EngineTestSupport.await(held.firstCheckpointed);
      ExecutionHandle second = engine.start(request);

      String id = first.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).executionId();
      assertThat(second.executionId()).isEqualTo(id);
      assertThat(second.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(greetings.get()).isEqualTo(1);
      assertThat(engine.history("u1", ExecutionQuery.recent(10)).executions()).hasSize(1);
    }
  }

  private static WorkflowDefinition definition(String id, String nodeJson) {
    return Workflows.parse(
        "{\"id\": \""
            + id
            + "\", \"startNode\": \"greet\", \"nodes\": ["
            + nodeJson
            + "], \"edges\": [{\"from\": \"greet\", \"to\": \"__end__\"}],"
            + " \"state\": {\"name\": {\"required\": true}}}");
  }

  private static final String AGENT_NODE =
      "{\"id\": \"greet\", \"type\": \"agent\", \"config\": {\"agent\": \"greeter\"}}";
  private static final String TRANSFORM_NODE =
      "{\"id\": \"greet\", \"type\": \"transform\","
          + " \"config\": {\"set\": {\"greeting\": \"'Hi, ' + state.name\"}}}";

  @Test
  void storedDefinitionsAreVersionedCompiledAgainstTheCatalogAndTheirOwnersAlone()
      throws Exception {
    StoredWorkflow v1 = engine.saveDefinition("alice", definition("hello", AGENT_NODE));
    StoredWorkflow v2 = engine.saveDefinition("alice", definition("hello", TRANSFORM_NODE));
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v1.ownerId()).isEqualTo("alice");
    assertThat(engine.definition("hello", "alice")).contains(v2);
    assertThat(engine.definitions("alice", 0, 10))
        .extracting(StoredWorkflow::version)
        .containsExactly(2);

    ExecutionHandle pinned =
        engine.start(StartRequest.of("hello", Map.of("name", "Ada")).version(1).user("alice"));
    ExecutionHandle latest =
        engine.start(StartRequest.of("hello", Map.of("name", "Ada")).user("alice"));
    assertThat(pinned.await(PATIENCE).output()).containsEntry("greeting", "Hello, Ada");
    assertThat(latest.await(PATIENCE).output()).containsEntry("greeting", "Hi, Ada");
    assertThat(pinned.status().workflowVersion()).isEqualTo(1);
    assertThat(latest.status().workflowVersion()).isEqualTo(2);
    assertThat(greetings.get()).isEqualTo(1);

    // another user neither sees, starts, overwrites nor deletes it
    assertThat(engine.definition("hello", "bob")).isEmpty();
    assertThat(engine.definitions("bob", 0, 10)).isEmpty();
    Throwable theirs =
        catchThrowable(
            () -> engine.start(StartRequest.of("hello", Map.of("name", "x")).user("bob")));
    Throwable unknown =
        catchThrowable(
            () -> engine.start(StartRequest.of("hell0", Map.of("name", "x")).user("bob")));
    assertThat(theirs).isExactlyInstanceOf(NotFoundException.class);
    assertThat(theirs.getMessage().replace("hello", "hell0")).isEqualTo(unknown.getMessage());
    assertThatThrownBy(() -> engine.saveDefinition("bob", definition("hello", TRANSFORM_NODE)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(engine.deleteDefinition("hello", "bob")).isFalse();
    assertThat(engine.definition("hello", "alice")).contains(v2);

    assertThat(engine.deleteDefinition("hello", "alice")).isTrue();
    assertThat(engine.definition("hello", "alice")).isEmpty();
    assertThatThrownBy(
            () -> engine.start(StartRequest.of("hello", Map.of("name", "x")).user("alice")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDefinitionThatDoesNotCompileOrClashesWithARegisteredWorkflowIsNotStored() {
    assertThatThrownBy(
            () ->
                engine.saveDefinition(
                    "alice",
                    definition(
                        "hello",
                        "{\"id\": \"greet\", \"type\": \"agent\", \"config\": {\"agent\": \"nobody\"}}")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("nobody");
    assertThat(engine.definition("hello", "alice")).isEmpty();

    engine.register(approval());
    assertThatThrownBy(() -> engine.saveDefinition("alice", definition("approval", AGENT_NODE)))
        .isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("registered in code");
    assertThat(engine.definitions("alice", 0, 10)).isEmpty();
  }
}
