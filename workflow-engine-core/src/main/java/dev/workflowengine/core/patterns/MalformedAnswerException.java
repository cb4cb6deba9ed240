package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.WorkflowException;
import java.util.List;

/**
 * A model's answer was not the structure asked for, even after it was sent back once with the
 * problems found. Retriable: a model samples, and another try may well succeed.
 *
 * <pre>{@code
 * catch (WorkflowExecutionException e) {
 *   if (e.getCause() instanceof MalformedAnswerException bad) {
 *     log.warn("summary unusable: {} in {}", bad.problems(), bad.answer());
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public class MalformedAnswerException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems; // List.copyOf: serializable
  private final String answer;

  MalformedAnswerException(String what, List<String> problems, String answer) {
    super(
        what
            + " was not valid after one repair request: "
            + String.join("; ", problems)
            + ". Try a larger model, or one that supports JSON-schema output");
    this.problems = List.copyOf(problems);
    this.answer = requireNonNull(answer, "answer");
  }

  /**
   * What was wrong with the last answer.
   *
   * @return the problems, at least one
   */
  public List<String> problems() {
    return problems;
  }

  /**
   * The model's last answer, as it came.
   *
   * @return the answer
   */
  public String answer() {
    return answer;
  }

  @Override
  public boolean isRetriable() {
    return true;
  }
}
