package dev.workflowengine.core.generate;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chat model that gives scripted answers in order and records every request. */
final class ScriptedChatModel implements ChatModel {

  final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<String> answers;

  ScriptedChatModel(String... answers) {
    this.answers = new ArrayDeque<>(List.of(answers));
  }

  @Override
  public synchronized ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    String answer = answers.poll();
    if (answer == null) {
      throw new AssertionError("the script has no answer left for request " + requests.size());
    }
    return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
  }
}
