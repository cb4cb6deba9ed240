package dev.workflowengine.core.memory;

import dev.workflowengine.api.event.WorkflowEvent;
import java.util.Arrays;
import java.util.concurrent.ConcurrentMap;

/**
 * One execution's append-only event log and the live subscriptions waiting on it.
 *
 * <p>The log itself is the only buffer: a subscription is a cursor into it, so replay and live
 * delivery read the same array and no event is copied per subscriber. Appends and changes to the
 * subscription set happen under this object's monitor; reads of events take no lock, because an
 * event is written before the volatile {@code size} that makes it visible, and the array is only
 * ever replaced by a larger copy.
 */
final class EventLog {

  final String executionId;
  private final ConcurrentMap<String, EventLog> home;
  private volatile WorkflowEvent[] events = new WorkflowEvent[8];
  private volatile int size;
  private volatile boolean finished;
  // Guarded by this. Copied on every change, so that append() iterates a stable array even if a
  // subscription ends (and detaches) while it is being told about an event.
  private EventSubscription[] live = NONE;
  private boolean orphaned;

  private static final EventSubscription[] NONE = new EventSubscription[0];

  EventLog(String executionId, ConcurrentMap<String, EventLog> home) {
    this.executionId = executionId;
    this.home = home;
  }

  /** The sequence of the last event, 0 when empty. */
  long lastSequence() {
    return size;
  }

  /** Whether a terminal event was appended; read before {@link #lastSequence()} to see it. */
  boolean finished() {
    return finished;
  }

  /** The event with this sequence, which must be between 1 and {@link #lastSequence()}. */
  WorkflowEvent get(long sequence) {
    return events[(int) (sequence - 1)];
  }

  /**
   * Whether this log was dropped from its map because nobody used it; whoever holds it must look it
   * up again. Call while holding this monitor.
   */
  boolean orphaned() {
    return orphaned;
  }

  /**
   * Appends the next event and tells the live subscriptions; call while holding this monitor, after
   * checking the sequence.
   */
  void append(WorkflowEvent event) {
    int count = size;
    if (count == Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "execution '" + executionId + "' has too many events for an in-memory log");
    }
    WorkflowEvent[] array = events;
    if (count == array.length) {
      array = Arrays.copyOf(array, count + (count >> 1));
      array[count] = event;
      events = array;
    } else {
      array[count] = event;
    }
    size = count + 1;
    if (event.isTerminal()) {
      finished = true;
    }
    EventSubscription[] told = live;
    int ended = 0;
    for (EventSubscription subscription : told) {
      if (subscription.published(count + 1)) {
        ended++;
      }
    }
    if (event.isTerminal()) {
      // Nothing follows a terminal event: subscriptions read the rest from the log on demand.
      live = NONE;
    } else if (ended > 0) {
      live = Arrays.stream(live).filter(s -> !s.dropped()).toArray(EventSubscription[]::new);
    }
  }

  /** Registers a subscription for live events unless the log is complete; holds this monitor. */
  void attach(EventSubscription subscription) {
    if (!finished) {
      EventSubscription[] grown = Arrays.copyOf(live, live.length + 1);
      grown[live.length] = subscription;
      live = grown;
    }
  }

  /** Forgets a subscription that ended; drops the log if it was only ever subscribed to. */
  synchronized void detach(EventSubscription subscription) {
    for (int i = 0; i < live.length; i++) {
      if (live[i] == subscription) {
        EventSubscription[] shrunk = new EventSubscription[live.length - 1];
        System.arraycopy(live, 0, shrunk, 0, i);
        System.arraycopy(live, i + 1, shrunk, i, live.length - i - 1);
        live = shrunk;
        break;
      }
    }
    if (size == 0 && live.length == 0) {
      orphaned = true;
      home.remove(executionId, this);
    }
  }

  /** How many subscriptions wait for live events. */
  synchronized int liveSubscriptions() {
    return live.length;
  }
}
