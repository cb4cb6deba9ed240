package dev.workflowengine.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the in-memory stores, queue and event transport the engine uses when the application
 * defines no bean of its own for them. They keep one process's executions; give your own {@code
 * ExecutionStore}, {@code WorkQueue}, ... beans to share executions between processes or keep them
 * across restarts.
 *
 * @param queueCapacity The most executions waiting in the in-memory work queue; a start beyond it
 *     is refused as rate-limited.
 * @param maxFinishedExecutions The most finished execution records kept in memory; the oldest are
 *     dropped first.
 * @param eventBufferSize How many events one subscriber may fall behind before its subscription
 *     ends with an overflow.
 * @param maxFinishedEventLogs How many finished executions keep their event logs in memory, for
 *     late subscribers to replay.
 */
@ConfigurationProperties(InMemoryProperties.PREFIX)
public record InMemoryProperties(
    @DefaultValue("100000") int queueCapacity,
    @DefaultValue("100000") int maxFinishedExecutions,
    @DefaultValue("1024") int eventBufferSize,
    @DefaultValue("10000") int maxFinishedEventLogs) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.memory";

  /** Checks every value, naming the property that is wrong. */
  public InMemoryProperties {
    PropertyChecks.atLeast(queueCapacity, 1, PREFIX + ".queue-capacity");
    PropertyChecks.atLeast(maxFinishedExecutions, 1, PREFIX + ".max-finished-executions");
    PropertyChecks.atLeast(eventBufferSize, 1, PREFIX + ".event-buffer-size");
    PropertyChecks.atLeast(maxFinishedEventLogs, 1, PREFIX + ".max-finished-event-logs");
  }
}
