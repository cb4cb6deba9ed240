package dev.workflowengine.core;

import dev.workflowengine.api.event.TokenMetadata;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Hears what happens inside a run, node by node: the hook through which the engine turns a run into
 * live events. Every method has an empty default, so implement only what you need.
 *
 * <p>Called on the thread running the node, which for parallel branches means several threads at
 * once: implementations must be thread-safe. An exception thrown by a listener fails the run.
 */
public interface RunListener {

  /** A listener that hears nothing. */
  RunListener NONE = new RunListener() {};

  /**
   * A node begins an attempt.
   *
   * @param runId the run
   * @param nodeId the node
   * @param attempt the attempt number, from 1
   */
  default void nodeStarted(String runId, String nodeId, int attempt) {}

  /**
   * A node finished and, when the run has a checkpoint store, its update was checkpointed.
   *
   * @param runId the run
   * @param nodeId the node
   * @param attempt the attempt that succeeded, from 1
   * @param update the keys the node wrote
   * @param duration how long the attempt took
   */
  default void nodeCompleted(
      String runId, String nodeId, int attempt, Map<String, Object> update, Duration duration) {}

  /**
   * A node finished, with what its attempt recorded through {@link NodeContext#detail}, such as an
   * agent's tool calls. The run calls this method; its default calls the one without details, so a
   * listener that does not care about details implements only that one.
   *
   * @param runId the run
   * @param nodeId the node
   * @param attempt the attempt that succeeded, from 1
   * @param update the keys the node wrote
   * @param duration how long the attempt took
   * @param details the attempt's details by key; empty for most nodes
   */
  default void nodeCompleted(
      String runId,
      String nodeId,
      int attempt,
      Map<String, Object> update,
      Duration duration,
      Map<String, Object> details) {
    nodeCompleted(runId, nodeId, attempt, update, duration);
  }

  /**
   * An attempt of a node failed.
   *
   * @param runId the run
   * @param nodeId the node
   * @param attempt the attempt that failed, from 1
   * @param error what went wrong
   * @param willRetry whether the node's policy will try again
   */
  default void nodeFailed(
      String runId, String nodeId, int attempt, Throwable error, boolean willRetry) {}

  /**
   * A running node streamed a chunk of text, through {@link NodeContext#token}.
   *
   * @param runId the run
   * @param nodeId the node
   * @param chunkId the chunk's position in the node's stream, from 0
   * @param chunk the text
   * @param isFinal whether it is the last chunk of the stream
   * @param metadata on the last chunk: the model, tokens used and finish reason
   */
  default void token(
      String runId,
      String nodeId,
      int chunkId,
      String chunk,
      boolean isFinal,
      Optional<TokenMetadata> metadata) {}
}
