package dev.workflowengine.spring.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engine's Micrometer meters, configured when Micrometer is on the class path and the
 * application has a {@code MeterRegistry} (Spring Boot Actuator gives it one).
 *
 * <pre>
 * workflow-engine.metrics.max-workflow-tags=200
 * </pre>
 *
 * <p>Meters are tagged by workflow id, and workflows that users save or have generated bring ids
 * nobody chose in advance; the limit keeps a registry from growing a time series for each.
 *
 * @param maxWorkflowTags How many distinct workflow ids the workflow.* meters are tagged with;
 *     meters of further workflows are not recorded, and a warning says so once.
 */
@ConfigurationProperties(EngineMetricsProperties.PREFIX)
public record EngineMetricsProperties(@DefaultValue("100") int maxWorkflowTags) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.metrics";

  /** Checks the value, naming the property if it is wrong. */
  public EngineMetricsProperties {
    if (maxWorkflowTags < 1) {
      throw new IllegalArgumentException(
          PREFIX + ".max-workflow-tags must be at least 1 but was " + maxWorkflowTags);
    }
  }
}
