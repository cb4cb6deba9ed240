package dev.workflowengine.ollama;

/**
 * Hears the progress of the pulls that {@link OllamaModels} starts for its profiles' models. Called
 * on the thread that triggered the pull, once per progress line Ollama sends, in order.
 *
 * <pre>{@code
 * PullListener bar = (model, p) -> p.fraction().ifPresent(f -> ui.show(model, p.status(), f));
 * OllamaModels models = OllamaModels.builder(client)
 *     .pullStrategy(PullStrategy.WHEN_MISSING)
 *     .pullListener(bar)
 *     .build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe when several models may be pulled at once; an exception
 * thrown by a listener aborts that pull.
 */
@FunctionalInterface
public interface PullListener {

  /**
   * One line of progress.
   *
   * @param model the model being pulled
   * @param progress what Ollama reported
   */
  void onProgress(String model, Progress progress);

  /**
   * The listener {@link OllamaModels} uses unless given another: logs each new status at INFO and
   * byte counts at DEBUG, through SLF4J.
   *
   * @return the logging listener
   */
  static PullListener logging() {
    return new LoggingPullListener();
  }
}
