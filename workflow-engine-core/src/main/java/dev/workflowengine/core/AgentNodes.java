package dev.workflowengine.core;

import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code agent} nodes and the agents a definition declares. An agent named in a node is looked up
 * first among the definition's agents, which the catalog's agent factory turns into actions, then
 * among the catalog's own agents.
 */
final class AgentNodes {

  private static final Set<String> SETTINGS = Set.of("agent", "prompt", "output");

  private AgentNodes() {}

  /**
   * Checks the declared agents: unique ids, models and tools the catalog has, system prompts that
   * are well-formed templates.
   */
  static void checkDeclarations(DefinitionContext context) {
    Set<String> seen = new LinkedHashSet<>();
    var agents = context.definition.agents();
    for (int i = 0; i < agents.size(); i++) {
      AgentDefinition agent = agents.get(i);
      String location = "agents[" + i + "]";
      if (!seen.add(agent.id())) {
        context.problem(location + ".id", "duplicate agent id '" + agent.id() + "'");
      }
      String model = agent.model().isEmpty() ? Catalog.DEFAULT_MODEL : agent.model();
      if (context.catalog.model(model).isEmpty()) {
        context.problem(
            location + ".model",
            "unknown model '"
                + model
                + "'"
                + Suggestions.hint(model, context.catalog.modelNames())
                + "; the catalog has "
                + context.catalog.modelNames());
      }
      if (!agent.systemPrompt().isEmpty()) {
        context.template(location + ".systemPrompt", agent.systemPrompt());
      }
      for (int t = 0; t < agent.tools().size(); t++) {
        String tool = agent.tools().get(t);
        if (context.catalog.tool(tool).isEmpty()) {
          context.problem(
              location + ".tools[" + t + "]",
              "unknown tool '"
                  + tool
                  + "'"
                  + Suggestions.hint(tool, context.catalog.toolNames())
                  + "; the catalog has "
                  + context.catalog.toolNames());
        }
      }
    }
  }

  static NodeAction compile(NodeDefinition node, String location, DefinitionContext context) {
    ConfigReader config = context.config(node.config(), location + ".config");
    config.allowOnly("agent", SETTINGS);
    Optional<String> name = config.requiredString("agent");
    if (name.isEmpty()) {
      return null;
    }
    Optional<AgentDefinition> declared = context.definition.agent(name.get());
    context.calls(
        node.id(),
        declared
            .map(
                agent ->
                    "model:" + (agent.model().isEmpty() ? Catalog.DEFAULT_MODEL : agent.model()))
            .orElse("agent:" + name.get()));
    if (declared.isPresent()) {
      return fromDeclaration(node, declared.get(), config, context);
    }
    Optional<NodeAction> registered = context.catalog.agent(name.get());
    if (registered.isEmpty()) {
      Set<String> known = new LinkedHashSet<>(context.catalog.agentNames());
      context.definition.agents().forEach(agent -> known.add(agent.id()));
      config.problem(
          "agent",
          "unknown agent '"
              + name.get()
              + "'"
              + Suggestions.hint(name.get(), known)
              + "; declare it in the definition's agents or register it in the catalog; known: "
              + known);
      return null;
    }
    for (String setting : List.of("prompt", "output")) {
      if (node.config().containsKey(setting)) {
        config.problem(
            setting,
            "agent '"
                + name.get()
                + "' comes from the catalog and decides its own "
                + setting
                + "; remove the setting or declare the agent in the definition");
      }
    }
    context.writesUnknownKeys();
    return registered.get();
  }

  private static NodeAction fromDeclaration(
      NodeDefinition node, AgentDefinition agent, ConfigReader config, DefinitionContext context) {
    Optional<Template> prompt =
        config
            .optionalString("prompt")
            .flatMap(p -> context.template(config.location("prompt"), p));
    String output = config.optionalString("output").orElse(node.id());
    context.writes(output);
    if (hasProblems(agent, context)) {
      // Already reported at the declaration; a factory asked to build it would only report the same
      // problems again at the node. The definition does not compile, so this action never runs.
      return state -> {
        throw new IllegalStateException("agent '" + agent.id() + "' was declared with problems");
      };
    }
    Optional<Function<WorkflowState, String>> renderer = prompt.map(t -> t::render);
    try {
      NodeAction action =
          context
              .catalog
              .agentFactory()
              .create(agent, new AgentNode(node.id(), renderer, output), context.catalog);
      if (action == null) {
        config.problem(
            "agent", "the catalog's agent factory built nothing for agent '" + agent.id() + "'");
      }
      return action;
    } catch (WorkflowValidationException e) {
      e.problems()
          .forEach(
              p ->
                  context.problem(
                      config.location("agent") + " (" + p.location() + ")", p.message()));
      return null;
    }
  }

  private static boolean hasProblems(AgentDefinition agent, DefinitionContext context) {
    var agents = context.definition.agents();
    for (int i = 0; i < agents.size(); i++) {
      if (agents.get(i) == agent) {
        String prefix = "agents[" + i + "].";
        return context.problems().stream().anyMatch(p -> p.location().startsWith(prefix));
      }
    }
    return false;
  }
}
