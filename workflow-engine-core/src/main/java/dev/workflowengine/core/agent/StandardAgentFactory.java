package dev.workflowengine.core.agent;

import dev.langchain4j.model.chat.ChatModel;
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

  private static final StandardAgentFactory INSTANCE = new StandardAgentFactory();

  private static final Set<String> SETTINGS = Set.of("maxToolRounds", "memoryWindow");

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
    return builder.build();
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

  @Override
  public String toString() {
    return "StandardAgentFactory";
  }
}
