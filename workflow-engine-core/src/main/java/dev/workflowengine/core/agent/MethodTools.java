package dev.workflowengine.core.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
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

/**
 * Turns objects with LangChain4j {@link Tool @Tool} methods into {@link AgentTool}s: the
 * specification comes from {@link ToolSpecifications#toolSpecificationFrom(Method)}, the call is a
 * reflective invocation with each JSON argument converted to its parameter's type.
 *
 * <p>Why not LangChain4j's {@code DefaultToolExecutor}: it lives in the {@code langchain4j}
 * artifact, which brings opennlp-tools and the AI-services machinery into core, whose dependencies
 * DESIGN.md limits to {@code langchain4j-core}. Parameters are named as {@code ToolSpecifications}
 * names them ({@code @P(name)} or the compiled parameter name), so the two always agree.
 * Thread-safe when the tool objects are.
 */
public final class MethodTools {

  // Models often send one value where a tool takes a list ("attendees": "a@example.com"); taking it
  // as a one-element list serves the model's evident meaning instead of failing the call.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .findAndAddModules()
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .build();

  private MethodTools() {}

  /**
   * Every public {@code @Tool} method of an object as a tool, each calling that method on it.
   *
   * <pre>{@code
   * List<AgentTool> tools = MethodTools.of(new CalendarTools(calendar));
   * }</pre>
   *
   * @param toolObject the object whose methods are called
   * @return its tools, in the order reflection lists the methods; empty when it has none
   */
  public static List<AgentTool> of(Object toolObject) {
    List<AgentTool> tools = new ArrayList<>();
    for (Method method : toolObject.getClass().getMethods()) {
      if (method.isAnnotationPresent(Tool.class)) {
        tools.add(new MethodTool(toolObject, method));
      }
    }
    return tools;
  }

  /** The tools of an object that must have some. */
  static List<AgentTool> from(Object toolObject) {
    List<AgentTool> tools = of(toolObject);
    if (tools.isEmpty()) {
      throw new IllegalArgumentException(
          toolObject.getClass().getName()
              + " has no public method annotated with @Tool; annotate the methods the model may"
              + " call or pass an AgentTool");
    }
    return tools;
  }

  private static String parameterName(Parameter parameter) {
    P p = parameter.getAnnotation(P.class);
    return p != null && !p.name().isBlank() ? p.name() : parameter.getName();
  }

  /** One {@code @Tool} method of one object. */
  private static final class MethodTool implements AgentTool {
    private final Object target;
    private final Method method;
    private final ToolSpecification specification;

    MethodTool(Object target, Method method) {
      this.target = target;
      this.method = method;
      // A public method of a non-public class (common for tools defined beside their use) is
      // still refused by Method.invoke without this.
      method.trySetAccessible();
      this.specification = ToolSpecifications.toolSpecificationFrom(method);
    }

    @Override
    public ToolSpecification specification() {
      return specification;
    }

    @Override
    public Object execute(Map<String, Object> arguments) throws Exception {
      Parameter[] parameters = method.getParameters();
      Object[] values = new Object[parameters.length];
      for (int i = 0; i < parameters.length; i++) {
        Object raw = arguments.get(parameterName(parameters[i]));
        JavaType type = MAPPER.getTypeFactory().constructType(parameters[i].getParameterizedType());
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

    @Override
    public String toString() {
      return "AgentTool[" + specification.name() + "]";
    }
  }
}
