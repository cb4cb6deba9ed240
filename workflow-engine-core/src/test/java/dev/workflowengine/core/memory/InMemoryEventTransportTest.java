package dev.workflowengine.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.SubscriberOverflowException;
import dev.workflowengine.api.event.NodeStarted;
import dev.workflowengine.api.event.WorkflowCompleted;
import dev.workflowengine.api.event.WorkflowEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What the in-memory transport adds to the EventTransport contract. */
class InMemoryEventTransportTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryEventTransport transport = new InMemoryEventTransport();

  @Test
  void aGapIsAProgrammingErrorNamingBothSequences() {
    transport.publish(node("e1", 1));
    transport.publish(node("e1", 2));

    assertThatThrownBy(() -> transport.publish(node("e1", 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "execution 'e1' published sequence 5 but its last sequence is 2; publish 3 next,"
                + " without gaps");
    assertThatThrownBy(() -> transport.publish(node("e2", 2)))
        .hasMessageContaining("published sequence 2 but its last sequence is 0");
    assertThat(transport.lastSequence("e1")).isEqualTo(2);
  }

  @Test
  void sequencesStartAtOne() {
    assertThatThrownBy(() -> transport.publish(node("e1", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event sequences start at 1 but execution 'e1' published 0");
  }

  @Test
  void nothingFollowsATerminalEvent() {
    transport.publish(node("e1", 1));
    transport.publish(completed("e1", 2));

    assertThatThrownBy(() -> transport.publish(node("e1", 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "execution 'e1' ended with sequence 2; nothing may be published after a terminal"
                + " event");
    transport.publish(completed("e1", 2)); // a repeat is still ignored
  }

  @Test
  void keepsTheLogsOfTheMostRecentlyFinishedExecutionsOnly() {
    InMemoryEventTransport small = InMemoryEventTransport.builder().maxFinished(2).build();
    for (int i = 0; i < 5; i++) {
      small.publish(node("running-" + i, 1));
    }
    for (String id : List.of("a", "b", "c")) {
      small.publish(node(id, 1));
      small.publish(completed(id, 2));
    }

    assertThat(small.lastSequence("a")).isZero();
    assertThat(small.lastSequence("b")).isEqualTo(2);
    assertThat(small.lastSequence("c")).isEqualTo(2);
    assertThat(small.lastSequence("running-0")).isEqualTo(1);
    assertThat(small.size()).isEqualTo(5 + 2);
  }

  @Test
  void aSubscriberReadingAnEvictedLogReadsItToTheEnd() throws Exception {
    InMemoryEventTransport small = InMemoryEventTransport.builder().maxFinished(1).build();
    publishAll(small, finished("a", 10));
    TestSubscriber reader = new TestSubscriber(3);
    small.subscribe("a", 0).subscribe(reader);
    await().until(() -> reader.events.size() == 3);

    publishAll(small, finished("b", 2)); // evicts a
    assertThat(small.lastSequence("a")).isZero();
    reader.awaitSubscription().request(Long.MAX_VALUE);

    assertThat(reader.awaitCompletion().sequences()).isEqualTo(range(1, 10));
  }

  @Test
  void overflowBeforeAnyDeliveryNamesTheSubscribedSequence() throws Exception {
    InMemoryEventTransport small = InMemoryEventTransport.builder().bufferSize(4).build();
    publishAll(small, nodes("e1", 1, 3));
    TestSubscriber idle = new TestSubscriber(0);
    small.subscribe("e1", 3).subscribe(idle);
    idle.awaitSubscription();

    publishAll(small, nodes("e1", 4, 8)); // 5 live events, one more than the buffer

    Throwable error = idle.awaitError();
    assertThat(error).isInstanceOf(SubscriberOverflowException.class);
    assertThat(((SubscriberOverflowException) error).lastDeliveredSequence()).isEqualTo(3);
    assertThat(error)
        .hasMessageContaining("fell more than 4 events behind; resubscribe after sequence 3");
    assertThat(small.liveSubscriptions("e1")).isZero();
  }

  @Test
  void aThousandSubscribersOfOneExecutionEachGetEveryEvent() throws Exception {
    List<TestSubscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      TestSubscriber subscriber = new TestSubscriber(Long.MAX_VALUE);
      transport.subscribe("e1", 0).subscribe(subscriber);
      subscribers.add(subscriber);
    }
    assertThat(transport.liveSubscriptions("e1")).isEqualTo(1_000);

    publishAll(transport, finished("e1", 200));

    for (TestSubscriber subscriber : subscribers) {
      assertThat(subscriber.awaitCompletion().sequences()).isEqualTo(range(1, 200));
    }
    assertThat(transport.liveSubscriptions("e1")).isZero();
  }

  @Test
  void cancellingTheOnlySubscriberOfASilentExecutionForgetsIt() throws Exception {
    TestSubscriber subscriber = new TestSubscriber(1);
    transport.subscribe("never", 0).subscribe(subscriber);
    assertThat(transport.size()).isEqualTo(1);

    subscriber.awaitSubscription().cancel();

    await().until(() -> transport.size() == 0);
    transport.publish(node("never", 1)); // and publishing later still works
    assertThat(transport.lastSequence("never")).isEqualTo(1);
  }

  @Test
  void aSubscriberThatThrowsIsCancelledAndOthersCarryOn() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TestSubscriber throwing =
        new TestSubscriber(
            Long.MAX_VALUE,
            event -> {
              calls.incrementAndGet();
              throw new IllegalStateException("boom");
            });
    TestSubscriber healthy = new TestSubscriber(Long.MAX_VALUE);
    transport.subscribe("e1", 0).subscribe(throwing);
    transport.subscribe("e1", 0).subscribe(healthy);

    publishAll(transport, finished("e1", 5));

    assertThat(healthy.awaitCompletion().sequences()).isEqualTo(range(1, 5));
    await().until(() -> calls.get() > 0);
    assertThat(calls).hasValue(1);
    assertThat(throwing.sequences()).containsExactly(1L);
    assertThat(throwing.end).isNotDone();
  }

  @Test
  void deliversOnTheGivenExecutor() throws Exception {
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      InMemoryEventTransport custom =
          InMemoryEventTransport.builder()
              .executor(
                  task -> {
                    tasks.incrementAndGet();
                    pool.execute(task);
                  })
              .build();
      TestSubscriber subscriber = new TestSubscriber(Long.MAX_VALUE);
      custom.subscribe("e1", 0).subscribe(subscriber);

      publishAll(custom, finished("e1", 3));

      assertThat(subscriber.awaitCompletion().sequences()).containsExactly(1L, 2L, 3L);
      assertThat(tasks.get()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void demandAddsUpWithoutOverflowing() throws Exception {
    publishAll(transport, finished("e1", 5));
    TestSubscriber subscriber = new TestSubscriber(Long.MAX_VALUE - 1);
    transport.subscribe("e1", 0).subscribe(subscriber);

    subscriber.awaitSubscription().request(Long.MAX_VALUE);

    assertThat(subscriber.awaitCompletion().sequences()).isEqualTo(range(1, 5));
  }

  @Test
  void argumentsAndBoundsAreChecked() {
    assertThatThrownBy(() -> transport.subscribe("e1", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("afterSequence must be >= 0 but was -1");
    assertThatThrownBy(() -> transport.subscribe("e1", 0).subscribe(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> InMemoryEventTransport.builder().bufferSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryEventTransport.builder().maxFinished(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(transport.bufferSize()).isEqualTo(InMemoryEventTransport.DEFAULT_BUFFER_SIZE);
    assertThat(transport.maxFinished()).isEqualTo(InMemoryEventTransport.DEFAULT_MAX_FINISHED);
  }

  private static void publishAll(InMemoryEventTransport target, List<WorkflowEvent> events) {
    events.forEach(target::publish);
  }

  private static List<WorkflowEvent> finished(String id, int count) {
    List<WorkflowEvent> events = nodes(id, 1, count - 1);
    events.add(completed(id, count));
    return events;
  }

  private static List<WorkflowEvent> nodes(String id, long from, long to) {
    List<WorkflowEvent> events = new ArrayList<>();
    for (long sequence = from; sequence <= to; sequence++) {
      events.add(node(id, sequence));
    }
    return events;
  }

  private static WorkflowEvent node(String id, long sequence) {
    return new NodeStarted(id, "wf", sequence, T0, "n" + sequence, 1);
  }

  private static WorkflowEvent completed(String id, long sequence) {
    return new WorkflowCompleted(id, "wf", sequence, T0, Map.of(), 5);
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
