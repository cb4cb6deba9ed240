package dev.workflowengine.core.engine;

import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.ExecutionRecord;
import java.time.Duration;
import java.util.concurrent.Flow;

/** An execution seen through the engine, acting for its owner. */
final class EngineExecutionHandle implements ExecutionHandle {

  private final WorkflowEngine engine;
  private final String executionId;
  private final String userId;

  EngineExecutionHandle(WorkflowEngine engine, String executionId, String userId) {
    this.engine = engine;
    this.executionId = executionId;
    this.userId = userId;
  }

  @Override
  public String executionId() {
    return executionId;
  }

  @Override
  public Flow.Publisher<WorkflowEvent> events() {
    return engine.events(executionId, userId, 0);
  }

  @Override
  public ExecutionRecord status() {
    return engine.status(executionId, userId);
  }

  @Override
  public ExecutionRecord await(Duration timeout) {
    return engine.await(executionId, userId, timeout);
  }

  @Override
  public boolean cancel() {
    return engine.cancel(executionId, userId);
  }

  @Override
  public String toString() {
    return "ExecutionHandle[" + executionId + "]";
  }
}
