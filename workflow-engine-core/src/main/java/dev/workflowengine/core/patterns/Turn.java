package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

/**
 * One contribution to an {@link ExpertGroup} discussion: who spoke and what they said. The
 * discussion's transcript is a list of turns in the state key {@link ExpertGroup#TRANSCRIPT}.
 *
 * <pre>{@code
 * List<Turn> transcript = result.state().getList(ExpertGroup.TRANSCRIPT, Turn.class);
 * transcript.forEach(turn -> System.out.println(turn.speaker() + ": " + turn.text()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param speaker the expert's name
 * @param text what the expert said
 */
public record Turn(String speaker, String text) {

  /** Checks that both parts are present. */
  public Turn {
    requireNonNull(speaker, "speaker");
    requireNonNull(text, "text");
  }
}
