package dev.workflowengine.core.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Chat models for agent tests (workflow-engine-testing depends on core, so its scripted models
 * cannot be used here): turns answered in order, every request recorded.
 */
final class FakeModels {

  private FakeModels() {}

  /** Answers the n-th request with the n-th turn; a request past the script fails the test. */
  static class Scripted implements ChatModel {
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Function<ChatRequest, AiMessage>> turns;

    @SafeVarargs
    Scripted(Function<ChatRequest, AiMessage>... turns) {
      this.turns = new ArrayList<>(Arrays.asList(turns));
    }

    /** A model that answers every request with the same turn. */
    static Scripted always(Function<ChatRequest, AiMessage> turn) {
      return new Scripted() {
        @Override
        AiMessage answer(int index, ChatRequest request) {
          return turn.apply(request);
        }
      };
    }

    AiMessage answer(int index, ChatRequest request) {
      if (index >= turns.size()) {
        throw new AssertionError("the model got request " + (index + 1) + " but has no answer");
      }
      return turns.get(index).apply(request);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      return ChatResponse.builder()
          .aiMessage(answer(requests.size() - 1, request))
          .modelName("fake-model")
          .tokenUsage(new TokenUsage(7, 5))
          .finishReason(FinishReason.STOP)
          .build();
    }

    ChatRequest request(int index) {
      return requests.get(index);
    }
  }

  /** Streams each scripted answer word by word, on another thread as real clients do. */
  static final class Streaming implements StreamingChatModel {
    final Scripted script;

    Streaming(Scripted script) {
      this.script = script;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      Thread thread =
          new Thread(
              () -> {
                ChatResponse response = script.doChat(request);
                String text = response.aiMessage().text();
                if (text != null) {
                  for (String word : text.split("(?<= )")) {
                    handler.onPartialResponse(word);
                  }
                }
                handler.onCompleteResponse(response);
              });
      thread.start();
    }
  }

  static Function<ChatRequest, AiMessage> text(String answer) {
    return request -> AiMessage.from(answer);
  }

  static Function<ChatRequest, AiMessage> calls(ToolExecutionRequest... requests) {
    return request -> AiMessage.from(List.of(requests));
  }

  static ToolExecutionRequest call(String id, String name, String arguments) {
    return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
  }

  /** The tool results of a request, in order. */
  static List<ToolExecutionResultMessage> toolResults(ChatRequest request) {
    List<ToolExecutionResultMessage> results = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (message instanceof ToolExecutionResultMessage result) {
        results.add(result);
      }
    }
    return results;
  }
}
