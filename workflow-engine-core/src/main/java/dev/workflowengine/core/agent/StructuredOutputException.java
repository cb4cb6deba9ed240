package dev.workflowengine.core.agent;

import dev.workflowengine.api.WorkflowException;
import java.util.List;

/**
 * An agent asked for JSON matching its output schema, sent one repair request with the validation
 * errors, and still got no valid answer. Carries the errors and the last raw answer so the caller
 * can see what the model wrote.
 *
 * <pre>{@code
 * catch (StructuredOutputException e) {
 *   log.warn("{} answered {} ({})", e.agentName(), e.rawAnswer(), e.errors());
 * }
 * }</pre>
 *
 * <p>Immutable; not retriable by default: the same prompt tends to produce the same mistake.
 */
public final class StructuredOutputException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String agentName;
  private final List<String> errors;
  private final String rawAnswer;

  StructuredOutputException(String agentName, List<String> errors, String rawAnswer) {
    super(
        "agent '"
            + agentName
            + "' got no valid JSON for its output schema after one repair request: "
            + String.join("; ", errors)
            + "; the last answer was: "
            + preview(rawAnswer)
            + "; simplify the schema or describe it in the prompt");
    this.agentName = agentName;
    this.errors = List.copyOf(errors);
    this.rawAnswer = rawAnswer;
  }

  private static String preview(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }

  /**
   * The agent.
   *
   * @return its name
   */
  public String agentName() {
    return agentName;
  }

  /**
   * What was wrong with the last answer.
   *
   * @return the validation errors
   */
  public List<String> errors() {
    return errors;
  }

  /**
   * The model's last answer, as it came.
   *
   * @return the raw text
   */
  public String rawAnswer() {
    return rawAnswer;
  }
}
