package dev.workflowengine.api;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a workflow or an input, and where it is.
 *
 * @param location where the problem is, as a path into the definition such as {@code edges[2].to}
 *     or {@code nodes[analyze].config.prompt}; {@code $} for the whole document
 * @param message what is wrong and what to do about it
 */
public record ValidationProblem(String location, String message) {

  /** Validates the components. */
  public ValidationProblem {
    requireNonNull(location, "location");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
