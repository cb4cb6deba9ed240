package dev.workflowengine.api;

import java.util.List;

/**
 * A language model did not write a valid workflow definition within the allowed attempts. Its
 * {@link #problems()} are every attempt's problems in order; {@link #attempts()} groups them by
 * attempt with the answers that caused them. Rephrase the request, allow more attempts, use a
 * larger model, or give the catalog what the request needs.
 *
 * <pre>{@code
 * try {
 *   generator.generate("Triage support tickets");
 * } catch (WorkflowGenerationException e) {
 *   e.attempts().forEach(a -> log.warn("attempt {}: {}", a.number(), a.problems()));
 * }
 * }</pre>
 *
 * <p>Immutable once created, so safe to share between threads.
 */
public class WorkflowGenerationException extends WorkflowValidationException {

  private static final long serialVersionUID = 1L;

  private final transient List<GenerationAttempt> attempts;

  /**
   * Creates an exception for attempts that all failed.
   *
   * @param subject what was asked for, for example {@code the workflow generated for 'triage'}
   * @param attempts every attempt, each with at least one problem
   */
  public WorkflowGenerationException(String subject, List<GenerationAttempt> attempts) {
    super(subject, attempts.stream().flatMap(a -> a.problems().stream()).toList());
    this.attempts = List.copyOf(attempts);
  }

  /**
   * Every attempt, in order, with the model's answer and its problems.
   *
   * @return the attempts; never empty
   */
  public List<GenerationAttempt> attempts() {
    return attempts;
  }
}
