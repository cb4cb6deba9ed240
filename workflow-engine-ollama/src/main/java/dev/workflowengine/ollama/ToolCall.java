package dev.workflowengine.ollama;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call of a {@link Tool} the model asked for, found in an assistant message's {@code tool_calls}.
 * Ollama sends the arguments as a JSON object (not as a string, as some other APIs do) and each
 * call whole, in one chunk. Send the assistant message with its tool calls back in the history,
 * followed by {@link ChatMessage#tool(String, String)} results. Immutable.
 *
 * <pre>{@code
 * for (ToolCall call : response.message().toolCalls()) {
 *   String result = tools.run(call.name(), call.arguments());
 *   history.add(ChatMessage.tool(call.name(), result));
 * }
 * }</pre>
 *
 * @param id the call's id, when the server gives one
 * @param index the call's position among parallel calls, when the server gives one
 * @param name the function to call
 * @param arguments the arguments, JSON-shaped (maps, lists, strings, numbers, booleans, nulls)
 */
public record ToolCall(
    Optional<String> id, OptionalInt index, String name, Map<String, Object> arguments) {

  /** Validates and copies the components. */
  public ToolCall {
    id = Objects.requireNonNullElse(id, Optional.empty());
    index = Objects.requireNonNullElse(index, OptionalInt.empty());
    Checks.requireText(name, "name");
    arguments = JsonCopies.object(Objects.requireNonNull(arguments, "arguments"), "arguments");
  }

  /**
   * A call without id or index, as a client writes it into a history.
   *
   * @param name the function
   * @param arguments the arguments
   * @return the call
   */
  public static ToolCall of(String name, Map<String, ?> arguments) {
    return new ToolCall(
        Optional.empty(),
        OptionalInt.empty(),
        name,
        JsonCopies.object(Objects.requireNonNull(arguments, "arguments"), "arguments"));
  }

  /**
   * The arguments as JSON text, for APIs that want a string.
   *
   * @return a JSON object
   */
  public String argumentsJson() {
    return OllamaJson.toJson(arguments);
  }
}
