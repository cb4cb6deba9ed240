package dev.workflowengine.spring.actuate;

import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code workflowEngine} health indicator when Spring Boot's health module is
 * on the class path: up with the engine's workers, running executions, queue depth and counts while
 * every worker is alive and the engine can read its queue; down, with the exception, when it
 * cannot, and down when a worker died.
 *
 * <pre>
 * {"status":"UP","details":{"workers":4,"liveWorkers":4,"running":1,"queueDepth":0,"started":12,
 *  "completed":10,"failed":1,"cancelled":0}}
 * </pre>
 *
 * <p>{@code management.health.workflow-engine.enabled=false} turns it off; a bean named {@code
 * workflowEngineHealthIndicator} replaces it.
 */
@AutoConfiguration(after = WorkflowEngineAutoConfiguration.class)
@ConditionalOnClass({
  WorkflowEngine.class,
  HealthIndicator.class,
  ConditionalOnEnabledHealthIndicator.class
})
@ConditionalOnSingleCandidate(WorkflowEngine.class)
public class WorkflowEngineHealthAutoConfiguration {

  /** Created by Spring Boot's auto-configuration. */
  public WorkflowEngineHealthAutoConfiguration() {}

  /**
   * The engine's health.
   *
   * @param engine the engine
   * @return the indicator
   */
  @Bean
  // On the method rather than the class: Spring creates every condition of a class before it
  // evaluates one, and this condition's class is missing without the health module.
  @ConditionalOnEnabledHealthIndicator("workflow-engine")
  @ConditionalOnMissingBean(name = "workflowEngineHealthIndicator")
  public HealthIndicator workflowEngineHealthIndicator(WorkflowEngine engine) {
    return new EngineHealthIndicator(engine);
  }
}
