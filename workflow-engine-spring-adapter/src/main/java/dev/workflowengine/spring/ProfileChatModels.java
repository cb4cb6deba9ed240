package dev.workflowengine.spring;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Map;

/**
 * Chat models a provider module offers to workflows by name, such as Ollama's model profiles. The
 * catalog takes them in before the application's {@code ChatModel} beans, which win on a shared
 * name.
 *
 * @param models the models by the names definitions use
 */
record ProfileChatModels(Map<String, ChatModel> models) {

  ProfileChatModels {
    models = Map.copyOf(models);
  }
}
