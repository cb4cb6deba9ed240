package dev.workflowengine.core.engine;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionRecord;
import java.time.Duration;
import java.util.concurrent.Flow;

/**
 * One execution as its owner sees it: its events, its status, a way to wait for it and to cancel
 * it. Every method acts for the user who started the execution.
 *
 * <pre>{@code
 * ExecutionHandle handle = engine.start(StartRequest.of("triage", input).user("u1"));
 * handle.events().subscribe(subscriber);           // replayed from the start, then live
 * ExecutionRecord record = handle.await(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface ExecutionHandle {

  /**
   * The execution's id.
   *
   * @return the id
   */
  String executionId();

  /**
   * Every event of the execution from the first, then live ones, ending after the terminal event.
   * Each call returns a new publisher that can be subscribed to once.
   *
   * @return the events
   */
  Flow.Publisher<WorkflowEvent> events();

  /**
   * The execution's record as stored now.
   *
   * @return the record
   */
  ExecutionRecord status();

  /**
   * Waits until the execution has finished or waits for a person.
   *
   * @param timeout how long to wait at most
   * @return the record at that point
   * @throws dev.workflowengine.api.WorkflowTimeoutException if neither happened in time
   */
  ExecutionRecord await(Duration timeout);

  /**
   * Cancels the execution.
   *
   * @return {@code true} if it was cancelled or will stop at its next node; {@code false} if it had
   *     already finished, which changes nothing
   */
  boolean cancel();
}
