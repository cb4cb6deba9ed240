package dev.workflowengine.core.patterns;

import dev.langchain4j.model.chat.ChatModel;

/** An expert of an {@link ExpertGroup}: a name the manager calls it by, a model and a persona. */
record Expert(String name, ChatModel model, String persona) {

  /** The node that lets this expert speak. */
  String nodeId() {
    return "expert." + name;
  }

  /** The persona's first line, enough for the manager to know whom to call. */
  String headline() {
    return persona.strip().lines().findFirst().orElse("").strip();
  }
}
