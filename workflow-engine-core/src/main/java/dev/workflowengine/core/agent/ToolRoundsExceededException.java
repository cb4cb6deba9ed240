package dev.workflowengine.core.agent;

import dev.workflowengine.api.WorkflowException;

/**
 * An agent's model still asked for tools after the agent's cap on tool rounds: the agent stops
 * rather than loop for ever. Raise {@link Agent.Builder#maxToolRounds} if the task needs more
 * rounds, or tell the model in the system prompt to answer once it has what it needs.
 *
 * <pre>{@code
 * try {
 *   agent.apply(state);
 * } catch (ToolRoundsExceededException e) {
 *   log.warn("{} gave up after {} rounds", e.agentName(), e.maxToolRounds());
 * }
 * }</pre>
 *
 * <p>Immutable; not retriable: the same conversation would hit the cap again.
 */
public final class ToolRoundsExceededException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String agentName;
  private final int maxToolRounds;

  ToolRoundsExceededException(String agentName, int maxToolRounds) {
    super(
        "agent '"
            + agentName
            + "' reached its cap of "
            + maxToolRounds
            + " tool rounds and the model still asks for tools; raise maxToolRounds or tell the"
            + " model in the system prompt to answer once it has what it needs");
    this.agentName = agentName;
    this.maxToolRounds = maxToolRounds;
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
   * The cap that was reached.
   *
   * @return the number of tool rounds allowed
   */
  public int maxToolRounds() {
    return maxToolRounds;
  }
}
