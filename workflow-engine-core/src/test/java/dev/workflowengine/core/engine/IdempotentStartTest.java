package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starts that carry an idempotency key, repeated one after the other or at the same moment. */
class IdempotentStartTest {

  private final AtomicInteger greetings = new AtomicInteger();
  private final WorkflowEngine engine = WorkflowEngine.builder().workers(2).build();

  @AfterEach
  void close() {
    engine.close();
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
}
