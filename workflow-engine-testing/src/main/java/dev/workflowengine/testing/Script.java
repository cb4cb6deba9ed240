package dev.workflowengine.testing;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The replies a scripted model gives, in order, and the requests it received: shared by the
 * blocking and the streaming scripted models. Thread-safe.
 */
final class Script {

  private final String modelName;
  private final Deque<Function<ChatRequest, AiMessage>> replies;
  private final Function<ChatRequest, AiMessage> fallback;
  private final int scripted;
  private final List<ChatRequest> requests = new ArrayList<>();

  Script(
      String modelName,
      List<Function<ChatRequest, AiMessage>> replies,
      Function<ChatRequest, AiMessage> fallback) {
    this.modelName = modelName;
    this.replies = new ArrayDeque<>(replies);
    this.fallback = fallback;
    this.scripted = replies.size();
  }

  String modelName() {
    return modelName;
  }

  /** Records the request and answers it as a model would, with word counts as token usage. */
  ChatResponse answer(ChatRequest request) {
    Function<ChatRequest, AiMessage> next;
    int asked;
    synchronized (this) {
      requests.add(request);
      asked = requests.size();
      next = replies.poll();
    }
    if (next == null) {
      if (fallback == null) {
        throw new IllegalStateException(
            "scripted model '"
                + modelName
                + "' was asked "
                + asked
                + " times but scripted only "
                + scripted
                + " replies; add replies or a fallback to its builder");
      }
      next = fallback;
    }
    AiMessage answer = next.apply(request);
    return ChatResponse.builder()
        .aiMessage(answer)
        .modelName(modelName)
        .tokenUsage(new TokenUsage(words(request.messages()), words(answer.text())))
        .finishReason(
            answer.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
        .build();
  }

  synchronized List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized int remaining() {
    return replies.size();
  }

  int scripted() {
    return scripted;
  }

  private static int words(List<ChatMessage> messages) {
    int count = 0;
    for (ChatMessage message : messages) {
      if (message instanceof UserMessage user && user.hasSingleText()) {
        count += words(user.singleText());
      } else if (message instanceof SystemMessage system) {
        count += words(system.text());
      } else if (message instanceof AiMessage ai) {
        count += words(ai.text());
      }
    }
    return count;
  }

  private static int words(String text) {
    return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
  }
}
