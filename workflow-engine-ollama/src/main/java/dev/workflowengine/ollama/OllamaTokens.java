package dev.workflowengine.ollama;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.event.TokenSink;
import java.util.Objects;

/**
 * Streams a chat into a {@link TokenSink}, so that a node's answer reaches subscribers as live
 * {@code token} events while it is written: every piece of content is a {@link TokenSink#token},
 * then one {@link TokenSink#finalToken} carries the model, the tokens used (prompt and answer) and
 * why the model stopped. In a node the sink is the node's context.
 *
 * <pre>{@code
 * NodeAction write = state -> {
 *   TokenSink sink = NodeContext.current().orElseThrow();
 *   ChatResponse answer = OllamaTokens.stream(client, request, sink);
 *   return Map.of("text", answer.content());
 * };
 * }</pre>
 *
 * <p>The sink is called on the calling thread only, in stream order, which a node's context needs.
 * Thinking is not sent as tokens (it is not the answer); it is in the returned response. The final
 * token's finish reason is Ollama's {@code done_reason} ({@code stop}, {@code length}, ...), or
 * {@code tool_calls} when the model called tools (Ollama reports {@code stop} then). If the stream
 * fails, the tokens sent so far stay sent, no final token follows, and the client's exception (an
 * {@link OllamaStreamException} carrying the partial text, a timeout, ...) propagates. Stateless
 * and thread-safe.
 */
public final class OllamaTokens {

  private OllamaTokens() {}

  /**
   * Streams a chat of this client into a sink and returns the whole answer.
   *
   * @param client the client
   * @param request the chat
   * @param sink where the tokens go
   * @return the accumulated answer, as {@link OllamaClient#chat} would have returned it
   */
  public static ChatResponse stream(OllamaClient client, ChatRequest request, TokenSink sink) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    ChatAccumulator answer = new ChatAccumulator();
    try (OllamaStream<ChatResponse> chunks = client.chatStream(request)) {
      for (ChatResponse chunk : chunks) {
        answer.add(chunk);
        if (chunk.done()) {
          sink.finalToken(chunk.content(), metadata(answer));
        } else if (!chunk.content().isEmpty()) {
          sink.token(chunk.content());
        }
      }
    }
    return answer.toResponse();
  }

  /**
   * Streams a chat of any LangChain4j streaming model, such as {@code
   * OllamaClientStreamingChatModel}, into a sink, waiting for the whole answer. The handler's
   * calls, made on the model's threads, are handed to the calling thread, which alone calls the
   * sink. If the calling thread is interrupted the stream is cancelled.
   *
   * @param model the model
   * @param request the chat
   * @param sink where the tokens go
   * @return the complete response
   * @throws OllamaCancelledException when the calling thread was interrupted
   */
  public static dev.langchain4j.model.chat.response.ChatResponse stream(
      StreamingChatModel model,
      dev.langchain4j.model.chat.request.ChatRequest request,
      TokenSink sink) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    HandlerTokens tokens = new HandlerTokens();
    model.chat(request, tokens);
    return tokens.deliverTo(sink);
  }

  private static TokenMetadata metadata(ChatAccumulator answer) {
    String reason =
        answer.toolCalls().isEmpty() ? answer.doneReason().orElse("unknown") : "tool_calls";
    int tokens = answer.metrics().map(Metrics::totalTokens).orElse(0);
    return new TokenMetadata(answer.toResponse().model(), tokens, reason);
  }
}
