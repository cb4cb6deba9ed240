package dev.workflowengine.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.ollama.OllamaClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.RequiredSearch;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The workflow.* meters in Spring Boot's simple registry after small workflows ran. */
class EngineMetricsTests {

  private final ApplicationContextRunner runner =
      ActuatorTestSupport.withActuator()
          .withClassLoader(new FilteredClassLoader(OllamaClient.class))
          .withBean("greet", Workflow.class, ActuatorTestSupport::greet)
          .withBean("broken", Workflow.class, ActuatorTestSupport::broken)
          .withBean("approval", Workflow.class, ActuatorTestSupport::approval);

  @Test
  void countsAndTimesCompletedFailedAndCancelledExecutionsAndTheirNodes() {
    runner.run(
        context -> {
          WorkflowEngine engine = context.getBean(WorkflowEngine.class);
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(ActuatorTestSupport.run(engine, "greet").status())
              .isEqualTo(ExecutionStatus.COMPLETED);
          assertThat(ActuatorTestSupport.run(engine, "broken").status())
              .isEqualTo(ExecutionStatus.FAILED);
          ExecutionRecord waiting = ActuatorTestSupport.run(engine, "approval");
          assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
          assertThat(engine.cancel(waiting.executionId(), "u1")).isTrue();

          await()
              .atMost(Duration.ofSeconds(10))
              .untilAsserted(() -> assertExecutionMeters(registry));
          assertNodeMeters(registry);
          assertThat(registry.get("workflow.executions.queued").gauge().value()).isZero();
          assertThat(registry.get("workflow.executions.running").gauge().value()).isZero();
        });
  }

  @Test
  void meterFiltersStopAtTheMaximumOfWorkflowIds() {
    runner
        .withPropertyValues("workflow-engine.metrics.max-workflow-tags=1")
        .run(
            context -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              registry.counter("workflow.executions.started", "workflow", "first").increment();
              registry.counter("workflow.executions.started", "workflow", "second").increment();
              // Meters without the tag, and meters outside workflow.*, are not limited.
              registry.counter("workflow.other").increment();
              registry.counter("other.meter", "workflow", "third").increment();

              assertThat(registry.find("workflow.executions.started").counters()).hasSize(1);
              assertThat(counter(registry, "workflow.executions.started", "first")).isEqualTo(1);
              assertThat(registry.find("workflow.other").counter()).isNotNull();
              assertThat(registry.find("other.meter").counter()).isNotNull();
            });
  }

  // Every execution is counted a moment after its record changes, so these are awaited.
  private static void assertExecutionMeters(MeterRegistry registry) {
    for (String workflow : new String[] {"greet", "broken", "approval"}) {
      assertThat(counter(registry, "workflow.executions.started", workflow)).isEqualTo(1);
    }
    assertThat(finished(registry, "greet", "completed")).isEqualTo(1);
    assertThat(finished(registry, "broken", "failed")).isEqualTo(1);
    assertThat(finished(registry, "approval", "cancelled")).isEqualTo(1);
    Timer greetRun = executionTimer(registry, "greet", "completed");
    assertThat(greetRun.count()).isEqualTo(1);
    assertThat(greetRun.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(executionTimer(registry, "broken", "failed").count()).isEqualTo(1);
    assertThat(executionTimer(registry, "approval", "cancelled").count()).isEqualTo(1);
  }

  // Nodes are observed before their execution's record changes, so these need no waiting.
  private static void assertNodeMeters(MeterRegistry registry) {
    assertThat(nodeTimer(registry, "greet", "hello").count()).isEqualTo(1);
    assertThat(nodeTimer(registry, "approval", "draft").count()).isEqualTo(1);
    Counter failures =
        registry
            .get("workflow.node.failures")
            .tag("workflow", "broken")
            .tag("node", "explode")
            .tag("retry", "false")
            .counter();
    assertThat(failures.count()).isEqualTo(1);
    assertThat(failures.getId().getTag("error")).isEqualTo("IllegalStateException");
  }

  private static double counter(MeterRegistry registry, String name, String workflow) {
    Counter counter = registry.find(name).tag("workflow", workflow).counter();
    return counter == null ? 0 : counter.count();
  }

  private static double finished(MeterRegistry registry, String workflow, String status) {
    Counter counter =
        registry
            .find("workflow.executions.finished")
            .tag("workflow", workflow)
            .tag("status", status)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static Timer executionTimer(MeterRegistry registry, String workflow, String status) {
    return search(registry, "workflow.execution.duration")
        .tag("workflow", workflow)
        .tag("status", status)
        .timer();
  }

  private static Timer nodeTimer(MeterRegistry registry, String workflow, String node) {
    return search(registry, "workflow.node.duration")
        .tag("workflow", workflow)
        .tag("node", node)
        .timer();
  }

  private static RequiredSearch search(MeterRegistry registry, String name) {
    return registry.get(name);
  }
}
