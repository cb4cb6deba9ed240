package dev.workflowengine.core.patterns;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A chat model for tests that answers by a rule over the request and records every request. The
 * scripted models of workflow-engine-testing cannot be used here: that module depends on core.
 */
final class RuleChatModel implements ChatModel {

  final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
  private final Function<ChatRequest, String> rule;

  RuleChatModel(Function<ChatRequest, String> rule) {
    this.rule = rule;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    return ChatResponse.builder().aiMessage(AiMessage.from(rule.apply(request))).build();
  }

  /** The text of the request's last user message. */
  static String lastUserText(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user) {
        return user.singleText();
      }
    }
    throw new AssertionError("no user message in " + messages);
  }

  /** The text of the request's system message, or "" without one. */
  static String systemText(ChatRequest request) {
    return request.messages().stream()
        .filter(SystemMessage.class::isInstance)
        .map(m -> ((SystemMessage) m).text())
        .findFirst()
        .orElse("");
  }

  /** The texts of the last user messages of every request. */
  List<String> userTexts() {
    return requests.stream().map(RuleChatModel::lastUserText).toList();
  }
}
