package dev.workflowengine.spring.actuate;

import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.spring.EngineProperties;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import java.util.OptionalInt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.MethodMetadata;

/**
 * Auto-configures the {@code workflowEngine} health indicator when Spring Boot's health module is
 * on the class path: up with the engine's workers, running executions, queue depth and counts while
 * the engine can read its queue, down with the exception when it cannot.
 *
 * <pre>
 * {"status":"UP","details":{"workers":4,"running":1,"queueDepth":0,"started":12,
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
   * @param beanFactory where the engine's bean definition tells whether it was auto-configured
   * @param properties the engine properties, whose worker count is the auto-configured engine's
   * @return the indicator
   */
  @Bean
  // On the method rather than the class: Spring creates every condition of a class before it
  // evaluates one, and this condition's class is missing without the health module.
  @ConditionalOnEnabledHealthIndicator("workflow-engine")
  @ConditionalOnMissingBean(name = "workflowEngineHealthIndicator")
  public HealthIndicator workflowEngineHealthIndicator(
      WorkflowEngine engine,
      ConfigurableListableBeanFactory beanFactory,
      ObjectProvider<EngineProperties> properties) {
    OptionalInt workers = OptionalInt.empty();
    EngineProperties engineProperties = properties.getIfAvailable();
    if (engineProperties != null && autoConfigured(beanFactory)) {
      workers = OptionalInt.of(engineProperties.workers());
    }
    return new EngineHealthIndicator(engine, workers);
  }

  // The engine does not expose its worker count; the properties tell it only for the engine that
  // WorkflowEngineAutoConfiguration built from them, never for one the application built itself.
  private static boolean autoConfigured(ConfigurableListableBeanFactory beanFactory) {
    String[] names = beanFactory.getBeanNamesForType(WorkflowEngine.class, true, false);
    if (names.length != 1 || !beanFactory.containsBeanDefinition(names[0])) {
      return false;
    }
    BeanDefinition definition = beanFactory.getBeanDefinition(names[0]);
    MethodMetadata factory =
        definition instanceof AnnotatedBeanDefinition annotated
            ? annotated.getFactoryMethodMetadata()
            : null;
    return factory != null
        && factory.getDeclaringClassName().equals(WorkflowEngineAutoConfiguration.class.getName());
  }
}
