package dev.workflowengine.ollama;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request to {@code POST /api/chat}. Whether the answer streams is decided by the method it is
 * passed to ({@link OllamaClient#chat} or {@link OllamaClient#chatStream}), not by the request.
 * Anything left unset is not sent, so Ollama's and the model's defaults apply; in particular {@code
 * keep_alive} is sent only when set. Immutable.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder("llama3.2")
 *     .message(ChatMessage.system("Answer briefly."))
 *     .message(ChatMessage.user("Why is the sky blue?"))
 *     .options(Options.builder().temperature(0.2).build())
 *     .build();
 * }</pre>
 *
 * @param model the model to chat with
 * @param messages the history, oldest first; empty only loads the model
 * @param tools functions the model may call
 * @param format the shape of the answer, when constrained
 * @param options model options; {@link Options#NONE} sends none
 * @param think whether a thinking model thinks, when set
 * @param keepAlive how long the model stays loaded afterwards, when set
 * @param logprobs whether to return log probabilities of the generated tokens
 * @param topLogprobs how many likeliest alternatives to return per token (0 to 20), when set
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    List<Tool> tools,
    Optional<Format> format,
    Options options,
    Optional<Think> think,
    Optional<KeepAlive> keepAlive,
    boolean logprobs,
    OptionalInt topLogprobs) {

  /** Validates and copies the components. */
  public ChatRequest {
    Checks.requireModel(model, "model");
    messages = Checks.listOrEmpty(messages, "messages");
    tools = Checks.listOrEmpty(tools, "tools");
    format = Objects.requireNonNullElse(format, Optional.empty());
    options = Objects.requireNonNullElse(options, Options.NONE);
    think = Objects.requireNonNullElse(think, Optional.empty());
    keepAlive = Objects.requireNonNullElse(keepAlive, Optional.empty());
    topLogprobs = Objects.requireNonNullElse(topLogprobs, OptionalInt.empty());
    Requests.checkLogprobs(logprobs, topLogprobs);
  }

  /**
   * A request with the given messages and nothing else set.
   *
   * @param model the model
   * @param messages the history, oldest first
   * @return the request
   */
  public static ChatRequest of(String model, ChatMessage... messages) {
    return builder(model).messages(List.of(Objects.requireNonNull(messages, "messages"))).build();
  }

  /**
   * A builder for a request to a model.
   *
   * @param model the model, such as {@code llama3.2}
   * @return a new builder; not thread-safe
   */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  /**
   * A builder holding this request's values, to derive a changed copy.
   *
   * @return a new builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder builder = new Builder(model).messages(messages).options(options);
    builder.tools.addAll(tools);
    builder.format = format.orElse(null);
    builder.think = think.orElse(null);
    builder.keepAlive = keepAlive.orElse(null);
    builder.logprobs = logprobs;
    builder.topLogprobs = topLogprobs.isPresent() ? topLogprobs.getAsInt() : null;
    return builder;
  }

  /** Builds a {@link ChatRequest}; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private final String model;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<Tool> tools = new ArrayList<>();
    private Format format;
    private Options options = Options.NONE;
    private Think think;
    private KeepAlive keepAlive;
    private boolean logprobs;
    private Integer topLogprobs;

    private Builder(String model) {
      this.model = Checks.requireModel(model, "model");
    }

    /**
     * Appends a message to the history.
     *
     * @param message the message
     * @return this builder
     */
    public Builder message(ChatMessage message) {
      messages.add(Objects.requireNonNull(message, "message"));
      return this;
    }

    /**
     * Replaces the history.
     *
     * @param messages the messages, oldest first
     * @return this builder
     */
    public Builder messages(List<ChatMessage> messages) {
      List<ChatMessage> copy = Checks.copyList(messages, "messages");
      this.messages.clear();
      this.messages.addAll(copy);
      return this;
    }

    /**
     * Offers the model a function to call.
     *
     * @param tool the function
     * @return this builder
     */
    public Builder tool(Tool tool) {
      tools.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /**
     * Replaces the functions offered.
     *
     * @param tools the functions
     * @return this builder
     */
    public Builder tools(List<Tool> tools) {
      List<Tool> copy = Checks.copyList(tools, "tools");
      this.tools.clear();
      this.tools.addAll(copy);
      return this;
    }

    /**
     * Constrains the answer to JSON or to a JSON schema.
     *
     * @param format the format
     * @return this builder
     */
    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Sets the model options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(Options options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Turns thinking on or off, or sets its level.
     *
     * @param think the setting
     * @return this builder
     */
    public Builder think(Think think) {
      this.think = Objects.requireNonNull(think, "think");
      return this;
    }

    /**
     * Turns thinking on or off.
     *
     * @param think whether the model should think
     * @return this builder
     */
    public Builder think(boolean think) {
      return think(Think.of(think));
    }

    /**
     * Sets how long the model stays loaded afterwards; without it, the server's default applies.
     *
     * @param keepAlive the setting
     * @return this builder
     */
    public Builder keepAlive(KeepAlive keepAlive) {
      this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive");
      return this;
    }

    /**
     * Sets how long the model stays loaded afterwards.
     *
     * @param keepAlive the duration; negative keeps it for ever, zero unloads it at once
     * @return this builder
     */
    public Builder keepAlive(Duration keepAlive) {
      return keepAlive(KeepAlive.of(keepAlive));
    }

    /**
     * Asks for the log probability of every generated token.
     *
     * @param enabled whether to return them
     * @return this builder
     */
    public Builder logprobs(boolean enabled) {
      this.logprobs = enabled;
      return this;
    }

    /**
     * Asks for log probabilities with the likeliest alternatives at each position.
     *
     * @param top how many alternatives, 0 to 20
     * @return this builder
     */
    public Builder topLogprobs(int top) {
      Requests.checkTopLogprobs(top);
      this.logprobs = true;
      this.topLogprobs = top;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ChatRequest build() {
      return new ChatRequest(
          model,
          messages,
          tools,
          Optional.ofNullable(format),
          options,
          Optional.ofNullable(think),
          Optional.ofNullable(keepAlive),
          logprobs,
          topLogprobs == null ? OptionalInt.empty() : OptionalInt.of(topLogprobs));
    }
  }
}
