package dev.workflowengine.ollama;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes models available by a {@link PullStrategy}, at most once per model for its client: the
 * first caller for a model does the work while concurrent callers for the same model wait for its
 * outcome. A failure is not remembered, so a later use tries again.
 */
final class ModelPuller {

  private static final Logger LOG = LoggerFactory.getLogger(ModelPuller.class);

  private final OllamaClient client;
  private final PullStrategy strategy;
  private final PullListener listener;
  private final Map<String, CompletableFuture<Void>> ensured = new ConcurrentHashMap<>();

  ModelPuller(OllamaClient client, PullStrategy strategy, PullListener listener) {
    this.client = client;
    this.strategy = strategy;
    this.listener = listener;
  }

  /** Before a model's use: nothing for {@link PullStrategy#NEVER}, else {@link #ensure}. */
  void beforeUse(String model) {
    if (strategy != PullStrategy.NEVER) {
      ensure(model);
    }
  }

  /**
   * Applies the strategy now. With {@link PullStrategy#NEVER} the model is only looked up, so that
   * a missing one fails early with a {@link ModelNotFoundException}.
   */
  void ensure(String model) {
    if (strategy == PullStrategy.NEVER) {
      client.show(model);
      return;
    }
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> theirs = ensured.putIfAbsent(model, mine);
    if (theirs != null) {
      await(model, theirs);
      return;
    }
    try {
      apply(model);
      mine.complete(null);
    } catch (RuntimeException | Error e) {
      ensured.remove(model, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private void apply(String model) {
    if (strategy == PullStrategy.WHEN_MISSING) {
      try {
        client.show(model);
        return;
      } catch (ModelNotFoundException e) {
        LOG.info("model {} is missing; pulling it", model);
      }
    }
    pull(model);
  }

  private void pull(String model) {
    Progress last = null;
    try (OllamaStream<Progress> progress = client.pull(model)) {
      for (Progress line : progress) {
        listener.onProgress(model, line);
        last = line;
      }
    }
    if (last == null || !last.isSuccess()) {
      throw new OllamaException(
          "pulling "
              + model
              + " ended without Ollama's success line; try `ollama pull "
              + model
              + "`",
          -1,
          null);
    }
  }

  /** Waits for another thread's pull; interruptible, since a pull can take many minutes. */
  private static void await(String model, CompletableFuture<Void> outcome) {
    try {
      outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OllamaCancelledException("interrupted while waiting for the pull of " + model);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
