package dev.workflowengine.spring.actuate;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the workflow.* meters at a number of distinct workflow ids, as Spring Boot does for HTTP
 * URIs: past the limit new meters are denied, and a single warning names the property to raise.
 */
final class WorkflowTagLimit {

  private static final Logger log = LoggerFactory.getLogger(WorkflowTagLimit.class);

  private WorkflowTagLimit() {}

  static MeterFilter filter(int maxWorkflowTags) {
    return MeterFilter.maximumAllowableTags(
        "workflow.", EngineMeterObserver.WORKFLOW, maxWorkflowTags, denyOnce(maxWorkflowTags));
  }

  private static MeterFilter denyOnce(int maxWorkflowTags) {
    AtomicBoolean warned = new AtomicBoolean();
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        if (warned.compareAndSet(false, true)) {
          log.warn(
              "Reached {} distinct workflow ids on the workflow.* meters; {} of workflow '{}' and"
                  + " of every further workflow are not recorded. Raise {}.max-workflow-tags if"
                  + " these ids are expected.",
              maxWorkflowTags,
              id.getName(),
              id.getTag(EngineMeterObserver.WORKFLOW),
              EngineMetricsProperties.PREFIX);
        }
        return MeterFilterReply.DENY;
      }
    };
  }
}
