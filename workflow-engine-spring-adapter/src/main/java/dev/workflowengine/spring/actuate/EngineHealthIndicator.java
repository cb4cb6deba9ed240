package dev.workflowengine.spring.actuate;

import dev.workflowengine.core.engine.EngineMetrics;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.util.OptionalInt;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The engine is up while it can say how much work it has: reading the queue depth asks the work
 * queue, so a database-backed queue that cannot answer makes it down, with the exception. A long
 * queue is reported, not judged: it means the workers are busy, and a readiness probe that took the
 * instance out of service would only lengthen it.
 */
final class EngineHealthIndicator extends AbstractHealthIndicator {

  private final WorkflowEngine engine;
  private final OptionalInt workers;

  /**
   * @param engine the engine
   * @param workers how many workers it has, when known: the engine does not say, so only the
   *     auto-configured engine's come from the properties
   */
  EngineHealthIndicator(WorkflowEngine engine, OptionalInt workers) {
    super("Workflow engine health check failed");
    this.engine = engine;
    this.workers = workers;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    EngineMetrics metrics = engine.metrics();
    builder.up();
    workers.ifPresent(count -> builder.withDetail("workers", count));
    builder
        .withDetail("running", metrics.running())
        .withDetail("queueDepth", metrics.queueDepth())
        .withDetail("started", metrics.started())
        .withDetail("completed", metrics.completed())
        .withDetail("failed", metrics.failed())
        .withDetail("cancelled", metrics.cancelled());
  }
}
