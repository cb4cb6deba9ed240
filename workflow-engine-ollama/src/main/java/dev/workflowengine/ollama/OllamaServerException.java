package dev.workflowengine.ollama;

/**
 * Ollama failed with a server error other than 502 and 503 (which are retried and end in {@link
 * OllamaUnavailableException}): typically HTTP 500 when a model runner crashed or ran out of
 * memory. Retriable only for 504 and other gateway-style statuses; a 500 usually repeats.
 */
public class OllamaServerException extends OllamaException {

  private static final long serialVersionUID = 1L;

  private final String ollamaMessage;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to look at
   * @param httpStatus the 5xx status
   * @param ollamaMessage Ollama's explanation
   */
  public OllamaServerException(String message, int httpStatus, String ollamaMessage) {
    super(message, httpStatus, null);
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

  @Override
  public boolean isRetriable() {
    int status = httpStatus().orElse(500);
    return status != 500 && status != 501;
  }
}
