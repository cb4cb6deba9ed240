package dev.workflowengine.core;

import java.util.Map;

/**
 * A node that finished: its update and how the attempt went.
 *
 * @param nodeId the node
 * @param attempt the attempt that succeeded, from 1
 * @param update what the node returned
 * @param durationNanos how long the successful attempt took
 * @param details what the attempt recorded through {@link NodeContext#detail}
 */
record Completion(
    String nodeId,
    int attempt,
    Map<String, Object> update,
    long durationNanos,
    Map<String, Object> details) {}
