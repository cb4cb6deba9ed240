package dev.workflowengine.spring;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.AgentFactory;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.agent.Agent;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Puts the catalog together from beans, in an order where the more specific source wins: provider
 * profiles, then chat model beans by bean name, then the single or primary chat model as {@code
 * default}, then tools, agents and the agent factory, and last the customizers.
 */
final class CatalogAssembler {

  private static final Logger log = LoggerFactory.getLogger(CatalogAssembler.class);

  private CatalogAssembler() {}

  static Catalog assemble(
      ObjectProvider<ProfileChatModels> profiles,
      Map<String, ChatModel> chatModels,
      ObjectProvider<ChatModel> chatModel,
      ObjectProvider<AgentTool> tools,
      ObjectProvider<Agent> agents,
      ObjectProvider<AgentFactory> agentFactory,
      ObjectProvider<WorkflowCatalogCustomizer> customizers) {
    Catalog.Builder catalog = Catalog.builder();
    profiles.orderedStream().forEach(provided -> provided.models().forEach(catalog::model));
    chatModels.forEach(catalog::model);
    if (!chatModels.containsKey(Catalog.DEFAULT_MODEL)) {
      // getIfUnique honours @Primary, so one of several models can be the default on purpose.
      ChatModel unique = chatModel.getIfUnique();
      if (unique != null) {
        catalog.defaultModel(unique);
      }
    }
    tools.orderedStream().forEach(catalog::tool);
    agents.orderedStream().forEach(agent -> catalog.agent(agent.name(), agent));
    agentFactory.ifUnique(catalog::agentFactory);
    customizers.orderedStream().forEach(customizer -> customizer.customize(catalog));
    Catalog built = catalog.build();
    log.info(
        "Workflow catalog: models {}, agents {}, tools {}, workflows {}",
        built.modelNames(),
        built.agentNames(),
        built.toolNames(),
        built.workflowIds());
    return built;
  }
}
