package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * A chunk of text streamed by a model while a node runs. Wire name {@code token}.
 *
 * @param executionId the execution
 * @param workflowId the workflow it runs
 * @param sequence the event's position in the execution's stream: 1, 2, 3 ... with no gaps
 * @param timestamp when it happened
 * @param nodeId the node whose model streamed the chunk
 * @param chunkId the chunk's position in the node's stream, from 0
 * @param chunk the text of the chunk
 * @param isFinal whether this is the last chunk of the stream
 * @param metadata on the final chunk: the model, tokens used and finish reason
 */
public record Token(
    @JsonProperty("execution_id") String executionId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("node_id") String nodeId,
    @JsonProperty("chunk_id") int chunkId,
    @JsonProperty("chunk") String chunk,
    @JsonProperty("is_final") boolean isFinal,
    @JsonProperty("metadata") Optional<TokenMetadata> metadata)
    implements WorkflowEvent {

  /** Validates and normalises the components. */
  public Token {
    requireNonNull(executionId, "executionId");
    requireNonNull(workflowId, "workflowId");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(nodeId, "nodeId");
    requireNonNull(chunk, "chunk");
    metadata = metadata == null ? Optional.empty() : metadata;
  }

  @Override
  public String type() {
    return "token";
  }
}
