package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.Map;

/**
 * A tool that agents and {@code tool} nodes can call: a LangChain4j {@link ToolSpecification}
 * (name, description, JSON-schema parameters) and the code that runs it.
 *
 * <pre>{@code
 * AgentTool weather = AgentTool.of(
 *     ToolSpecification.builder()
 *         .name("weather.today")
 *         .description("Today's weather in a city")
 *         .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
 *         .build(),
 *     arguments -> forecast(arguments.get("city").toString()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe: the same tool may run in many executions at once.
 */
public interface AgentTool {

  /**
   * What the tool is called, what it does and which arguments it takes.
   *
   * @return the specification
   */
  ToolSpecification specification();

  /**
   * Runs the tool.
   *
   * @param arguments the arguments by name, as JSON values
   * @return the result: a string, number, boolean, list, map or record
   * @throws Exception any failure
   */
  Object execute(Map<String, Object> arguments) throws Exception;

  /**
   * The tool's name.
   *
   * @return the specification's name
   */
  default String name() {
    return specification().name();
  }

  /**
   * A tool from a specification and a function.
   *
   * @param specification what the tool is
   * @param function what it does
   * @return the tool
   */
  static AgentTool of(ToolSpecification specification, Function function) {
    requireNonNull(specification, "specification");
    requireNonNull(function, "function");
    return new AgentTool() {
      @Override
      public ToolSpecification specification() {
        return specification;
      }

      @Override
      public Object execute(Map<String, Object> arguments) throws Exception {
        return function.apply(arguments);
      }

      @Override
      public String toString() {
        return "AgentTool[" + specification.name() + "]";
      }
    };
  }

  /** The code behind a tool. */
  @FunctionalInterface
  interface Function {

    /**
     * Runs the tool.
     *
     * @param arguments the arguments by name
     * @return the result
     * @throws Exception any failure
     */
    Object apply(Map<String, Object> arguments) throws Exception;
  }
}
