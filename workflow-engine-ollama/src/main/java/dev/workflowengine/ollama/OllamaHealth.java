package dev.workflowengine.ollama;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether Ollama answers and what it has, from {@link OllamaClient#health()}. Never an exception:
 * an unreachable server is {@code reachable == false} with the reason in {@link #problem()}.
 * Immutable.
 *
 * <pre>{@code
 * OllamaHealth health = client.health();
 * if (!health.reachable()) {
 *   log.warn("Ollama is down: {}", health.problem().orElse("?"));
 * } else if (!health.models().contains("llama3.2:latest")) {
 *   client.pull("llama3.2").last();
 * }
 * }</pre>
 *
 * @param reachable whether Ollama answered at all
 * @param version Ollama's version, when it answered
 * @param models the names of the local models, when it could list them
 * @param problem what went wrong, when something did
 */
public record OllamaHealth(
    boolean reachable, Optional<String> version, List<String> models, Optional<String> problem) {

  /** Validates the components. */
  public OllamaHealth {
    version = Objects.requireNonNullElse(version, Optional.empty());
    models = Checks.listOrEmpty(models, "models");
    problem = Objects.requireNonNullElse(problem, Optional.empty());
  }

  /**
   * Whether Ollama answered and reported no problem.
   *
   * @return {@code true} when healthy
   */
  public boolean healthy() {
    return reachable && problem.isEmpty();
  }

  /**
   * How many local models there are.
   *
   * @return the number of {@link #models()}
   */
  public int modelCount() {
    return models.size();
  }
}
