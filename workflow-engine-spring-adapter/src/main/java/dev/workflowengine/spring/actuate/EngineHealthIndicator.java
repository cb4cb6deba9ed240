package dev.workflowengine.spring.actuate;

import dev.workflowengine.core.engine.EngineMetrics;
import dev.workflowengine.core.engine.WorkflowEngine;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The engine is up while all its workers are alive and it can say how much work it has: reading the
 * queue depth asks the work queue, so a database-backed queue that cannot answer makes it down,
 * with the exception. A long queue is reported, not judged: it means the workers are busy, and a
 * readiness probe that took the instance out of service would only lengthen it.
 */
final class EngineHealthIndicator extends AbstractHealthIndicator {

  private final WorkflowEngine engine;

  EngineHealthIndicator(WorkflowEngine engine) {
    super("Workflow engine health check failed");
    this.engine = engine;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    EngineMetrics metrics = engine.metrics();
    int workers = engine.workers();
    int alive = engine.liveWorkers();
    if (alive < workers) {
      builder.down();
    } else {
      builder.up();
    }
    builder
        .withDetail("workers", workers)
        .withDetail("liveWorkers", alive)
        .withDetail("running", metrics.running())
        .withDetail("queueDepth", metrics.queueDepth())
        .withDetail("started", metrics.started())
        .withDetail("completed", metrics.completed())
        .withDetail("failed", metrics.failed())
        .withDetail("cancelled", metrics.cancelled());
  }
}
