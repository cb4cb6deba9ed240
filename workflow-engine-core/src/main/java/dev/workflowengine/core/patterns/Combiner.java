package dev.workflowengine.core.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Combines chunk analyses into one. When they do not fit in one request's budget together, they are
 * combined in rounds: consecutive analyses are grouped within the budget (at least two a group, so
 * every round shrinks the list), each group is combined, and the results are combined again, until
 * one is left. A document of n chunks thus needs about log(n) rounds, never a request that holds
 * every analysis at once.
 */
final class Combiner {

  /** Analyses of parts {@code first} to {@code last} (1-based), or of one part. */
  private record Piece(int first, int last, String text) {
    String entry() {
      return "Analysis of "
          + (first == last ? "part " + first : "parts " + first + "-" + last)
          + ":\n"
          + text;
    }
  }

  private final PromptTemplate prompt;
  private final int budget;

  Combiner(PromptTemplate prompt, int budget) {
    this.prompt = prompt;
    this.budget = budget;
  }

  /**
   * @param analyses the analyses of the chunks, in order; at least one
   * @param analysisType the run's analysis type, for the prompt
   * @param ask sends a prompt to the model and returns its answer
   */
  String combine(List<String> analyses, String analysisType, UnaryOperator<String> ask) {
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < analyses.size(); i++) {
      pieces.add(new Piece(i + 1, i + 1, analyses.get(i)));
    }
    while (pieces.size() > 1) {
      List<Piece> next = new ArrayList<>();
      for (List<Piece> group : groups(pieces)) {
        next.add(group.size() == 1 ? group.get(0) : combined(group, analysisType, ask));
      }
      pieces = next;
    }
    return pieces.get(0).text();
  }

  private List<List<Piece>> groups(List<Piece> pieces) {
    List<List<Piece>> groups = new ArrayList<>();
    List<Piece> group = new ArrayList<>();
    int size = 0;
    for (Piece piece : pieces) {
      int added = piece.entry().length() + 2;
      if (group.size() >= 2 && size + added > budget) {
        groups.add(group);
        group = new ArrayList<>();
        size = 0;
      }
      group.add(piece);
      size += added;
    }
    groups.add(group);
    return groups;
  }

  private Piece combined(List<Piece> group, String analysisType, UnaryOperator<String> ask) {
    List<String> entries = group.stream().map(Piece::entry).toList();
    String text =
        ask.apply(
            prompt.render(
                Map.of(
                    "analyses", String.join("\n\n", entries),
                    "count", String.valueOf(group.size()),
                    "analysis_type", analysisType)));
    return new Piece(group.get(0).first(), group.get(group.size() - 1).last(), text.strip());
  }
}
