package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

/**
 * What the manager of an {@link ExpertGroup} decided after a round: let an expert speak, or
 * conclude the discussion. Every decision is appended to the state key {@link
 * ExpertGroup#DECISIONS}.
 *
 * <pre>{@code
 * for (ManagerDecision d : result.state().getList(ExpertGroup.DECISIONS, ManagerDecision.class)) {
 *   System.out.println(d.conclude() ? "conclude" : d.expert() + ": " + d.reason());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param conclude whether the manager ended the discussion
 * @param expert the expert who speaks next; empty when concluding
 * @param reason why, in the manager's words (or the rule's, when {@code byRule})
 * @param byRule whether the manager's answers named no known expert even when asked again, so the
 *     expert was picked by rule: the one with the fewest turns, the first declared among equals
 */
public record ManagerDecision(boolean conclude, String expert, String reason, boolean byRule) {

  /** Checks that a decision either concludes or names an expert. */
  public ManagerDecision {
    requireNonNull(expert, "expert");
    requireNonNull(reason, "reason");
    if (conclude == !expert.isEmpty()) {
      throw new IllegalArgumentException(
          "a decision either concludes or names an expert, not both or neither: conclude="
              + conclude
              + ", expert='"
              + expert
              + "'");
    }
  }

  static ManagerDecision concluded(String reason) {
    return new ManagerDecision(true, "", reason, false);
  }

  static ManagerDecision speak(String expert, String reason) {
    return new ManagerDecision(false, expert, reason, false);
  }
}
