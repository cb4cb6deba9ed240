package dev.workflowengine.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the auto-configured {@link dev.workflowengine.core.generate.WorkflowGenerator} writes
 * workflow definitions from prompts.
 *
 * @param maxAttempts How many answers the model is asked for, each told the problems of the one
 *     before, until one compiles against the catalog.
 */
@ConfigurationProperties(GeneratorProperties.PREFIX)
public record GeneratorProperties(@DefaultValue("3") int maxAttempts) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.generator";

  /** Checks the value, naming the property if it is wrong. */
  public GeneratorProperties {
    PropertyChecks.atLeast(maxAttempts, 1, PREFIX + ".max-attempts");
  }
}
