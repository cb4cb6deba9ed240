package dev.workflowengine.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One answer a language model gave when asked to write a workflow definition, and what was wrong
 * with it.
 *
 * <pre>{@code
 * for (GenerationAttempt attempt : generated.attempts()) {
 *   log.info("attempt {}: {} problem(s)", attempt.number(), attempt.problems().size());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the attempt's number, from 1
 * @param answer the model's answer exactly as it came, prose and code fences included
 * @param problems why the answer was refused, each with its location; empty for the accepted one
 */
public record GenerationAttempt(int number, String answer, List<ValidationProblem> problems) {

  /** Validates the components. */
  public GenerationAttempt {
    if (number < 1) {
      throw new IllegalArgumentException("number must be >= 1 but was " + number);
    }
    requireNonNull(answer, "answer");
    problems = List.copyOf(requireNonNull(problems, "problems"));
  }

  /**
   * Whether this answer became the definition.
   *
   * @return {@code true} if it had no problems
   */
  public boolean accepted() {
    return problems.isEmpty();
  }
}
