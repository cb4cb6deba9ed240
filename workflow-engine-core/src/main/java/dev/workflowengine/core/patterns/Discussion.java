package dev.workflowengine.core.patterns;

import dev.workflowengine.core.WorkflowState;
import java.util.List;

/** The expert group's state as its nodes read it, and the transcript as prompts show it. */
final class Discussion {

  private Discussion() {}

  static List<Turn> transcript(WorkflowState state) {
    return state.has(ExpertGroup.TRANSCRIPT)
        ? state.getList(ExpertGroup.TRANSCRIPT, Turn.class)
        : List.of();
  }

  /** The manager's latest decision; the manager always runs before it is read. */
  static ManagerDecision lastDecision(WorkflowState state) {
    List<ManagerDecision> decisions = state.getList(ExpertGroup.DECISIONS, ManagerDecision.class);
    return decisions.get(decisions.size() - 1);
  }

  static int rounds(WorkflowState state) {
    return state.getInt(ExpertGroup.ROUNDS, 0);
  }

  static String render(List<Turn> transcript) {
    if (transcript.isEmpty()) {
      return "(nobody has spoken yet)";
    }
    StringBuilder text = new StringBuilder();
    for (Turn turn : transcript) {
      text.append('[')
          .append(turn.speaker())
          .append("] ")
          .append(turn.text().strip())
          .append("\n\n");
    }
    return text.toString().strip();
  }
}
