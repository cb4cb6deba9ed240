package dev.workflowengine.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.core.AgentFactory;
import dev.workflowengine.core.AgentNode;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.NodeAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent factory a {@link Catalog} uses unless given another: builds an {@link Agent} from an
 * agent declared in a definition. The model comes from the catalog by name (the catalog's {@code
 * default} when the declaration names none), the tools by name, the system prompt as written; the
 * node gives the task and the output key. The declaration's {@code config} may set {@code
 * maxToolRounds} and {@code memoryWindow} (positive integers); anything else there is refused, so a
 * typo does not pass silently.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.builder().defaultModel(model).tool(search).build(); // uses this
 * Workflow workflow = Workflows.compile(definition, catalog);
 * }</pre>
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class StandardAgentFactory implements AgentFactory {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private static final StandardAgentFactory INSTANCE = new StandardAgentFactory();

  private static final Set<String> SETTINGS =
      Set.of("maxToolRounds", "memoryWindow", "outputSchema");

  private StandardAgentFactory() {}

  /**
   * The factory.
   *
   * @return the one instance
   */
  public static AgentFactory instance() {
    return INSTANCE;
  }

  @Override
  public NodeAction create(AgentDefinition agent, AgentNode node, Catalog catalog) {
    List<ValidationProblem> problems = new ArrayList<>();
    String modelName = agent.model().isEmpty() ? Catalog.DEFAULT_MODEL : agent.model();
    Optional<ChatModel> model = catalog.model(modelName);
    if (model.isEmpty()) {
      problems.add(
          new ValidationProblem(
              "model",
              "unknown model '" + modelName + "'; the catalog has " + catalog.modelNames()));
    }
    List<AgentTool> tools = new ArrayList<>();
    for (String name : agent.tools()) {
      catalog
          .tool(name)
          .ifPresentOrElse(
              tools::add,
              () ->
                  problems.add(
                      new ValidationProblem(
                          "tools",
                          "unknown tool '" + name + "'; the catalog has " + catalog.toolNames())));
    }
    Integer maxToolRounds = positive(agent.config(), "maxToolRounds", problems);
    Integer memoryWindow = positive(agent.config(), "memoryWindow", problems);
    JsonRawSchema outputSchema = schema(agent.config().get("outputSchema"), problems);
    Set<String> unknown = new TreeSet<>(agent.config().keySet());
    unknown.removeAll(SETTINGS);
    if (!unknown.isEmpty()) {
      problems.add(
          new ValidationProblem(
              "config", "unknown settings " + unknown + "; an agent's config may set " + SETTINGS));
    }
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException("agent '" + agent.id() + "'", problems);
    }
    Agent.Builder builder =
        Agent.builder(agent.id()).model(model.get()).outputKey(node.outputKey());
    if (!agent.systemPrompt().isEmpty()) {
      builder.systemPrompt(agent.systemPrompt());
    }
    node.prompt().ifPresent(builder::prompt);
    tools.forEach(builder::tool);
    if (maxToolRounds != null) {
      builder.maxToolRounds(maxToolRounds);
    }
    if (memoryWindow != null) {
      builder.memoryWindow(memoryWindow);
    }
    if (outputSchema == null) {
      return builder.build();
    }
    builder.outputSchema(outputSchema);
    try {
      return builder.build();
    } catch (RuntimeException unusableSchema) {
      // the validator compiles the schema when the agent is built
      throw new WorkflowValidationException(
          "agent '" + agent.id() + "'",
          "config.outputSchema",
          "not a usable JSON Schema: " + unusableSchema.getMessage());
    }
  }

  private static Integer positive(
      Map<String, Object> config, String key, List<ValidationProblem> problems) {
    Object value = config.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer number && number > 0) {
      return number;
    }
    if (value instanceof Long number && number > 0 && number <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    problems.add(
        new ValidationProblem("config." + key, key + " must be a positive integer, was " + value));
    return null;
  }

  private static JsonRawSchema schema(Object value, List<ValidationProblem> problems) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      problems.add(
          new ValidationProblem(
              "config.outputSchema", "outputSchema must be a non-empty JSON Schema object"));
      return null;
    }
    try {
      return JsonRawSchema.from(JSON.writeValueAsString(map));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON value could not be written as JSON", e);
    }
  }

  @Override
  public String toString() {
    return "StandardAgentFactory";
  }
}
