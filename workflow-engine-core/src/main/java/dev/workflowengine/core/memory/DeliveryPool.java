package dev.workflowengine.core.memory;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The executor event subscribers are called on unless the host gives one: a pool shared by every
 * {@link InMemoryEventTransport}, created on first use, whose daemon threads never keep the JVM
 * alive and end when idle.
 *
 * <p>Not the common pool: on a two-core machine it has a single thread, and one subscriber blocking
 * in {@code onNext} would stall every other. A fork-join pool in FIFO mode suits many short
 * delivery tasks; at least four threads leave room for a few subscribers that block briefly. Hosts
 * whose subscribers block for long (on a slow network peer, say) give the transport an executor
 * sized for them.
 */
final class DeliveryPool {

  private DeliveryPool() {}

  static Executor get() {
    return Holder.POOL;
  }

  private static final class Holder {
    static final ForkJoinPool POOL =
        new ForkJoinPool(
            Math.max(4, Runtime.getRuntime().availableProcessors()),
            pool -> {
              ForkJoinWorkerThread thread =
                  ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
              thread.setName("workflow-events-" + thread.getPoolIndex());
              thread.setDaemon(true);
              return thread;
            },
            null,
            true);
  }
}
