package dev.workflowengine.ollama;

/**
 * Ollama refused a request as malformed (HTTP 400): an option it does not know, a JSON schema it
 * cannot use, a model that does not support tools or thinking. {@link #ollamaMessage()} is Ollama's
 * own explanation. Not retriable: the same request fails again.
 */
public class OllamaBadRequestException extends OllamaException {

  private static final long serialVersionUID = 1L;

  private final String ollamaMessage;

  /**
   * Creates the exception.
   *
   * @param message what was refused and how to fix it
   * @param ollamaMessage Ollama's explanation
   */
  public OllamaBadRequestException(String message, String ollamaMessage) {
    super(message, 400, null);
    this.ollamaMessage = ollamaMessage;
  }

  /**
   * Ollama's explanation, as it sent it.
   *
   * @return the text of Ollama's {@code error} field, or its response body
   */
  public String ollamaMessage() {
    return ollamaMessage;
  }
}
