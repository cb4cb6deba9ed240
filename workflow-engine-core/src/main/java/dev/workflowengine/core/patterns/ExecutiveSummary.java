package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The result of a {@link DocumentAnalysis}: a short summary, the key findings, the recommended
 * actions and how urgent they are. Written to the state key {@link DocumentAnalysis#SUMMARY}.
 *
 * <pre>{@code
 * ExecutiveSummary summary =
 *     result.state().get(DocumentAnalysis.SUMMARY, ExecutiveSummary.class);
 * if (summary.priority() == ExecutiveSummary.Priority.HIGH) {
 *   notifyOwner(summary.recommendations());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param summary the executive summary, a few sentences
 * @param keyFindings the key findings, at least one
 * @param recommendations the recommended actions, at least one
 * @param priority how urgently the recommendations should be acted on
 */
public record ExecutiveSummary(
    String summary, List<String> keyFindings, List<String> recommendations, Priority priority) {

  /** How urgently a document's recommendations should be acted on. */
  public enum Priority {
    /** Act now. */
    HIGH,
    /** Act soon. */
    MEDIUM,
    /** Act when convenient. */
    LOW
  }

  /** Checks that every part is present and copies the lists. */
  public ExecutiveSummary {
    requireNonNull(summary, "summary");
    keyFindings = List.copyOf(keyFindings);
    recommendations = List.copyOf(recommendations);
    requireNonNull(priority, "priority");
  }
}
