package dev.workflowengine.spring;

import dev.workflowengine.core.engine.WorkflowEngineBuilder;

/**
 * Changes the auto-configured engine's builder after the properties and beans were applied: a
 * clock, limits computed in code, observers that are not beans.
 *
 * <pre>{@code
 * @Bean
 * WorkflowEngineBuilderCustomizer testClock(Clock clock) {
 *   return builder -> builder.clock(clock);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface WorkflowEngineBuilderCustomizer {

  /**
   * Changes the builder.
   *
   * @param builder the builder; do not call {@code build()}
   */
  void customize(WorkflowEngineBuilder builder);
}
