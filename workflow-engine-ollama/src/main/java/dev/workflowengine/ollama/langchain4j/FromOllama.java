package dev.workflowengine.ollama.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.workflowengine.ollama.ChatMessage;
import dev.workflowengine.ollama.Metrics;
import dev.workflowengine.ollama.ToolCall;
import java.util.List;
import java.util.Optional;

/** Maps this client's answers to LangChain4j's {@link ChatResponse}. */
final class FromOllama {

  private FromOllama() {}

  /**
   * The LangChain4j response for a whole answer.
   *
   * @param model the model that answered
   * @param message the assistant message, accumulated when streamed
   * @param doneReason Ollama's {@code done_reason}
   * @param metrics the final chunk's statistics
   * @param returnThinking whether the thinking goes into the {@link AiMessage}
   */
  static ChatResponse response(
      String model,
      ChatMessage message,
      Optional<String> doneReason,
      Optional<Metrics> metrics,
      boolean returnThinking) {
    return ChatResponse.builder()
        .aiMessage(aiMessage(message, returnThinking))
        .metadata(
            ChatResponseMetadata.builder()
                .modelName(model)
                .finishReason(finishReason(message, doneReason))
                .tokenUsage(metrics.map(FromOllama::tokenUsage).orElse(null))
                .build())
        .build();
  }

  static ChatResponse response(
      dev.workflowengine.ollama.ChatResponse response, boolean returnThinking) {
    return response(
        response.model(),
        response.message(),
        response.doneReason(),
        response.metrics(),
        returnThinking);
  }

  static AiMessage aiMessage(ChatMessage message, boolean returnThinking) {
    String thinking =
        returnThinking ? message.thinking().filter(t -> !t.isEmpty()).orElse(null) : null;
    return AiMessage.builder()
        .text(message.content().isEmpty() ? null : message.content())
        .thinking(thinking)
        .toolExecutionRequests(toolExecutionRequests(message.toolCalls()))
        .build();
  }

  static List<ToolExecutionRequest> toolExecutionRequests(List<ToolCall> calls) {
    return calls.stream().map(FromOllama::toolExecutionRequest).toList();
  }

  static ToolExecutionRequest toolExecutionRequest(ToolCall call) {
    return ToolExecutionRequest.builder()
        .id(call.id().orElse(null))
        .name(call.name())
        .arguments(call.argumentsJson())
        .build();
  }

  /**
   * Tool calls win over {@code done_reason}, which Ollama leaves at {@code stop} when the model
   * called tools; an unknown reason (such as {@code load}) is {@link FinishReason#OTHER}.
   */
  static FinishReason finishReason(ChatMessage message, Optional<String> doneReason) {
    if (!message.toolCalls().isEmpty()) {
      return FinishReason.TOOL_EXECUTION;
    }
    return doneReason
        .map(
            reason ->
                switch (reason) {
                  case "stop" -> FinishReason.STOP;
                  case "length" -> FinishReason.LENGTH;
                  default -> FinishReason.OTHER;
                })
        .orElse(null);
  }

  static TokenUsage tokenUsage(Metrics metrics) {
    return new TokenUsage(metrics.promptEvalCount(), metrics.evalCount());
  }
}
