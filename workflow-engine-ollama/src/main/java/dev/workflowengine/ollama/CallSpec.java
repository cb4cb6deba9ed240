package dev.workflowengine.ollama;

import okhttp3.Request;

/**
 * One call to Ollama: the HTTP request, what it is for, and the model it names (for messages such
 * as "pull it with ollama pull ...").
 *
 * @param request the HTTP request
 * @param purpose which timeouts apply
 * @param model the model the request names, or {@code null}
 */
record CallSpec(Request request, Purpose purpose, String model) {

  /** {@code POST /api/chat}, for messages. */
  String endpoint() {
    return request.method() + " " + request.url().encodedPath();
  }

  /** {@code " for model 'x'"}, or nothing. */
  String forModel() {
    return model == null ? "" : " for model '" + model + "'";
  }
}
