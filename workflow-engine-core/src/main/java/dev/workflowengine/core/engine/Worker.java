package dev.workflowengine.core.engine;

import dev.workflowengine.api.spi.Lease;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One worker thread's loop: lease an item, run it, and again, until the engine stops. */
final class Worker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  private final EngineCore core;
  private final ExecutionRunner runner;
  private final String workerId;

  Worker(EngineCore core, ExecutionRunner runner, String workerId) {
    this.core = core;
    this.runner = runner;
    this.workerId = workerId;
  }

  @Override
  public void run() {
    while (!core.closing && !core.killed) {
      Optional<Lease> lease;
      try {
        lease = core.queue.poll(workerId, core.leaseDuration, core.pollTimeout);
      } catch (InterruptedException interrupted) {
        continue; // closing or killed is set before workers are interrupted; the loop checks
      } catch (RuntimeException queueFailure) {
        if (!core.killed) {
          log.error("worker {} could not poll the work queue", workerId, queueFailure);
        }
        continue;
      }
      lease.ifPresent(runner::process);
    }
  }
}
