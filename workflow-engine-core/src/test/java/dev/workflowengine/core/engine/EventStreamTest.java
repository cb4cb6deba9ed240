package dev.workflowengine.core.engine;

import static dev.workflowengine.core.engine.EngineTestSupport.PATIENCE;
import static dev.workflowengine.core.engine.EngineTestSupport.allEvents;
import static dev.workflowengine.core.engine.EngineTestSupport.assertCompleteStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.SubscriberOverflowException;
import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.NodeStarted;
import dev.workflowengine.api.event.Token;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowBuilder;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscribers from any sequence, slow ones, several at once, and streamed tokens. */
class EventStreamTest {

  private static final int NODES = 4;
  private static final int EVENTS = 2 + 2 * NODES; // started, 2 per node, completed

  private final InMemoryEventTransport transport = new InMemoryEventTransport();
  private final WorkflowEngine engine =
      WorkflowEngine.builder().eventTransport(transport).workers(2).build();
  private final List<CountDownLatch> gates = new ArrayList<>();

  @AfterEach
  void close() {
    gates.forEach(CountDownLatch::countDown);
    engine.close();
  }

  /** Four nodes; node i waits for gate i, so the test moves the execution step by step. */
  private Workflow stepwise() {
    WorkflowBuilder builder = Workflow.builder("stepwise").start("s1");
    for (int node = 1; node <= NODES; node++) {
      CountDownLatch gate = new CountDownLatch(1);
      gates.add(gate);
      int number = node;
      builder.node(
          "s" + number,
          state -> {
            EngineTestSupport.await(gate);
            return Map.of("s" + number, true);
          });
      builder.edge("s" + number, number < NODES ? "s" + (number + 1) : Workflow.END);
    }
    return builder.build();
  }

  private static void awaitSequence(InMemoryEventTransport transport, String id, long sequence) {
    await().atMost(PATIENCE).until(() -> transport.lastSequence(id) >= sequence);
  }

  private static List<Long> range(long fromExclusive, long toInclusive) {
    return LongStream.rangeClosed(fromExclusive + 1, toInclusive).boxed().toList();
  }

  @Test
  void aSubscriberFromAnySequenceGetsExactlyTheRestInOrderDuringAndAfterTheRun() throws Exception {
    engine.register(stepwise());
    ExecutionHandle handle = engine.start(StartRequest.of("stepwise", Map.of()).user("u1"));
    String id = handle.executionId();
    List<EngineTestSupport.Collector> during = new ArrayList<>();
    List<Long> startingPoints = new ArrayList<>();
    // Blocked in node i the log ends with its node_started: sequence 2i. Subscribe at every
    // sequence from 0 to the last one (even beyond what exists yet), then let node i finish.
    for (int node = 1; node <= NODES; node++) {
      awaitSequence(transport, id, 2L * node);
      assertThat(transport.lastSequence(id)).isEqualTo(2L * node);
      for (long k = 0; k < EVENTS; k++) {
        EngineTestSupport.Collector collector = new EngineTestSupport.Collector();
        engine.events(id, "u1", k).subscribe(collector);
        during.add(collector);
        startingPoints.add(k);
      }
      gates.get(node - 1).countDown();
    }
    assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);

    for (int i = 0; i < during.size(); i++) {
      long k = startingPoints.get(i);
      List<WorkflowEvent> events = during.get(i).awaitCompletion(PATIENCE);
      assertThat(events)
          .extracting(WorkflowEvent::sequence)
          .as("from %d", k)
          .isEqualTo(range(k, EVENTS));
    }
    List<WorkflowEvent> all = allEvents(handle.events());
    assertCompleteStream(all);
    assertThat(all).hasSize(EVENTS);
    for (long k = 0; k <= EVENTS; k++) {
      List<WorkflowEvent> after = allEvents(engine.events(id, "u1", k));
      assertThat(after).as("after the run, from %d", k).isEqualTo(all.subList((int) k, EVENTS));
    }
  }

  /** Requests one event and never more; remembers what it received and how it ended. */
  private static final class Stalled implements Flow.Subscriber<WorkflowEvent> {
    final List<WorkflowEvent> received = new CopyOnWriteArrayList<>();
    final CountDownLatch first = new CountDownLatch(1);
    final CompletableFuture<Void> ended = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(1);
    }

    @Override
    public void onNext(WorkflowEvent item) {
      received.add(item);
      first.countDown();
    }

    @Override
    public void onError(Throwable throwable) {
      ended.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      ended.complete(null);
    }
  }

  @Test
  void aSlowSubscriberOverflowsWithoutSlowingTheRunAndResumesFromItsLastSequence()
      throws Exception {
    InMemoryEventTransport small = InMemoryEventTransport.builder().bufferSize(3).build();
    try (WorkflowEngine engine = WorkflowEngine.builder().eventTransport(small).build()) {
      overflowAndResubscribe(engine, small);
    }
  }

  private void overflowAndResubscribe(WorkflowEngine engine, InMemoryEventTransport small)
      throws Exception {
    engine.register(stepwise());
    ExecutionHandle handle = engine.start(StartRequest.of("stepwise", Map.of()).user("u1"));
    String id = handle.executionId();
    awaitSequence(small, id, 2);
    Stalled slow = new Stalled();
    engine.events(id, "u1", 0).subscribe(slow);
    EngineTestSupport.await(slow.first);
    gates.forEach(CountDownLatch::countDown); // 8 more events: more than the buffer of 3

    assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.COMPLETED);
    Throwable overflow = null;
    try {
      slow.ended.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      overflow = e.getCause();
    }
    assertThat(overflow).isInstanceOf(SubscriberOverflowException.class);
    SubscriberOverflowException error = (SubscriberOverflowException) overflow;
    assertThat(slow.received).extracting(WorkflowEvent::sequence).containsExactly(1L);
    assertThat(error.lastDeliveredSequence()).isEqualTo(1);
    assertThat(error.executionId()).isEqualTo(id);

    List<WorkflowEvent> rest = allEvents(engine.events(id, "u1", error.lastDeliveredSequence()));
    assertThat(rest).extracting(WorkflowEvent::sequence).isEqualTo(range(1, EVENTS));
  }

  @Test
  void twoSubscribersAtOnceSeeTheSameEvents() throws Exception {
    engine.register(stepwise());
    ExecutionHandle handle = engine.start(StartRequest.of("stepwise", Map.of()).user("u1"));
    awaitSequence(transport, handle.executionId(), 2);
    EngineTestSupport.Collector one = new EngineTestSupport.Collector();
    EngineTestSupport.Collector two = new EngineTestSupport.Collector();
    handle.events().subscribe(one);
    handle.events().subscribe(two);
    gates.forEach(CountDownLatch::countDown);

    List<WorkflowEvent> first = one.awaitCompletion(PATIENCE);
    List<WorkflowEvent> second = two.awaitCompletion(PATIENCE);
    assertCompleteStream(first);
    assertThat(first).hasSize(EVENTS).isEqualTo(second);
  }

  @Test
  void tokensOfANodeArriveInOrderBetweenItsStartAndCompletion() throws Exception {
    TokenMetadata metadata = new TokenMetadata("llama3.2", 42, "stop");
    engine.register(
        Workflow.builder("streaming")
            .node(
                "write",
                state -> {
                  NodeContext context = NodeContext.current().orElseThrow();
                  for (String chunk : List.of("Hel", "lo, ", "Ada")) {
                    context.token(chunk);
                  }
                  context.finalToken("!", metadata);
                  return Map.of("text", "Hello, Ada!");
                })
            .node("after", state -> Map.of("after", true))
            .start("write")
            .edge("write", "after")
            .edge("after", Workflow.END)
            .build());
    ExecutionHandle handle = engine.start(StartRequest.of("streaming", Map.of()).user("u1"));

    List<WorkflowEvent> events = allEvents(handle.events());
    assertCompleteStream(events);
    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "node_started",
            "token",
            "token",
            "token",
            "token",
            "node_completed",
            "node_started",
            "node_completed",
            "workflow_completed");
    assertThat(((NodeStarted) events.get(1)).nodeId()).isEqualTo("write");
    List<Token> tokens = events.subList(2, 6).stream().map(Token.class::cast).toList();
    assertThat(tokens).extracting(Token::nodeId).containsOnly("write");
    assertThat(tokens).extracting(Token::chunkId).containsExactly(0, 1, 2, 3);
    assertThat(tokens).extracting(Token::chunk).containsExactly("Hel", "lo, ", "Ada", "!");
    assertThat(tokens).extracting(Token::isFinal).containsExactly(false, false, false, true);
    assertThat(tokens.get(3).metadata()).contains(metadata);
    assertThat(tokens.get(0).metadata()).isEmpty();
    assertThat(((NodeCompleted) events.get(6)).nodeId()).isEqualTo("write");
  }
}
