package dev.workflowengine.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.spi.Lease;
import dev.workflowengine.api.spi.WorkItem;
import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import dev.workflowengine.ollama.OllamaClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** The workflowEngine health indicator: what the engine exposes, and when it is down. */
class EngineHealthIndicatorTests {

  private final ApplicationContextRunner runner =
      ActuatorTestSupport.withActuator()
          .withClassLoader(new FilteredClassLoader(OllamaClient.class))
          .withBean("greet", Workflow.class, ActuatorTestSupport::greet);

  @Test
  void upWithTheConfiguredWorkersRunningExecutionsQueueDepthAndCounts() {
    runner
        .withPropertyValues("workflow-engine.engine.workers=2")
        .run(
            context -> {
              ActuatorTestSupport.run(context.getBean(WorkflowEngine.class), "greet");
              await()
                  .atMost(Duration.ofSeconds(10))
                  .untilAsserted(
                      () -> {
                        Health health = indicator(context).health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails())
                            .containsEntry("workers", 2)
                            .containsEntry("liveWorkers", 2)
                            .containsEntry("running", 0)
                            .containsEntry("queueDepth", 0)
                            .containsEntry("started", 1L)
                            .containsEntry("completed", 1L)
                            .containsEntry("failed", 0L)
                            .containsEntry("cancelled", 0L);
                      });
            });
  }

  @Test
  void anEngineTheApplicationBuiltReportsItsOwnWorkersAndIsDownOnceTheyAreGone() {
    WorkflowEngine own = WorkflowEngine.builder().workers(3).build();
    runner
        .withBean(WorkflowEngine.class, () -> own)
        .run(
            context -> {
              Health health = indicator(context).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails())
                  .containsEntry("workers", 3)
                  .containsEntry("liveWorkers", 3)
                  .containsKeys("running", "queueDepth");

              own.close();

              await()
                  .atMost(Duration.ofSeconds(10))
                  .untilAsserted(
                      () -> {
                        Health closed = indicator(context).health();
                        assertThat(closed.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(closed.getDetails()).containsEntry("liveWorkers", 0);
                      });
            });
  }

  @Test
  void downWithTheErrorWhenTheWorkQueueCannotSayItsDepth() {
    FailingDepthQueue queue = new FailingDepthQueue();
    runner
        .withBean(WorkQueue.class, () -> queue)
        .run(
            context -> {
              assertThat(indicator(context).health().getStatus()).isEqualTo(Status.UP);
              queue.failing.set(true);
              Health health = indicator(context).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().get("error").toString())
                  .contains("the queue's database is unreachable");
            });
  }

  private static HealthIndicator indicator(ApplicationContext context) {
    return context.getBean("workflowEngineHealthIndicator", HealthIndicator.class);
  }

  /** An in-memory queue whose depth fails on demand, as a database queue's would. */
  private static final class FailingDepthQueue implements WorkQueue {
    final AtomicBoolean failing = new AtomicBoolean();
    private final InMemoryWorkQueue delegate = new InMemoryWorkQueue();

    @Override
    public void submit(WorkItem item) {
      delegate.submit(item);
    }

    @Override
    public Optional<Lease> poll(String workerId, Duration leaseDuration, Duration maxWait)
        throws InterruptedException {
      return delegate.poll(workerId, leaseDuration, maxWait);
    }

    @Override
    public Optional<Lease> extend(Lease lease, Duration leaseDuration) {
      return delegate.extend(lease, leaseDuration);
    }

    @Override
    public boolean ack(Lease lease) {
      return delegate.ack(lease);
    }

    @Override
    public boolean nack(Lease lease, Duration delay) {
      return delegate.nack(lease, delay);
    }

    @Override
    public int depth() {
      if (failing.get()) {
        throw new IllegalStateException("the queue's database is unreachable");
      }
      return delegate.depth();
    }
  }
}
