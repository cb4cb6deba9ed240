package dev.workflowengine.spring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the auto-configured {@link dev.workflowengine.core.engine.WorkflowEngine} runs: its workers,
 * leases, timeouts and per-workflow limits.
 *
 * <pre>
 * workflow-engine.engine.workers=8
 * workflow-engine.engine.limits.email-triage.concurrency=2
 * workflow-engine.engine.limits.email-triage.queue-timeout=5m
 * </pre>
 *
 * @param workers How many executions the engine runs at once, at least 1.
 * @param leaseDuration How long a worker's claim on an execution lasts without renewal. After a
 *     crash, another engine sharing the stores takes the execution over once it runs out.
 * @param waitSweepInterval How often executions waiting at human steps are checked for timeouts.
 * @param closeTimeout How long closing the application context waits for running nodes to reach a
 *     checkpoint.
 * @param limits Limits per workflow id: how many of its executions run at once, and how long one
 *     may wait in the queue.
 */
@ConfigurationProperties(EngineProperties.PREFIX)
public record EngineProperties(
    @DefaultValue("4") int workers,
    @DefaultValue("30s") Duration leaseDuration,
    @DefaultValue("1s") Duration waitSweepInterval,
    @DefaultValue("30s") Duration closeTimeout,
    Map<String, Limit> limits) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.engine";

  /** Checks every value, naming the property that is wrong. */
  public EngineProperties {
    PropertyChecks.atLeast(workers, 1, PREFIX + ".workers");
    PropertyChecks.positive(leaseDuration, PREFIX + ".lease-duration");
    PropertyChecks.positive(waitSweepInterval, PREFIX + ".wait-sweep-interval");
    PropertyChecks.positive(closeTimeout, PREFIX + ".close-timeout");
    limits = limits == null ? Map.of() : Map.copyOf(limits);
    limits.forEach(
        (workflowId, limit) -> {
          String name = PREFIX + ".limits." + workflowId;
          PropertyChecks.atLeast(limit.concurrency(), 0, name + ".concurrency");
          if (limit.queueTimeout() != null) {
            PropertyChecks.positive(limit.queueTimeout(), name + ".queue-timeout");
          }
        });
  }

  /**
   * The limits of one workflow's executions in this engine.
   *
   * @param concurrency The most executions of the workflow running at once; 0 for no limit beyond
   *     the engine's workers.
   * @param queueTimeout How long an execution may wait for its first node before it fails instead
   *     of starting late; unset for no limit.
   */
  public record Limit(@DefaultValue("0") int concurrency, Duration queueTimeout) {}
}
