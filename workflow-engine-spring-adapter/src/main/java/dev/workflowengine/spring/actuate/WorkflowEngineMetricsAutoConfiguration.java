package dev.workflowengine.spring.actuate;

import dev.workflowengine.core.engine.EngineObserver;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the engine's Micrometer meters when Micrometer is on the class path and the
 * application has a {@link MeterRegistry}: an {@link EngineObserver} counting executions and timing
 * them and their nodes, gauges of the queue and the running executions, and a limit on the number
 * of workflow ids the meters are tagged with.
 *
 * <ul>
 *   <li>{@code workflow.executions.started}, counter: workflow
 *   <li>{@code workflow.executions.finished}, counter: workflow, status (completed, failed,
 *       cancelled)
 *   <li>{@code workflow.execution.duration}, timer: workflow, status
 *   <li>{@code workflow.node.duration}, timer of successful attempts: workflow, node
 *   <li>{@code workflow.node.failures}, counter: workflow, node, error (the exception's simple
 *       name), retry (true or false)
 *   <li>{@code workflow.executions.queued} and {@code workflow.executions.running}, gauges
 * </ul>
 *
 * <p>The observer reaches the auto-configured engine like every {@code EngineObserver} bean; an
 * application that builds its own engine passes it to {@code WorkflowEngineBuilder.observer}.
 * Percentiles and histograms of the timers are Spring Boot's {@code
 * management.metrics.distribution.*} properties. Each bean backs off for one of the same name.
 */
@AutoConfiguration(
    after = WorkflowEngineAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple"
          + ".SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure"
          + ".CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, WorkflowEngine.class})
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(EngineMetricsProperties.class)
public class WorkflowEngineMetricsAutoConfiguration {

  /** Created by Spring Boot's auto-configuration. */
  public WorkflowEngineMetricsAutoConfiguration() {}

  /**
   * Counts and times executions and nodes.
   *
   * @param registry the application's (composite) registry
   * @return the observer
   */
  @Bean
  @ConditionalOnMissingBean(name = "workflowEngineMeterObserver")
  public EngineObserver workflowEngineMeterObserver(MeterRegistry registry) {
    return new EngineMeterObserver(registry);
  }

  /**
   * The queue depth and the running executions, read at each scrape.
   *
   * @param engine the engine
   * @return the binder Spring Boot binds to every registry
   */
  @Bean
  @ConditionalOnBean(WorkflowEngine.class)
  @ConditionalOnMissingBean(name = "workflowEngineGauges")
  public MeterBinder workflowEngineGauges(WorkflowEngine engine) {
    return new EngineGauges(engine);
  }

  /**
   * Denies workflow.* meters past {@code workflow-engine.metrics.max-workflow-tags} workflow ids.
   *
   * @param properties the limit
   * @return the filter Spring Boot applies to every registry
   */
  @Bean
  @ConditionalOnMissingBean(name = "workflowEngineMeterFilter")
  public MeterFilter workflowEngineMeterFilter(EngineMetricsProperties properties) {
    return WorkflowTagLimit.filter(properties.maxWorkflowTags());
  }
}
