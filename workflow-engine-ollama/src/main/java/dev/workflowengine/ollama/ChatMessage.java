package dev.workflowengine.ollama;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a chat: its role, its text, and what else Ollama carries with it (images for
 * vision models, the thinking and tool calls of an assistant, the tool a result answers). The
 * assistant message of a streamed answer is the sum of its chunks; {@link ChatAccumulator} builds
 * it, ready to be appended to the history. Immutable.
 *
 * <pre>{@code
 * List<ChatMessage> history = List.of(
 *     ChatMessage.system("Answer in one sentence."),
 *     ChatMessage.builder(ChatMessage.Role.USER).content("What is this?").image(pngBytes).build());
 * }</pre>
 *
 * @param role who wrote it
 * @param content its text; may be empty (an assistant message with only tool calls)
 * @param thinking an assistant's thinking, sent back in the history for models that use it
 * @param toolCalls an assistant's tool calls
 * @param images base64-encoded images, for vision models
 * @param toolName for a tool result, the tool it answers ({@code tool_name})
 */
public record ChatMessage(
    Role role,
    String content,
    Optional<String> thinking,
    List<ToolCall> toolCalls,
    List<String> images,
    Optional<String> toolName) {

  /** Who wrote a message, sent as Ollama's lower-case {@code role}. */
  public enum Role {
    /** Instructions for the model. */
    SYSTEM,
    /** The person or program asking. */
    USER,
    /** The model. */
    ASSISTANT,
    /** The result of a tool call. */
    TOOL;

    /**
     * The name Ollama uses.
     *
     * @return for example {@code "assistant"}
     */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role for a name Ollama uses; an unknown name is read as the assistant's, since only the
     * model writes the messages Ollama returns.
     *
     * @param name the wire name
     * @return the role
     */
    static Role fromWire(String name) {
      return switch (name) {
        case "system" -> SYSTEM;
        case "user" -> USER;
        case "tool" -> TOOL;
        default -> ASSISTANT;
      };
    }
  }

  /** Validates and copies the components. */
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    content = Objects.requireNonNullElse(content, "");
    thinking = Objects.requireNonNullElse(thinking, Optional.empty());
    toolCalls = Checks.listOrEmpty(toolCalls, "toolCalls");
    images = Checks.listOrEmpty(images, "images");
    toolName = Objects.requireNonNullElse(toolName, Optional.empty());
    if (role != Role.ASSISTANT && (!toolCalls.isEmpty() || thinking.isPresent())) {
      throw new IllegalArgumentException(
          "only assistant messages carry tool calls or thinking, not a "
              + role.wireName()
              + " one");
    }
    if (role != Role.TOOL && toolName.isPresent()) {
      throw new IllegalArgumentException(
          "toolName belongs on a tool message, not a " + role.wireName() + " one");
    }
    images.forEach(Requests::requireBase64);
  }

  /**
   * A system message.
   *
   * @param content the instructions
   * @return the message
   */
  public static ChatMessage system(String content) {
    return builder(Role.SYSTEM).content(content).build();
  }

  /**
   * A user message.
   *
   * @param content the text
   * @return the message
   */
  public static ChatMessage user(String content) {
    return builder(Role.USER).content(content).build();
  }

  /**
   * An assistant message, for example a previous answer in the history.
   *
   * @param content the text
   * @return the message
   */
  public static ChatMessage assistant(String content) {
    return builder(Role.ASSISTANT).content(content).build();
  }

  /**
   * The result of a tool call.
   *
   * @param toolName the tool whose call this answers
   * @param content the result
   * @return the message
   */
  public static ChatMessage tool(String toolName, String content) {
    return builder(Role.TOOL).toolName(toolName).content(content).build();
  }

  /**
   * A builder for a message with images, thinking or tool calls.
   *
   * @param role who writes it
   * @return a new builder; not thread-safe
   */
  public static Builder builder(Role role) {
    return new Builder(role);
  }

  /** Builds a {@link ChatMessage}. Not thread-safe. */
  public static final class Builder {
    private final Role role;
    private String content = "";
    private String thinking;
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private String toolName;

    private Builder(Role role) {
      this.role = Objects.requireNonNull(role, "role");
    }

    /**
     * Sets the text.
     *
     * @param content the text; may be empty
     * @return this builder
     */
    public Builder content(String content) {
      this.content = Objects.requireNonNull(content, "content");
      return this;
    }

    /**
     * Sets an assistant's thinking.
     *
     * @param thinking the thinking
     * @return this builder
     */
    public Builder thinking(String thinking) {
      this.thinking = Objects.requireNonNull(thinking, "thinking");
      return this;
    }

    /**
     * Adds an assistant's tool call.
     *
     * @param toolCall the call
     * @return this builder
     */
    public Builder toolCall(ToolCall toolCall) {
      toolCalls.add(Objects.requireNonNull(toolCall, "toolCall"));
      return this;
    }

    /**
     * Adds an image, encoding it as base64.
     *
     * @param image the image file's bytes (PNG, JPEG, ...)
     * @return this builder
     */
    public Builder image(byte[] image) {
      images.add(Requests.encodeImage(image));
      return this;
    }

    /**
     * Adds an image that is already base64-encoded.
     *
     * @param base64 the encoded image, without a {@code data:} prefix
     * @return this builder
     */
    public Builder imageBase64(String base64) {
      Requests.requireBase64(base64);
      images.add(base64);
      return this;
    }

    /**
     * Names the tool a tool message answers.
     *
     * @param toolName the tool's name
     * @return this builder
     */
    public Builder toolName(String toolName) {
      this.toolName = Checks.requireText(toolName, "toolName");
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     */
    public ChatMessage build() {
      return new ChatMessage(
          role,
          content,
          Optional.ofNullable(thinking),
          toolCalls,
          images,
          Optional.ofNullable(toolName));
    }
  }
}
