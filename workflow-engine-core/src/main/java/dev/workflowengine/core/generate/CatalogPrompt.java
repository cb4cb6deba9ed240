package dev.workflowengine.core.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the generator says to the model: a system prompt naming only what the catalog holds,
 * and the message that sends an invalid answer's problems back. Naming nothing else matters more
 * than any rule: a model invents tools and agents it was never told about, and every invented name
 * costs an attempt.
 */
final class CatalogPrompt {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What each node type does and its config, in the order types are listed. */
  private static final Map<String, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put(
        NodeTypes.LLM,
        "one chat-model call. config: prompt (required template), system (template), model (a"
            + " model name below; default \"default\"), output (state key; default the node id)");
    TYPES.put(
        NodeTypes.AGENT,
        "runs an agent with tools. config: agent (required: an agent below), output");
    TYPES.put(
        NodeTypes.TOOL,
        "calls one tool below. config: tool (required), arguments (object; a string is a template,"
            + " exactly \"{{key}}\" passes the state value itself), output");
    TYPES.put(
        NodeTypes.HUMAN,
        "pauses until a person answers. config: prompt (template), input (key to type: string,"
            + " boolean, integer, number, object or array), timeout (ISO-8601 such as \"PT24H\")");
    TYPES.put(
        NodeTypes.SUBWORKFLOW,
        "runs a workflow below as one step. config: workflow (required id), input (child key to"
            + " parent key), output (parent key to child key)");
    TYPES.put(
        NodeTypes.TRANSFORM,
        "computes state values, no model or tool. config: set (required: state key to CEL"
            + " expression over state, e.g. {\"round\": \"has(state.round) ? state.round + 1 : 1\"})");
  }

  /** The agent node's description when definitions may declare their own agents. */
  private static final String DECLARED_AGENT =
      "runs an agent with tools. config: agent (required: an agent below or the id of an agent"
          + " declared in \"agents\"), prompt (template, declared agents only), output";

  private CatalogPrompt() {}

  /**
   * Whether agents declared in a definition can be built: the catalog's agent factory (the standard
   * one unless another was set) needs a model for them.
   */
  private static boolean declaredAgents(Catalog catalog) {
    return !catalog.modelNames().isEmpty();
  }

  /**
   * The node types a definition compiled against the catalog can use.
   *
   * @param catalog the catalog
   * @return the types, in {@link #TYPES} order
   */
  static List<String> nodeTypes(Catalog catalog) {
    boolean models = !catalog.modelNames().isEmpty();
    boolean declaredAgents = declaredAgents(catalog);
    return TYPES.keySet().stream()
        .filter(
            type ->
                switch (type) {
                  case NodeTypes.LLM -> models;
                  case NodeTypes.AGENT -> declaredAgents || !catalog.agentNames().isEmpty();
                  case NodeTypes.TOOL -> !catalog.toolNames().isEmpty();
                  case NodeTypes.SUBWORKFLOW -> !catalog.workflowIds().isEmpty();
                  default -> true;
                })
        .toList();
  }

  /**
   * The system prompt: the task, the rules the schema cannot say, and the catalog's names.
   *
   * @param catalog the catalog
   * @return the prompt
   */
  static String system(Catalog catalog) {
    StringBuilder text =
        new StringBuilder(
            """
            You design workflows for a workflow engine. Answer with exactly one JSON object: a \
            workflow definition matching the given JSON schema. No prose, no Markdown.

            Rules:
            - "id": lowercase words joined by '-'. "startNode" names the node that runs first.
            - Every node has at least one outgoing edge; every path reaches "__end__" (edge \
            {"from": "<node>", "to": "__end__"}). A loop needs a conditional edge that leaves it.
            - Conditional edges have "when": a CEL expression over state, such as \
            state.category == 'urgent'. They are tried in order; a node may add one \
            unconditional edge as the fallback when none holds.
            - Templates insert state values with {{key}}. Declare the keys the input provides in \
            "state", e.g. {"ticket": {"required": true}}.
            - Use only the node types and names listed below; nothing else exists.

            Node types:
            """);
    boolean declaredAgents = declaredAgents(catalog);
    for (String type : nodeTypes(catalog)) {
      String description =
          type.equals(NodeTypes.AGENT) && declaredAgents ? DECLARED_AGENT : TYPES.get(type);
      text.append("- ").append(type).append(": ").append(description).append('\n');
    }
    section(text, "Models", catalog.modelNames(), name -> "");
    section(text, "Agents", catalog.agentNames(), name -> "");
    section(text, "Tools", catalog.toolNames(), name -> tool(catalog.tool(name).orElseThrow()));
    section(
        text,
        "Workflows",
        catalog.workflowIds(),
        id -> catalog.workflow(id).map(Workflow::description).orElse(""));
    if (declaredAgents) {
      text.append(
          "\nAgents may also be declared in \"agents\" (id, systemPrompt, model, tools), using"
              + " only the models and tools above.\n");
    }
    return text.toString();
  }

  /**
   * The message that sends an answer's problems back.
   *
   * @param problems what was wrong, with locations
   * @return the message
   */
  static String repair(List<ValidationProblem> problems) {
    StringBuilder text =
        new StringBuilder("That definition is invalid. Fix every problem below:\n");
    problems.forEach(p -> text.append("- ").append(p).append('\n'));
    return text.append("Answer with the whole corrected definition as one JSON object only.")
        .toString();
  }

  private interface Describer {
    String describe(String name);
  }

  private static void section(
      StringBuilder text, String title, Set<String> names, Describer describer) {
    if (names.isEmpty()) {
      return;
    }
    text.append('\n').append(title).append(":\n");
    for (String name : names) {
      String description = describer.describe(name);
      text.append("- ").append(name);
      if (!description.isBlank()) {
        text.append(": ").append(description.strip());
      }
      text.append('\n');
    }
  }

  private static String tool(AgentTool tool) {
    ToolSpecification spec = tool.specification();
    String description = spec.description() == null ? "" : spec.description().strip();
    if (spec.parameters() == null) {
      return description;
    }
    try {
      String parameters = JSON.writeValueAsString(JsonSchemaElementUtils.toMap(spec.parameters()));
      return (description.isEmpty() ? "" : description + " ") + "Arguments: " + parameters;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tool '" + tool.name() + "' has unwritable parameters", e);
    }
  }
}
