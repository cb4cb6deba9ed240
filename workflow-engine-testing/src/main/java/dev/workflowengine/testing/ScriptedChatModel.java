package dev.workflowengine.testing;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

  private final String modelName;
  private final Deque<Function<ChatRequest, AiMessage>> script;
  private final Function<ChatRequest, AiMessage> fallback;
  private final int scripted;
  private final List<ChatRequest> requests = new ArrayList<>();

  private ScriptedChatModel(Builder builder) {
    this.modelName = builder.modelName;
    this.script = new ArrayDeque<>(builder.script);
    this.fallback = builder.fallback;
    this.scripted = builder.script.size();
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
    Function<ChatRequest, AiMessage> next;
    synchronized (this) {
      requests.add(request);
      next = script.poll();
    }
    if (next == null) {
      if (fallback == null) {
        throw new IllegalStateException(
            "ScriptedChatModel '"
                + modelName
                + "' was asked "
                + requests().size()
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

  /**
   * Every request received so far, in order.
   *
   * @return a copy of the requests
   */
  public synchronized List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The text of the last user message of a request, the usual thing to assert on.
   *
   * @param request a request this model received
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

  /**
   * How many scripted replies are left.
   *
   * @return the number of unused replies
   */
  public synchronized int remaining() {
    return script.size();
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

  @Override
  public String toString() {
    return "ScriptedChatModel["
        + modelName
        + ", "
        + remaining()
        + " of "
        + scripted
        + " replies left]";
  }

  /** Builds a {@link ScriptedChatModel}. Not thread-safe. */
  public static final class Builder {
    private String modelName = "scripted";
    private final List<Function<ChatRequest, AiMessage>> script = new ArrayList<>();
    private Function<ChatRequest, AiMessage> fallback;

    private Builder() {}

    /**
     * Names the model, as reported in responses.
     *
     * @param name the name
     * @return this builder
     */
    public Builder modelName(String name) {
      this.modelName = requireNonNull(name, "name");
      return this;
    }

    /**
     * Queues a text answer.
     *
     * @param text the answer
     * @return this builder
     */
    public Builder reply(String text) {
      requireNonNull(text, "text");
      script.add(request -> AiMessage.from(text));
      return this;
    }

    /**
     * Queues an answer computed from the request, such as one echoing part of the prompt.
     *
     * @param responder computes the answer's text
     * @return this builder
     */
    public Builder reply(Function<ChatRequest, String> responder) {
      requireNonNull(responder, "responder");
      script.add(request -> AiMessage.from(responder.apply(request)));
      return this;
    }

    /**
     * Queues an answer that asks for one tool call.
     *
     * @param toolName the tool
     * @param argumentsJson its arguments as a JSON object
     * @return this builder
     */
    public Builder toolCall(String toolName, String argumentsJson) {
      requireNonNull(toolName, "toolName");
      requireNonNull(argumentsJson, "argumentsJson");
      int index = script.size();
      script.add(
          request ->
              AiMessage.from(
                  ToolExecutionRequest.builder()
                      .id("call-" + index)
                      .name(toolName)
                      .arguments(argumentsJson)
                      .build()));
      return this;
    }

    /**
     * Answers every request after the script ran out.
     *
     * @param responder computes the answer's text
     * @return this builder
     */
    public Builder fallback(Function<ChatRequest, String> responder) {
      requireNonNull(responder, "responder");
      this.fallback = request -> AiMessage.from(responder.apply(request));
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     */
    public ScriptedChatModel build() {
      return new ScriptedChatModel(this);
    }
  }
}
