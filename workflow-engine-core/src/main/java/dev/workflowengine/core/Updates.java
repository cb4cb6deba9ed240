package dev.workflowengine.core;

import java.util.Map;

/** Checks what nodes return before it touches the state. */
final class Updates {

  private Updates() {}

  static Map<String, Object> checked(String nodeId, Map<String, Object> update) {
    if (update == null) {
      throw new IllegalStateException(
          "node '" + nodeId + "' returned null; return Map.of() to change nothing");
    }
    for (Map.Entry<String, Object> entry : update.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalStateException("node '" + nodeId + "' returned an update with a null key");
      }
    }
    return update;
  }
}
