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

  /** A worker must outlive whatever goes wrong with one execution, or its lease would idle. */
  private void processSafely(Lease lease) {
    try {
      runner.process(lease);
    } catch (Throwable unexpected) {
      log.error(
          "worker {} hit an unexpected error on execution {}; the item goes back to the queue",
          workerId,
          lease.item().executionId(),
          unexpected);
      try {
        core.queue.nack(lease, java.time.Duration.ofSeconds(1));
      } catch (RuntimeException ignored) {
        // the lease expires instead
      }
      if (unexpected instanceof VirtualMachineError fatal) {
        throw fatal;
      }
    }
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
      if (lease.isPresent()) {
        processSafely(lease.get());
      }
    }
  }
}
