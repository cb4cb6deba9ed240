package dev.workflowengine.ollama;

import dev.workflowengine.api.NotFoundException;

/**
 * Ollama does not have the model a request named (HTTP 404). The message says how to get it: {@code
 * ollama pull <model>}, or {@code client.pull(model)} from code.
 */
public class ModelNotFoundException extends NotFoundException {

  private static final long serialVersionUID = 1L;

  private final String model;

  /**
   * Creates the exception.
   *
   * @param model the model that was not found
   * @param message what was asked and how to get the model
   */
  public ModelNotFoundException(String model, String message) {
    super(message);
    this.model = model;
  }

  /**
   * The model that was not found.
   *
   * @return the model name, as the request gave it
   */
  public String model() {
    return model;
  }
}
