package dev.workflowengine.ollama;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a model is pulled from the registry before a profile first uses it. Applied once per
 * model and client by {@link OllamaModels}, or on demand with {@link OllamaModels#ensureModel}.
 *
 * <pre>{@code
 * OllamaModels models = OllamaModels.builder(client)
 *     .pullStrategy(PullStrategy.WHEN_MISSING)
 *     .pullListener((model, progress) -> log.info("{}: {}", model, progress.status()))
 *     .build();
 * }</pre>
 *
 * <p>In a profiles file it is the top-level {@code "pull"} key: {@code "never"}, {@code
 * "when_missing"} or {@code "always"}. Immutable and thread-safe.
 */
public enum PullStrategy {

  /**
   * Never pull: a missing model fails at first use with Ollama's 404, which the client reports as a
   * {@code ModelNotFoundException} naming {@code ollama pull <model>}. The default, because a pull
   * can download gigabytes and nobody should meet that as a side effect.
   */
  NEVER,

  /** Pull when the server does not have the model yet; asks {@code /api/show} first. */
  WHEN_MISSING,

  /**
   * Pull every time, once per model and client: brings a moving tag such as {@code llama3.2} up to
   * date. Pulling a model that is current costs only the manifest.
   */
  ALWAYS;

  /**
   * The strategy for its name in a profiles file: {@code never}, {@code when_missing} or {@code
   * always}, in any case, with {@code -} accepted for {@code _}.
   *
   * @param name the name
   * @return the strategy
   * @throws IllegalArgumentException if the name is none of them; the message lists them
   */
  public static PullStrategy fromName(String name) {
    requireNonNull(name, "name");
    String normalised = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (PullStrategy strategy : values()) {
      if (strategy.name().equals(normalised)) {
        return strategy;
      }
    }
    throw new IllegalArgumentException(
        "unknown pull strategy '" + name + "'; use one of " + names());
  }

  /**
   * The strategy's name as written in a profiles file.
   *
   * @return for example {@code when_missing}
   */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String names() {
    return Arrays.stream(values()).map(PullStrategy::jsonName).collect(Collectors.joining(", "));
  }
}
