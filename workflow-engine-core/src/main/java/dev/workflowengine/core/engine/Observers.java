package dev.workflowengine.core.engine;

import dev.workflowengine.api.execution.ExecutionRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells every observer, so that one failing observer neither stops the others nor the engine. */
final class Observers implements EngineObserver {

  private static final Logger log = LoggerFactory.getLogger(Observers.class);

  private final List<EngineObserver> observers;

  Observers(List<EngineObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  private void each(Consumer<EngineObserver> call) {
    for (EngineObserver observer : observers) {
      try {
        call.accept(observer);
      } catch (RuntimeException e) {
        log.warn("engine observer {} failed", observer, e);
      }
    }
  }

  @Override
  public void executionStarted(ExecutionRecord record) {
    each(o -> o.executionStarted(record));
  }

  @Override
  public void executionFinished(ExecutionRecord record) {
    each(o -> o.executionFinished(record));
  }

  @Override
  public void nodeCompleted(String workflowId, String nodeId, Duration duration) {
    each(o -> o.nodeCompleted(workflowId, nodeId, duration));
  }

  @Override
  public void nodeFailed(String workflowId, String nodeId, Throwable error, boolean willRetry) {
    each(o -> o.nodeFailed(workflowId, nodeId, error, willRetry));
  }
}
