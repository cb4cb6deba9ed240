package dev.workflowengine.core.patterns;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.workflowengine.core.AgentTool;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the send tool given to {@link EmailTriage.Builder#sendTool(Object)} into an {@link
 * AgentTool} and checks it takes {@code to}, {@code subject} and {@code body}; also turns the
 * research tools into {@code AgentTool}s, so {@link Research} can record what each returned.
 *
 * <p>Why a copy of the agent package's method-tool adapter: that one is package-private there, and
 * the triage calls its send tool itself (not through a model), so it needs the tool as an {@code
 * AgentTool} without opening the agent package's internals.
 */
final class EmailTriageTools {

  static final Set<String> SEND_PARAMETERS = Set.of("to", "subject", "body");

  private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

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
    List<AgentTool> tools = new ArrayList<>();
    for (Method method : toolObject.getClass().getMethods()) {
      if (method.isAnnotationPresent(Tool.class)) {
        // A public method of a non-public class is refused by Method.invoke without this.
        method.trySetAccessible();
        ToolSpecification specification = ToolSpecifications.toolSpecificationFrom(method);
        tools.add(AgentTool.of(specification, arguments -> invoke(toolObject, method, arguments)));
      }
    }
    return tools;
  }

  private static Object invoke(Object target, Method method, Map<String, Object> arguments)
      throws Exception {
    Parameter[] parameters = method.getParameters();
    Object[] values = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      P p = parameters[i].getAnnotation(P.class);
      String name = p != null && !p.name().isBlank() ? p.name() : parameters[i].getName();
      JavaType type = MAPPER.getTypeFactory().constructType(parameters[i].getParameterizedType());
      Object raw = arguments.get(name);
      values[i] = raw == null && !type.isPrimitive() ? null : MAPPER.convertValue(raw, type);
    }
    try {
      Object result = method.invoke(target, values);
      return method.getReturnType() == void.class ? "Success" : result;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception exception ? exception : new RuntimeException(cause);
    }
  }
}
