package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.WorkflowCancelled;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.Workflow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancelling executions that are queued, waiting, running or finished. */
class CancellationEngineTest {

  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final CountDownLatch blocked = new CountDownLatch(1);
  private final CountDownLatch interrupted = new CountDownLatch(1);
  private final CountDownLatch never = new CountDownLatch(1);
  private final WorkflowEngine engine = WorkflowEngine.builder().workers(1).build();

  @AfterEach
  void close() {
    never.countDown();
    engine.close();
  }

  private NodeAction counted(String nodeId, NodeAction action) {
    return state -> {
      runs.computeIfAbsent(nodeId, id -> new AtomicInteger()).incrementAndGet();
      return action.apply(state);
    };
  }

  private int runsOf(String nodeId) {
    AtomicInteger count = runs.get(nodeId);
    return count == null ? 0 : count.get();
  }

  /** first, then second (which blocks until interrupted if asked to), then third. */
  private Workflow chain() {
    return Workflow.builder("chain")
        .node("first", counted("first", state -> Map.of("first", true)))
        .node(
            "second",
            counted(
                "second",
                state -> {
                  if (state.getBoolean("block", false)) {
                    blocked.countDown();
                    try {
                      never.await();
                    } catch (InterruptedException e) {
                      interrupted.countDown();
                      throw e;
                    }
                  }
                  return Map.of("second", true);
                }))
        .node("third", counted("third", state -> Map.of("third", true)))
        .start("first")
        .edge("first", "second")
        .edge("second", "third")
        .edge("third", Workflow.END)
        .build();
  }

  @Test
  void aQueuedExecutionIsCancelledAtOnceAndNeverRuns() throws Exception {
    engine.register(chain());
    ExecutionHandle busy = engine.start(StartRequest.of("chain", Map.of("block", true)).user("u1"));
    EngineTestSupport.await(blocked); // the only worker is busy
    ExecutionHandle queued = engine.start(StartRequest.of("chain", Map.of()).user("u1"));

    assertThat(queued.cancel()).isTrue();

    ExecutionRecord record = queued.status();
    assertThat(record.status()).isEqualTo(ExecutionStatus.CANCELLED);
    assertThat(record.startedAt()).isEmpty();
    List<WorkflowEvent> events = allEvents(queued.events());
    assertThat(events).extracting(WorkflowEvent::type).containsExactly("workflow_cancelled");
    assertThat(events.get(0).sequence()).isEqualTo(1);

    assertThat(busy.cancel()).isTrue();
    assertThat(busy.await(PATIENCE).status()).isEqualTo(ExecutionStatus.CANCELLED);
    ExecutionHandle later = engine.start(StartRequest.of("chain", Map.of()).user("u1"));
    assertThat(later.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(runsOf("first")).isEqualTo(2); // the busy one and the later one, never the queued
    assertThat(queued.status()).isEqualTo(record);
    // the busy and the queued one cancelled, the later one completed
    assertThat(EngineTestSupport.metricsOnceFinished(engine, 3).cancelled()).isEqualTo(2);
  }

  @Test
  void aWaitingExecutionIsCancelledAtOnceAndCannotBeResumed() throws Exception {
    engine.register(
        Workflow.builder("approval")
            .node("draft", state -> Map.of("draft", "text"))
            .human("approve", HumanStep.builder().requireInput("approved", Boolean.class).build())
            .node("send", counted("send", state -> Map.of("sent", true)))
            .start("draft")
            .edge("draft", "approve")
            .edge("approve", "send")
            .edge("send", Workflow.END)
            .build());
    ExecutionHandle handle = engine.start(StartRequest.of("approval", Map.of()).user("u1"));
    assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.WAITING);

    assertThat(engine.cancel(handle.executionId(), "u1")).isTrue();

    assertThat(handle.status().status()).isEqualTo(ExecutionStatus.CANCELLED);
    List<WorkflowEvent> events = allEvents(handle.events());
    assertCompleteStream(events);
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "node_started",
            "node_completed",
            "workflow_waiting",
            "workflow_cancelled");
    assertThatThrownBy(() -> engine.resume(handle.executionId(), "u1", Map.of("approved", true)))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("it is CANCELLED");
    assertThat(runsOf("send")).isZero();
  }

  @Test
  void aRunningExecutionIsInterruptedAndNoLaterNodeStarts() throws Exception {
    engine.register(chain());
    ExecutionHandle handle =
        engine.start(StartRequest.of("chain", Map.of("block", true)).user("u1"));
    EngineTestSupport.await(blocked);

    assertThat(handle.cancel()).isTrue();

    EngineTestSupport.await(interrupted);
    List<WorkflowEvent> events = allEvents(handle.events());
    ExecutionRecord record = handle.status();
    assertThat(record.status()).isEqualTo(ExecutionStatus.CANCELLED);
    assertThat(record.output()).isEmpty();
    assertCompleteStream(events);
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "node_started",
            "node_completed",
            "node_started",
            "workflow_cancelled");
    assertThat(((WorkflowCancelled) events.get(4)).nodeId()).contains("second");
    assertThat(runsOf("third")).isZero();
    assertThat(handle.cancel()).isFalse();
  }

  @Test
  void aNodeThatFinishesDespiteTheInterruptCompletesButNothingAfterItRuns() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    engine.register(
        Workflow.builder("stubborn")
            .node(
                "work",
                state -> {
                  blocked.countDown();
                  boolean released = false;
                  while (!released) {
                    try {
                      released = cancelled.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException swallowed) {
                      // a node that ignores the interrupt and carries on
                    }
                  }
                  return Map.of("worked", true);
                })
            .node("after", counted("after", state -> Map.of("after", true)))
            .start("work")
            .edge("work", "after")
            .edge("after", Workflow.END)
            .build());
    ExecutionHandle handle = engine.start(StartRequest.of("stubborn", Map.of()).user("u1"));
    EngineTestSupport.await(blocked);

    assertThat(handle.cancel()).isTrue();
    cancelled.countDown();

    List<WorkflowEvent> events = allEvents(handle.events());
    assertThat(handle.status().status()).isEqualTo(ExecutionStatus.CANCELLED);
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started", "node_started", "node_completed", "workflow_cancelled");
    assertThat(((NodeCompleted) events.get(2)).update()).isEqualTo(Map.of("worked", true));
    assertThat(((WorkflowCancelled) events.get(3)).nodeId()).contains("after");
    assertThat(runsOf("after")).isZero();
  }

  @Test
  void cancellingAFinishedExecutionChangesNothingAndSaysSo() throws Exception {
    engine.register(chain());
    ExecutionHandle handle = engine.start(StartRequest.of("chain", Map.of()).user("u1"));
    ExecutionRecord done = handle.await(PATIENCE);
    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    List<WorkflowEvent> before = allEvents(handle.events());

    assertThat(handle.cancel()).isFalse();
    assertThat(engine.cancel(handle.executionId(), "u1")).isFalse();

    assertThat(handle.status()).isEqualTo(done);
    assertThat(allEvents(handle.events())).isEqualTo(before);
    EngineMetrics metrics = EngineTestSupport.metricsOnceFinished(engine, 1);
    assertThat(metrics.cancelled()).isZero();
    assertThat(metrics.completed()).isEqualTo(1);
  }
}
