package dev.workflowengine.core.patterns;

import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.agent.MethodTools;
import java.util.List;
import java.util.Set;

/**
 * Turns the send tool given to {@link EmailTriage.Builder#sendTool(Object)} into an {@link
 * AgentTool} and checks it takes {@code to}, {@code subject} and {@code body}; also turns the
 * research tools into {@code AgentTool}s, so {@link Research} can record what each returned. The
 * triage calls its send tool itself (not through a model), so it needs the tool as an {@code
 * AgentTool}; {@link MethodTools} makes it, as it does for agents.
 */
final class EmailTriageTools {

  static final Set<String> SEND_PARAMETERS = Set.of("to", "subject", "body");

  private EmailTriageTools() {}

  /** The single send tool of an {@code AgentTool} or an object with one {@code @Tool} method. */
  static AgentTool sendTool(Object tool) {
    AgentTool sendTool = tool instanceof AgentTool agentTool ? agentTool : fromMethod(tool);
    var parameters = sendTool.specification().parameters();
    Set<String> names = parameters == null ? Set.of() : parameters.properties().keySet();
    if (!names.containsAll(SEND_PARAMETERS)) {
      throw new IllegalArgumentException(
          "the send tool '"
              + sendTool.name()
              + "' must take parameters to, subject and body but takes "
              + names);
    }
    return sendTool;
  }

  private static AgentTool fromMethod(Object toolObject) {
    List<AgentTool> tools = fromMethods(toolObject);
    if (tools.size() != 1) {
      throw new IllegalArgumentException(
          toolObject.getClass().getName()
              + " has "
              + tools.size()
              + " public @Tool methods; the send tool must have exactly one, or pass an"
              + " AgentTool");
    }
    return tools.get(0);
  }

  /** Every public {@code @Tool} method of an object as a tool; none is fine here. */
  static List<AgentTool> fromMethods(Object toolObject) {
    return MethodTools.of(toolObject);
  }
}
