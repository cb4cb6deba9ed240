package dev.workflowengine.api.spi;

import dev.workflowengine.api.event.WorkflowEvent;
import java.util.concurrent.Flow;

/**
 * Carries each execution's events from the worker running it to every subscriber, live and
 * replayed. Fits NATS JetStream (a subject per execution, replay by stream sequence) and PostgreSQL
 * ({@code LISTEN/NOTIFY} plus an events table).
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety:</b> safe for concurrent use; publishers and subscribers may be in other
 *       processes.
 *   <li><b>Per-execution order only:</b> the engine publishes an execution's events with sequences
 *       1, 2, 3 … from one worker at a time; the transport keeps that order for each execution and
 *       promises nothing across executions. Publishing a sequence that was already published (a
 *       worker repeating itself after recovery) is ignored.
 *   <li><b>Replay then live, exactly once:</b> a subscription from {@code afterSequence} delivers
 *       every event with a greater sequence, in order, without gaps or duplicates: first those
 *       already published, then new ones as they come. It completes after a terminal event.
 *   <li><b>Slow subscribers never slow publishers:</b> each subscriber has a bounded buffer. When
 *       it overflows, the subscriber receives {@code onError} with a {@link
 *       dev.workflowengine.api.SubscriberOverflowException} naming the last sequence it received,
 *       so it can subscribe again from there.
 *   <li><b>Failure:</b> {@link #publish} throws an unchecked exception if the event could not be
 *       stored; nothing was published then.
 * </ul>
 *
 * <p>Prove an implementation with {@code EventTransportContract} from {@code
 * workflow-engine-testing}.
 */
public interface EventTransport {

  /**
   * Publishes an event to its execution's stream.
   *
   * @param event the event; its sequence is the next one of its execution
   */
  void publish(WorkflowEvent event);

  /**
   * Subscribes to an execution's events after a sequence. Nothing is delivered until the subscriber
   * requests it (reactive-streams demand).
   *
   * @param executionId the execution
   * @param afterSequence the last sequence the subscriber has seen; 0 for everything
   * @return a publisher that can be subscribed to once
   */
  Flow.Publisher<WorkflowEvent> subscribe(String executionId, long afterSequence);

  /**
   * The highest sequence published for an execution, so that a worker continuing an execution
   * another one started (after a crash, say) goes on without a gap.
   *
   * @param executionId the execution
   * @return the last sequence, 0 if nothing was published
   */
  long lastSequence(String executionId);
}
