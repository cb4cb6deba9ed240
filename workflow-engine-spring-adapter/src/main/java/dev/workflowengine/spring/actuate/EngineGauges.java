package dev.workflowengine.spring.actuate;

import dev.workflowengine.core.engine.WorkflowEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's load as gauges, read from {@link WorkflowEngine#metrics()} when the registry is
 * scraped. A bean of its own rather than part of the observer, so that an engine the application
 * built itself, without the observer, still shows its queue.
 */
final class EngineGauges implements MeterBinder {

  static final String QUEUED = "workflow.executions.queued";
  static final String RUNNING = "workflow.executions.running";

  private final WorkflowEngine engine;

  EngineGauges(WorkflowEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    // Each read asks the work queue for its depth, which a database-backed queue answers with a
    // query: cheap at a scrape interval, not something to call in a loop.
    Gauge.builder(QUEUED, engine, e -> e.metrics().queueDepth())
        .description("Executions waiting in the work queue, not counting leased ones")
        .register(registry);
    Gauge.builder(RUNNING, engine, e -> e.metrics().running())
        .description("Executions this engine's workers are running now")
        .register(registry);
  }
}
