package dev.workflowengine.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A workflow, a definition or an input is not valid. Carries every problem found, not just the
 * first, each with its location, so one round of fixes is enough.
 */
public class WorkflowValidationException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final transient List<ValidationProblem> problems;

  /**
   * Creates an exception listing the problems of one subject.
   *
   * @param subject what was validated, for example {@code workflow 'triage'}
   * @param problems every problem found; at least one
   */
  public WorkflowValidationException(String subject, List<ValidationProblem> problems) {
    super(format(subject, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates an exception for a single problem.
   *
   * @param subject what was validated
   * @param location where the problem is
   * @param message what is wrong and what to do
   */
  public WorkflowValidationException(String subject, String location, String message) {
    this(subject, List.of(new ValidationProblem(location, message)));
  }

  /**
   * Every problem found, in the order they were found.
   *
   * @return the problems; never empty
   */
  public List<ValidationProblem> problems() {
    return problems;
  }

  private static String format(String subject, List<ValidationProblem> problems) {
    String noun = problems.size() == 1 ? "problem" : "problems";
    return problems.stream()
        .map(p -> "  - " + p)
        .collect(
            Collectors.joining(
                "\n", subject + " is invalid (" + problems.size() + " " + noun + "):\n", ""));
  }
}
