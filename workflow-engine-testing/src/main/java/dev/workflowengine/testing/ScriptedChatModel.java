package dev.workflowengine.testing;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Optional;

/**
 * A LangChain4j {@link ChatModel} that answers from a script instead of a language model, and
 * records every request, so that workflows can be tested, demonstrated and benchmarked without a
 * model server.
 *
 * <pre>{@code
 * ScriptedChatModel model = ScriptedChatModel.builder()
 *     .reply("{\"category\": \"billing\"}")
 *     .toolCall("crm.lookup", "{\"email\": \"ada@example.com\"}")
 *     .reply("Done.")
 *     .build();
 * // ... run the workflow ...
 * assertThat(model.requests()).hasSize(3);
 * }</pre>
 *
 * <p>Replies are used in order, one per request. When the script runs out, the fallback answers if
 * one was given; otherwise the request fails with a message saying how many were scripted. Token
 * counts are words, split on whitespace: not a tokenizer, but stable and plausible.
 *
 * <p>Thread-safe: requests from concurrent branches take replies one at a time.
 */
public final class ScriptedChatModel implements ChatModel {

  private final Script script;

  private ScriptedChatModel(Script script) {
    this.script = script;
  }

  /**
   * A model that answers with these texts, in order.
   *
   * @param replies the answers
   * @return the model
   */
  public static ScriptedChatModel of(String... replies) {
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
  public ChatResponse doChat(ChatRequest request) {
    return script.answer(request);
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

  /**
   * The text of the last user message of a request, the usual thing to assert on.
   *
   * @param request a request a scripted model received
   * @return the text, if the request has a user message with text
   */
  public static Optional<String> lastUserText(ChatRequest request) {
    for (int i = request.messages().size() - 1; i >= 0; i--) {
      ChatMessage message = request.messages().get(i);
      if (message instanceof UserMessage user && user.hasSingleText()) {
        return Optional.of(user.singleText());
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ScriptedChatModel["
        + script.modelName()
        + ", "
        + remaining()
        + " of "
        + script.scripted()
        + " replies left]";
  }

  /** Builds a {@link ScriptedChatModel}. Not thread-safe. */
  public static final class Builder extends ScriptBuilder<Builder> {

    private Builder() {}

    /**
     * Builds the model.
     *
     * @return the model
     */
    public ScriptedChatModel build() {
      return new ScriptedChatModel(script());
    }
  }
}
