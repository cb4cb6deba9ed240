package dev.workflowengine.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.SubscriberOverflowException;
import dev.workflowengine.api.event.WorkflowCompleted;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.spi.EventTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that an {@link EventTransport} honours its contract: a subscription from any sequence
 * receives every later event exactly once and in order, replay then live, also while events are
 * being published, and completes after the terminal event; demand and cancellation are respected; a
 * republished sequence is ignored; a slow subscriber never slows the publisher, and one that falls
 * more than its buffer behind gets a {@link SubscriberOverflowException} telling it where to
 * resubscribe. Every subscriber also checks the reactive-streams rules it can see (no signal before
 * {@code onSubscribe} or after the end, none beyond demand, none concurrent). Extend it in your
 * implementation's tests:
 *
 * <pre>{@code
 * class NatsEventTransportTest extends EventTransportContract {
 *   protected EventTransport create() { return new NatsEventTransport(freshStream(), 16); }
 *   protected int subscriberBufferSize() { return 16; }
 * }
 * }</pre>
 *
 * <p>Events must come back {@code equals} to what was published. The buffer bounds the live events
 * a subscriber has not taken yet: history already published when it subscribed is read at its own
 * pace and must never overflow it, as a transport reading history from storage does. Give a small
 * buffer, from 16 to a few hundred: the overflow tests publish about twice as many events as it
 * holds, and other tests publish bursts of up to 10 events or half a buffer.
 *
 * <p>Where the SPI is silent, the kit takes these readings: a second subscriber to one publisher
 * receives {@code onSubscribe} then {@code onError}; a subscriber that cancels inside {@code
 * onNext} receives nothing more; a subscription after the terminal event completes without events;
 * {@code lastDeliveredSequence} is the last sequence the subscriber received (a subscriber from 0
 * that received nothing may be told 0).
 */
public abstract class EventTransportContract {

  private EventTransport transport;

  /** For subclasses. */
  protected EventTransportContract() {}

  /**
   * Creates the transport under test; called before every test.
   *
   * @return a new transport holding no events
   */
  protected abstract EventTransport create();

  /**
   * How many events a subscriber of the transports {@link #create()} makes may fall behind before
   * it overflows.
   *
   * @return the buffer size, for example 16
   */
  protected abstract int subscriberBufferSize();

  /**
   * The longest the suite waits for something that should happen; only reached when a test fails.
   *
   * @return 10 s unless overridden
   */
  protected Duration patience() {
    return Duration.ofSeconds(10);
  }

  @BeforeEach
  void createTransport() {
    transport = create();
  }

  /** The last sequence is 0 before anything is published, then the highest one published. */
  @Test
  void lastSequenceFollowsPublishing() {
    String id = Fixtures.id("exec");
    assertThat(transport.lastSequence(id)).isZero();

    publish(TestEvents.unfinished(id, 3));

    assertThat(transport.lastSequence(id)).isEqualTo(3);
    assertThat(transport.lastSequence(Fixtures.id("exec"))).isZero();
  }

  /** A subscriber from 0 receives every event in order, then onComplete. */
  @Test
  void subscriberReceivesEveryEventInOrderThenCompletes() {
    String id = Fixtures.id("exec");
    List<WorkflowEvent> events = TestEvents.finished(id, 10);
    publish(events);

    RecordingSubscriber subscriber = subscribe(id, 0, RecordingSubscriber.unbounded());

    subscriber.awaitCompletion(patience());
    assertThat(subscriber.events()).isEqualTo(events);
    assertThat(subscriber.violations()).isEmpty();
  }

  /** Publishing a sequence again is ignored: subscribers see the first one, once. */
  @Test
  void republishedSequenceIsIgnored() {
    String id = Fixtures.id("exec");
    List<WorkflowEvent> events = TestEvents.finished(id, 5);
    publish(events.subList(0, 3));

    transport.publish(TestEvents.event(id, 2, Fixtures.now().plusSeconds(1)));
    transport.publish(events.get(0));
    assertThat(transport.lastSequence(id)).isEqualTo(3);
    publish(events.subList(3, 5));
    transport.publish(events.get(4));

    RecordingSubscriber subscriber = subscribe(id, 0, RecordingSubscriber.unbounded());
    subscriber.awaitCompletion(patience());
    assertThat(subscriber.events()).isEqualTo(events);
  }

  /** After the end, a subscription from every sequence receives exactly the rest. */
  @Test
  void replayFromEverySequenceAfterTheEnd() {
    String id = Fixtures.id("exec");
    int count = 20;
    publish(TestEvents.finished(id, count));
    List<RecordingSubscriber> subscribers = new ArrayList<>();

    for (int after = 0; after <= count; after++) {
      subscribers.add(subscribe(id, after, RecordingSubscriber.unbounded()));
    }

    for (int after = 0; after <= count; after++) {
      RecordingSubscriber subscriber = subscribers.get(after).awaitCompletion(patience());
      assertThat(subscriber.sequences()).as("after %d", after).isEqualTo(range(after + 1, count));
      assertThat(subscriber.violations()).isEmpty();
    }
  }

  /**
   * Subscriptions from many sequences made while events are published, behind, at and ahead of the
   * last one, each receive exactly the rest: replay and live meet without a gap or a repeat.
   */
  @Test
  void replayFromManySequencesWhilePublishing() throws Exception {
    String id = Fixtures.id("exec");
    int count = 400;
    List<WorkflowEvent> events = TestEvents.finished(id, count);
    publish(events.subList(0, 200));
    List<RecordingSubscriber> subscribers = new CopyOnWriteArrayList<>();
    for (long after : new long[] {0, 50, 100, 199, 200, 201, 300, 399, 400}) {
      subscribers.add(subscribe(id, after, RecordingSubscriber.unbounded()));
    }

    CompletableFuture<Void> publishing =
        CompletableFuture.runAsync(
            () -> publishPaced(events.subList(200, count), subscribers),
            runnable -> new Thread(runnable, "contract-publisher").start());
    for (long after = 0; after <= count; after += 5) {
      subscribers.add(
          subscribe(id, after, RecordingSubscriber.requesting(1, (s, e) -> s.request(1))));
    }
    publishing.get(patience().toMillis() * 3, TimeUnit.MILLISECONDS);

    for (RecordingSubscriber subscriber : subscribers) {
      long after = subscriber.subscribedAfter();
      subscriber.awaitCompletion(patience());
      assertThat(subscriber.sequences()).as("after %d", after).isEqualTo(range(after + 1, count));
      assertThat(subscriber.violations()).as("after %d", after).isEmpty();
    }
  }

  /**
   * History published before a subscription began is read at the subscriber's pace: replaying far
   * more events than the buffer holds, one request at a time, does not overflow.
   */
  @Test
  void replayLongerThanTheBufferNeverOverflows() {
    String id = Fixtures.id("exec");
    List<WorkflowEvent> events = TestEvents.finished(id, 3 * subscriberBufferSize() + 1);
    publish(events);

    RecordingSubscriber stepwise =
        subscribe(id, 0, RecordingSubscriber.requesting(1, (s, e) -> s.request(1)));

    assertThat(stepwise.awaitCompletion(patience()).events()).isEqualTo(events);
    assertThat(stepwise.violations()).isEmpty();
  }

  /** A subscriber to an execution that has no events yet waits for them. */
  @Test
  void subscriberOfAnExecutionWithoutEventsWaitsForThem() {
    String id = Fixtures.id("exec");
    RecordingSubscriber subscriber = subscribe(id, 0, RecordingSubscriber.unbounded());
    subscriber.awaitSubscribed(patience());
    List<WorkflowEvent> events = TestEvents.finished(id, 5);

    publishPaced(events, List.of(subscriber));

    subscriber.awaitCompletion(patience());
    assertThat(subscriber.events()).isEqualTo(events);
  }

  /** Nothing is delivered beyond what was requested. */
  @Test
  void demandIsRespected() {
    String id = Fixtures.id("exec");
    publish(TestEvents.finished(id, 10));
    RecordingSubscriber subscriber = subscribe(id, 0, RecordingSubscriber.requesting(0));
    subscriber.awaitSubscribed(patience());

    subscriber.request(3);
    subscriber.awaitEvents(3, patience());
    drainAnotherSubscriber(id);
    assertThat(subscriber.sequences()).containsExactly(1L, 2L, 3L);
    assertThat(subscriber.hasEnded()).isFalse();

    subscriber.request(4);
    subscriber.awaitEvents(7, patience());
    drainAnotherSubscriber(id);
    assertThat(subscriber.sequences()).isEqualTo(range(1, 7));

    subscriber.request(Long.MAX_VALUE);
    subscriber.awaitCompletion(patience());
    assertThat(subscriber.sequences()).isEqualTo(range(1, 10));
    assertThat(subscriber.violations()).isEmpty();
  }

  /** request(0) and request(-1) end the subscription with IllegalArgumentException (rule 3.9). */
  @Test
  void nonPositiveRequestIsAnError() {
    String id = Fixtures.id("exec");
    publish(TestEvents.finished(id, 3));
    for (long n : new long[] {0, -1}) {
      RecordingSubscriber subscriber = subscribe(id, 0, RecordingSubscriber.requesting(0));
      subscriber.awaitSubscribed(patience());

      subscriber.request(n);

      assertThat(subscriber.awaitError(patience())).isInstanceOf(IllegalArgumentException.class);
      assertThat(subscriber.events()).isEmpty();
    }
  }

  /** A second subscriber to the same publisher is refused with onError; the first is unaffected. */
  @Test
  void publisherCanBeSubscribedToOnce() {
    String id = Fixtures.id("exec");
    publish(TestEvents.finished(id, 3));
    Flow.Publisher<WorkflowEvent> publisher = transport.subscribe(id, 0);
    RecordingSubscriber first = RecordingSubscriber.unbounded();
    RecordingSubscriber second = RecordingSubscriber.unbounded();

    publisher.subscribe(first);
    publisher.subscribe(second);

    assertThat(second.awaitError(patience())).isNotNull();
    assertThat(second.events()).isEmpty();
    assertThat(first.awaitCompletion(patience()).sequences()).containsExactly(1L, 2L, 3L);
  }

  /** A subscriber that cancels in onNext receives nothing after, not even onComplete. */
  @Test
  void cancelInOnNextStopsDelivery() {
    String id = Fixtures.id("exec");
    RecordingSubscriber subscriber =
        subscribe(
            id,
            0,
            RecordingSubscriber.requesting(
                Long.MAX_VALUE,
                (s, event) -> {
                  if (event.sequence() == 3) {
                    s.cancel();
                  }
                }));
    subscriber.awaitSubscribed(patience());

    publish(TestEvents.finished(id, 10));

    drainAnotherSubscriber(id);
    assertThat(subscriber.sequences()).containsExactly(1L, 2L, 3L);
    assertThat(subscriber.hasEnded()).isFalse();
    assertThat(subscriber.violations()).isEmpty();
  }

  /** A subscriber that cancels before any event receives none. */
  @Test
  void cancelBeforeAnyEventStopsDelivery() {
    String id = Fixtures.id("exec");
    RecordingSubscriber subscriber = subscribe(id, 0, RecordingSubscriber.unbounded());
    subscriber.awaitSubscribed(patience());

    subscriber.cancel();
    publish(TestEvents.finished(id, 5));

    drainAnotherSubscriber(id);
    assertThat(subscriber.events()).isEmpty();
    assertThat(subscriber.hasEnded()).isFalse();
  }

  /** Two subscribers at once, one fast and one taking an event at a time, both get everything. */
  @Test
  void twoSubscribersAtOnceBothReceiveEverything() {
    String id = Fixtures.id("exec");
    RecordingSubscriber fast = subscribe(id, 0, RecordingSubscriber.unbounded());
    RecordingSubscriber stepwise =
        subscribe(id, 0, RecordingSubscriber.requesting(1, (s, e) -> s.request(1)));
    List<WorkflowEvent> events = TestEvents.finished(id, 50);

    publishPaced(events, List.of(fast, stepwise));

    assertThat(fast.awaitCompletion(patience()).events()).isEqualTo(events);
    assertThat(stepwise.awaitCompletion(patience()).events()).isEqualTo(events);
    assertThat(fast.violations()).isEmpty();
    assertThat(stepwise.violations()).isEmpty();
  }

  /** The terminal event is followed by onComplete even when no further demand was signalled. */
  @Test
  void completesAfterTheTerminalEventWithoutMoreDemand() {
    String id = Fixtures.id("exec");
    RecordingSubscriber exact = subscribe(id, 0, RecordingSubscriber.requesting(5));
    publish(TestEvents.finished(id, 5));

    assertThat(exact.awaitCompletion(patience()).sequences()).isEqualTo(range(1, 5));

    RecordingSubscriber atTheEnd = subscribe(id, 5, RecordingSubscriber.requesting(1));
    assertThat(atTheEnd.awaitCompletion(patience()).events()).isEmpty();
  }

  /**
   * A subscriber that takes one event and no more overflows once it is more than its buffer behind:
   * it gets a SubscriberOverflowException naming the last sequence it received, and resubscribing
   * from there gives exactly the rest. Others are unaffected.
   */
  @Test
  void slowSubscriberOverflowsAndCanResubscribe() {
    String id = Fixtures.id("exec");
    int count = 2 * subscriberBufferSize() + 2;
    RecordingSubscriber slow = subscribe(id, 0, RecordingSubscriber.requesting(1));
    RecordingSubscriber fast = subscribe(id, 0, RecordingSubscriber.unbounded());
    slow.awaitSubscribed(patience());
    fast.awaitSubscribed(patience());

    publishPaced(TestEvents.unfinished(id, count), List.of(fast));

    Throwable error = slow.awaitError(patience());
    assertThat(error).isInstanceOf(SubscriberOverflowException.class);
    SubscriberOverflowException overflow = (SubscriberOverflowException) error;
    assertThat(overflow.executionId()).isEqualTo(id);
    long last = overflow.lastDeliveredSequence();
    assertThat(slow.sequences()).isEqualTo(range(1, last));
    assertThat(fast.awaitEvents(count, patience()).sequences()).isEqualTo(range(1, count));

    RecordingSubscriber resumed = subscribe(id, last, RecordingSubscriber.unbounded());
    transport.publish(new WorkflowCompleted(id, "wf", count + 1, Fixtures.now(), Map.of(), 1));

    assertThat(resumed.awaitCompletion(patience()).sequences())
        .isEqualTo(range(last + 1, count + 1));
    assertThat(fast.awaitCompletion(patience()).sequences()).isEqualTo(range(1, count + 1));
    assertThat(slow.violations()).isEmpty();
  }

  /**
   * A subscriber stuck in onNext never holds up publishing, is never called on the publisher's
   * thread, and overflows once it returns having fallen too far behind.
   */
  @Test
  void stuckSubscriberNeverSlowsThePublisher() throws Exception {
    String id = Fixtures.id("exec");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingSubscriber stuck =
        subscribe(
            id,
            0,
            RecordingSubscriber.requesting(
                Long.MAX_VALUE,
                (s, e) -> {
                  entered.countDown();
                  try {
                    release.await(patience().toMillis() * 3, TimeUnit.MILLISECONDS);
                  } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                  }
                }));
    List<WorkflowEvent> events = TestEvents.unfinished(id, 2 * subscriberBufferSize() + 2);
    transport.publish(events.get(0));
    assertThat(entered.await(patience().toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    CompletableFuture<Thread> publishing =
        CompletableFuture.supplyAsync(
            () -> {
              publish(events.subList(1, events.size()));
              return Thread.currentThread();
            },
            runnable -> new Thread(runnable, "contract-publisher").start());
    Thread publisher = publishing.get(patience().toMillis(), TimeUnit.MILLISECONDS);
    release.countDown();

    assertThat(stuck.awaitError(patience())).isInstanceOf(SubscriberOverflowException.class);
    assertThat(stuck.threads()).doesNotContain(publisher, Thread.currentThread());
    assertThat(stuck.violations()).isEmpty();
  }

  /** Events are delivered off the publishing thread. */
  @Test
  void eventsAreDeliveredOffThePublishersThread() {
    String id = Fixtures.id("exec");
    RecordingSubscriber subscriber = subscribe(id, 0, RecordingSubscriber.unbounded());
    subscriber.awaitSubscribed(patience());

    publish(TestEvents.finished(id, 5));

    subscriber.awaitCompletion(patience());
    assertThat(subscriber.threads()).doesNotContain(Thread.currentThread());
  }

  /** A subscriber sees only its execution's events; executions keep separate sequences. */
  @Test
  void executionsAreSeparate() {
    String one = Fixtures.id("exec");
    String two = Fixtures.id("exec");
    RecordingSubscriber subscriber = subscribe(one, 0, RecordingSubscriber.unbounded());
    List<WorkflowEvent> events = TestEvents.finished(one, 4);

    publish(TestEvents.finished(two, 3));
    publish(events);

    assertThat(subscriber.awaitCompletion(patience()).events()).isEqualTo(events);
    assertThat(transport.lastSequence(two)).isEqualTo(3);
  }

  private void publish(List<WorkflowEvent> events) {
    events.forEach(transport::publish);
  }

  private RecordingSubscriber subscribe(String id, long after, RecordingSubscriber subscriber) {
    transport.subscribe(id, after).subscribe(subscriber.after(after));
    return subscriber;
  }

  /**
   * Publishes in bursts of half a buffer, each once the watching subscribers have caught up with
   * the one before: as fast as they consume, and never fast enough to overflow them.
   */
  private void publishPaced(List<WorkflowEvent> events, Collection<RecordingSubscriber> watchers) {
    int burst = Math.max(1, subscriberBufferSize() / 2);
    for (int from = 0; from < events.size(); from += burst) {
      List<WorkflowEvent> part = events.subList(from, Math.min(events.size(), from + burst));
      publish(part);
      long upTo = part.get(part.size() - 1).sequence();
      Fixtures.waitUpTo(patience())
          .alias("subscribers caught up with sequence " + upTo)
          .until(() -> watchers.stream().allMatch(watcher -> watcher.caughtUpTo(upTo)));
    }
  }

  /**
   * Reads an execution's events to the end with a new subscriber: once it is done, a misbehaving
   * transport has had every chance to deliver what it should not have. Not a proof, but it fails
   * reliably when deliveries ignore demand or cancellation.
   */
  private void drainAnotherSubscriber(String id) {
    subscribe(id, 0, RecordingSubscriber.unbounded()).awaitCompletion(patience());
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
