package dev.workflowengine.core;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.workflowengine.api.definition.NodeDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code tool} node: calls a catalog tool with arguments from the state and writes its result. An
 * argument that is exactly one placeholder passes the value itself; any other string is rendered as
 * text; other JSON values pass as they are.
 */
final class ToolNode implements NodeAction {

  private static final Set<String> SETTINGS = Set.of("tool", "arguments", "output");

  private final AgentTool tool;
  private final Map<String, Object> arguments; // Template or literal JSON value
  private final String output;

  private ToolNode(AgentTool tool, Map<String, Object> arguments, String output) {
    this.tool = tool;
    this.arguments = arguments;
    this.output = output;
  }

  static NodeAction compile(NodeDefinition node, String location, DefinitionContext context) {
    ConfigReader config = context.config(node.config(), location + ".config");
    config.allowOnly("tool", SETTINGS);
    Optional<String> toolName = config.requiredString("tool");
    toolName.ifPresent(name -> context.calls(node.id(), "tool:" + name));
    Optional<AgentTool> tool = toolName.flatMap(name -> resolve(name, config, context.catalog));
    Map<String, Object> arguments = new LinkedHashMap<>();
    Map<String, Object> given = config.objectMap("arguments");
    given.forEach(
        (name, value) -> {
          String argLocation = config.location("arguments." + name);
          if (value instanceof String text) {
            context.template(argLocation, text).ifPresent(t -> arguments.put(name, t));
          } else {
            arguments.put(name, value);
          }
        });
    tool.ifPresent(t -> checkArguments(t, given.keySet(), config));
    String output = config.optionalString("output").orElse(node.id());
    context.writes(output);
    return tool.map(t -> new ToolNode(t, arguments, output)).orElse(null);
  }

  private static Optional<AgentTool> resolve(String name, ConfigReader config, Catalog catalog) {
    Optional<AgentTool> tool = catalog.tool(name);
    if (tool.isEmpty()) {
      config.problem(
          "tool",
          "unknown tool '"
              + name
              + "'"
              + Suggestions.hint(name, catalog.toolNames())
              + "; the catalog has "
              + catalog.toolNames());
    }
    return tool;
  }

  private static void checkArguments(AgentTool tool, Set<String> given, ConfigReader config) {
    JsonObjectSchema parameters = tool.specification().parameters();
    if (parameters == null) {
      if (!given.isEmpty()) {
        config.problem("arguments", "tool '" + tool.name() + "' takes no arguments");
      }
      return;
    }
    for (String required :
        parameters.required() == null ? List.<String>of() : parameters.required()) {
      if (!given.contains(required)) {
        config.problem(
            "arguments", "tool '" + tool.name() + "' requires argument '" + required + "'");
      }
    }
    Set<String> known =
        parameters.properties() == null ? Set.of() : parameters.properties().keySet();
    for (String name : given) {
      if (!known.contains(name)) {
        config.problem(
            "arguments." + name,
            "tool '"
                + tool.name()
                + "' has no argument '"
                + name
                + "'"
                + Suggestions.hint(name, known)
                + "; it takes "
                + known);
      }
    }
  }

  @Override
  public Map<String, Object> apply(WorkflowState state) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    arguments.forEach(
        (name, argument) ->
            values.put(name, argument instanceof Template t ? t.renderValue(state) : argument));
    Object result = tool.execute(values);
    return result == null ? Map.of() : Map.of(output, result);
  }
}
