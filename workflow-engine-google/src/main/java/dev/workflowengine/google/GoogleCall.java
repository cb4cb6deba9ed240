package dev.workflowengine.google;

import java.io.IOException;

/**
 * One request to a Google API, as {@link GoogleWorkspace#call} runs it: possibly several times, so
 * it must build its request afresh on every call (a Google client request object can be executed
 * again; an input stream it uploads cannot be read twice).
 *
 * @param <T> what the request returns
 */
@FunctionalInterface
public interface GoogleCall<T> {

  /**
   * Sends the request.
   *
   * @return the answer
   * @throws IOException any failure of the request, including Google's JSON error answers
   */
  T execute() throws IOException;
}
