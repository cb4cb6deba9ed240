package dev.workflowengine.core.engine;

import dev.workflowengine.api.execution.ExecutionRecord;
import java.time.Duration;

/**
 * Hears what an engine does, for metrics and tracing: the hook a Micrometer binding implements.
 * Every method has an empty default.
 *
 * <pre>{@code
 * WorkflowEngine.builder().observer(new EngineObserver() {
 *   public void executionFinished(ExecutionRecord record) {
 *     registry.counter("workflow.executions", "status", record.status().name()).increment();
 *   }
 * })
 * }</pre>
 *
 * <p>Called on worker threads, several at once: implementations must be thread-safe and fast. An
 * exception thrown by an observer is logged and otherwise ignored.
 */
public interface EngineObserver {

  /**
   * A worker started an execution for the first time.
   *
   * @param record the execution, now running
   */
  default void executionStarted(ExecutionRecord record) {}

  /**
   * An execution reached a terminal status.
   *
   * @param record the execution, completed, failed or cancelled
   */
  default void executionFinished(ExecutionRecord record) {}

  /**
   * A node finished.
   *
   * @param workflowId the workflow
   * @param nodeId the node
   * @param duration how long its successful attempt took
   */
  default void nodeCompleted(String workflowId, String nodeId, Duration duration) {}

  /**
   * An attempt of a node failed.
   *
   * @param workflowId the workflow
   * @param nodeId the node
   * @param error what went wrong
   * @param willRetry whether the node's policy will try again
   */
  default void nodeFailed(String workflowId, String nodeId, Throwable error, boolean willRetry) {}
}
