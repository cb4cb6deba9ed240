package dev.workflowengine.testing;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LangChain4j {@link StreamingChatModel} that streams scripted answers word by word, as a model
 * server would, and records every request. Partial responses are the answer's words with the
 * whitespace after them, so that joined they give the answer back exactly; tool calls arrive whole,
 * then the complete response with token usage and finish reason.
 *
 * <pre>{@code
 * ScriptedStreamingChatModel model = ScriptedStreamingChatModel.of("Hello there, Ada.");
 * model.chat("hi", handler);   // onPartialResponse("Hello "), ("there, "), ("Ada."), onCompleteResponse
 * }</pre>
 *
 * <p>Streams on the caller's thread, so tests need no waiting. Thread-safe like {@link
 * ScriptedChatModel}.
 */
public final class ScriptedStreamingChatModel implements StreamingChatModel {

  private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

  private final Script script;

  private ScriptedStreamingChatModel(Script script) {
    this.script = script;
  }

  /**
   * A model that streams these texts, one per request, in order.
   *
   * @param replies the answers
   * @return the model
   */
  public static ScriptedStreamingChatModel of(String... replies) {
    Builder builder = builder();
    for (String reply : replies) {
      builder.reply(reply);
    }
    return builder.build();
  }

  /**
   * A builder for a model named {@code scripted} with an empty script.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    ChatResponse response;
    try {
      response = script.answer(request);
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    if (response.aiMessage().text() != null) {
      chunks(response.aiMessage().text()).forEach(handler::onPartialResponse);
    }
    List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
    for (int i = 0; i < calls.size(); i++) {
      handler.onCompleteToolCall(new CompleteToolCall(i, calls.get(i)));
    }
    handler.onCompleteResponse(response);
  }

  /**
   * How a text is split into streamed chunks: words with the whitespace after them.
   *
   * @param text the text
   * @return the chunks, which joined give the text back
   */
  public static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      chunks.add(matcher.group());
    }
    return chunks;
  }

  /**
   * Every request received so far, in order.
   *
   * @return a copy of the requests
   */
  public List<ChatRequest> requests() {
    return script.requests();
  }

  /**
   * How many scripted replies are left.
   *
   * @return the number of unused replies
   */
  public int remaining() {
    return script.remaining();
  }

  /** Builds a {@link ScriptedStreamingChatModel}. Not thread-safe. */
  public static final class Builder extends ScriptBuilder<Builder> {

    private Builder() {}

    /**
     * Builds the model.
     *
     * @return the model
     */
    public ScriptedStreamingChatModel build() {
      return new ScriptedStreamingChatModel(script());
    }
  }
}
