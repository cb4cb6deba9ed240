package dev.workflowengine.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs tasks on many threads released at the same instant, so that they really race, and collects
 * what each returned or threw.
 */
final class Race {

  private Race() {}

  /**
   * Runs {@code threads} tasks at once.
   *
   * @return per task, in task order, its result or the exception it threw
   */
  static List<Object> run(int threads, Duration timeout, IntFunction<Callable<?>> task)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<?> body = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  try {
                    return body.call();
                  } catch (Exception | AssertionError e) {
                    return e;
                  }
                }));
      }
      assertThat(ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
          .as("all %d threads started", threads)
          .isTrue();
      go.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        try {
          outcomes.add(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          throw new AssertionError("a racing task did not finish in " + timeout, e);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
