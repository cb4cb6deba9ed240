package dev.workflowengine.api.event;

/**
 * Where a streaming model sends its text so that it reaches subscribers as live {@link Token}
 * events. The engine gives each running node one (in core, {@code NodeContext}); modules that
 * stream text but must not depend on core, such as the Ollama client, talk to this interface.
 *
 * <pre>{@code
 * TokenSink sink = NodeContext.current().orElseThrow();
 * for (String piece : answer) {
 *   sink.token(piece);
 * }
 * sink.finalToken("", new TokenMetadata("llama3.2", 130, "stop"));
 * }</pre>
 *
 * <p>A sink numbers its chunks in the order it receives them, so one stream must call it from one
 * thread at a time; implementations need not be thread-safe.
 */
public interface TokenSink {

  /**
   * Sends a chunk of streamed text.
   *
   * @param chunk the text
   */
  void token(String chunk);

  /**
   * Sends the last chunk of a stream with what the model said about the whole answer.
   *
   * @param chunk the text, possibly empty
   * @param metadata the model, tokens used and finish reason
   */
  void finalToken(String chunk, TokenMetadata metadata);
}
