package dev.workflowengine.ollama;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the whole answer from the chunks of a chat stream: the content and thinking joined, the
 * tool calls in order, and, from the final chunk, the statistics and the reason generation stopped.
 * {@link #message()} is the assistant message to append to the history; {@link #toResponse()} is
 * what {@link OllamaClient#chat} would have returned. Not thread-safe: feed it from the thread that
 * reads the stream (a {@link StreamListener} is called on one thread).
 *
 * <pre>{@code
 * ChatAccumulator answer = new ChatAccumulator();
 * try (OllamaStream<ChatResponse> stream = client.chatStream(request)) {
 *   stream.forEach(answer::add);
 * }
 * history.add(answer.message());
 * for (ToolCall call : answer.toolCalls()) { ... }
 * }</pre>
 */
public final class ChatAccumulator {

  private final StreamTally tally = new StreamTally();
  private final StringBuilder content = new StringBuilder();
  private final List<ToolCall> toolCalls = new ArrayList<>();
  private final List<String> images = new ArrayList<>();

  /** Creates an empty accumulator. */
  public ChatAccumulator() {}

  /**
   * Adds the next chunk.
   *
   * @param chunk the chunk, in stream order
   * @return this accumulator
   * @throws IllegalStateException when a chunk follows the final one
   */
  public ChatAccumulator add(ChatResponse chunk) {
    Objects.requireNonNull(chunk, "chunk");
    ChatMessage message = chunk.message();
    tally.add(chunk.model(), chunk.createdAt(), message.thinking(), chunk.logprobs());
    content.append(message.content());
    toolCalls.addAll(message.toolCalls());
    images.addAll(message.images());
    if (chunk.done()) {
      tally.finish(chunk.doneReason(), chunk.metrics());
    }
    return this;
  }

  /**
   * The content so far.
   *
   * @return the joined content
   */
  public String content() {
    return content.toString();
  }

  /**
   * The thinking so far.
   *
   * @return the joined thinking, absent when the model sent none
   */
  public Optional<String> thinking() {
    return tally.thinking();
  }

  /**
   * The tool calls so far, in order.
   *
   * @return an immutable copy
   */
  public List<ToolCall> toolCalls() {
    return List.copyOf(toolCalls);
  }

  /**
   * Whether the final chunk has been added.
   *
   * @return {@code true} once the answer is complete
   */
  public boolean isDone() {
    return tally.done();
  }

  /**
   * Why generation stopped.
   *
   * @return the final chunk's reason, absent until then
   */
  public Optional<String> doneReason() {
    return tally.doneReason();
  }

  /**
   * The statistics.
   *
   * @return the final chunk's statistics, absent until then
   */
  public Optional<Metrics> metrics() {
    return tally.metrics();
  }

  /**
   * How many chunks were added.
   *
   * @return the count
   */
  public int chunkCount() {
    return tally.chunks();
  }

  /**
   * The assistant message built so far: content, thinking and tool calls, ready for the history.
   *
   * @return the message
   */
  public ChatMessage message() {
    return new ChatMessage(
        ChatMessage.Role.ASSISTANT,
        content.toString(),
        thinking(),
        toolCalls,
        images,
        Optional.empty());
  }

  /**
   * The answer as one response, as the non-streaming call returns it.
   *
   * @return the response
   * @throws IllegalStateException when no chunk was added
   */
  public ChatResponse toResponse() {
    return new ChatResponse(
        tally.model(),
        tally.createdAt(),
        message(),
        tally.done(),
        tally.doneReason(),
        tally.metrics(),
        tally.logprobs());
  }
}
