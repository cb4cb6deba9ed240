package dev.workflowengine.ollama;

import java.util.Optional;

/**
 * A stream failed after it had begun: Ollama sent an {@code {"error": "..."}} line (it cannot
 * change the HTTP status once streaming started), a line was not JSON, the connection broke, or the
 * stream ended without its final chunk. Carries what was received before the failure, so that a
 * caller can show or keep the partial answer.
 *
 * <pre>{@code
 * } catch (OllamaStreamException e) {
 *   log.warn("answer broken off after {} chunks: {}", e.chunksReceived(), e.getMessage());
 *   keep(e.partialContent());
 * }
 * }</pre>
 */
public class OllamaStreamException extends OllamaException {

  private static final long serialVersionUID = 1L;

  private final String partialContent;
  private final String partialThinking;
  private final long chunksReceived;
  private final String serverError;
  private final boolean retriable;

  /**
   * Creates the exception.
   *
   * @param message what broke, at which line, and what to do
   * @param partialContent the content (or generated response) received before the failure
   * @param partialThinking the thinking received before the failure
   * @param chunksReceived how many chunks were delivered before the failure
   * @param serverError the text of Ollama's {@code error} line, or {@code null}
   * @param retriable whether sending the request again may succeed
   * @param cause the underlying failure, or {@code null}
   */
  public OllamaStreamException(
      String message,
      String partialContent,
      String partialThinking,
      long chunksReceived,
      String serverError,
      boolean retriable,
      Throwable cause) {
    super(message, -1, cause);
    this.partialContent = partialContent;
    this.partialThinking = partialThinking;
    this.chunksReceived = chunksReceived;
    this.serverError = serverError;
    this.retriable = retriable;
  }

  /**
   * The content received before the failure: the chat message's text, or the generated response.
   *
   * @return the partial text, possibly empty
   */
  public String partialContent() {
    return partialContent;
  }

  /**
   * The thinking received before the failure.
   *
   * @return the partial thinking, possibly empty
   */
  public String partialThinking() {
    return partialThinking;
  }

  /**
   * How many chunks were delivered before the failure.
   *
   * @return the count
   */
  public long chunksReceived() {
    return chunksReceived;
  }

  /**
   * Ollama's own error text, when the stream ended with an {@code {"error": ...}} line.
   *
   * @return the text, when Ollama sent one
   */
  public Optional<String> serverError() {
    return Optional.ofNullable(serverError);
  }

  @Override
  public boolean isRetriable() {
    return retriable;
  }
}
