package dev.workflowengine.core.patterns;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/** Calls a chat model and insists on a text answer. */
final class ModelCalls {

  private ModelCalls() {}

  /**
   * The text of the model's answer.
   *
   * @param who the role asking, for the message: "the manager", "expert 'security'"
   * @throws IllegalStateException if the model answered without text (a tool call, say), which no
   *     pattern asks for
   */
  static String text(ChatModel model, ChatRequest request, String who) {
    ChatResponse response = model.chat(request);
    String text =
        response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null) {
      throw new IllegalStateException(
          "the model of " + who + " answered without text; patterns need a plain text answer");
    }
    return text;
  }
}
