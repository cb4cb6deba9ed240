package dev.workflowengine.spring.actuate;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.core.engine.EngineObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns what the engine reports into meters tagged by workflow (and node). Micrometer keeps one
 * meter per name and tags, so looking a meter up on every event costs a map lookup, and a meter
 * appears only once something happened to it.
 */
final class EngineMeterObserver implements EngineObserver {

  static final String STARTED = "workflow.executions.started";
  static final String FINISHED = "workflow.executions.finished";
  static final String EXECUTION_DURATION = "workflow.execution.duration";
  static final String NODE_DURATION = "workflow.node.duration";
  static final String NODE_FAILURES = "workflow.node.failures";

  static final String WORKFLOW = "workflow";
  static final String NODE = "node";
  static final String STATUS = "status";
  static final String ERROR = "error";
  static final String RETRY = "retry";

  private final MeterRegistry registry;

  EngineMeterObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void executionStarted(ExecutionRecord record) {
    Counter.builder(STARTED)
        .description("Executions a worker started for the first time")
        .tag(WORKFLOW, record.workflowId())
        .register(registry)
        .increment();
  }

  @Override
  public void executionFinished(ExecutionRecord record) {
    String status = record.status().name().toLowerCase(Locale.ROOT);
    // Counted apart from the timer: an execution cancelled while queued ends without a duration.
    Counter.builder(FINISHED)
        .description("Executions that completed, failed or were cancelled")
        .tag(WORKFLOW, record.workflowId())
        .tag(STATUS, status)
        .register(registry)
        .increment();
    record
        .duration()
        .ifPresent(
            duration ->
                Timer.builder(EXECUTION_DURATION)
                    .description("Run time of finished executions, from first start to end")
                    .tag(WORKFLOW, record.workflowId())
                    .tag(STATUS, status)
                    .register(registry)
                    .record(duration));
  }

  @Override
  public void nodeCompleted(String workflowId, String nodeId, Duration duration) {
    Timer.builder(NODE_DURATION)
        .description("Duration of a node's successful attempt")
        .tag(WORKFLOW, workflowId)
        .tag(NODE, nodeId)
        .register(registry)
        .record(duration);
  }

  @Override
  public void nodeFailed(String workflowId, String nodeId, Throwable error, boolean willRetry) {
    Counter.builder(NODE_FAILURES)
        .description("Failed attempts of a node, retried or final")
        .tag(WORKFLOW, workflowId)
        .tag(NODE, nodeId)
        .tag(ERROR, errorType(error))
        .tag(RETRY, String.valueOf(willRetry))
        .register(registry)
        .increment();
  }

  // The simple name, as Micrometer's own "error" tags; anonymous classes have none.
  static String errorType(Throwable error) {
    String name = error.getClass().getSimpleName();
    return name.isEmpty() ? error.getClass().getName() : name;
  }

  @Override
  public String toString() {
    return "EngineMeterObserver[" + registry.getClass().getSimpleName() + "]";
  }
}
