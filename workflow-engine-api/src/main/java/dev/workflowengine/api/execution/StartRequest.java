package dev.workflowengine.api.execution;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A request to run a workflow.
 *
 * <pre>{@code
 * StartRequest request = StartRequest.of("document-analysis", Map.of("path", "report.pdf"))
 *     .user("u1")
 *     .idempotencyKey("upload-7781");
 * }</pre>
 *
 * @param workflowId the workflow to run
 * @param version the version to run; absent means the latest
 * @param input the initial state; values must be immutable or JSON-serialisable
 * @param userId the user who will own the execution
 * @param idempotencyKey a key under which repeated requests start only one execution
 */
public record StartRequest(
    String workflowId,
    Optional<Integer> version,
    Map<String, Object> input,
    String userId,
    Optional<String> idempotencyKey) {

  /** The owner of executions started without {@link #user(String)}. */
  public static final String DEFAULT_USER = "default";

  /** Validates and normalises the components. */
  public StartRequest {
    requireNonNull(workflowId, "workflowId");
    version = version == null ? Optional.empty() : version;
    version.ifPresent(
        v -> {
          if (v < 1) {
            throw new IllegalArgumentException("version must be >= 1 but was " + v);
          }
        });
    input = input == null ? Map.of() : Map.copyOf(input);
    requireNonNull(userId, "userId");
    idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
  }

  /**
   * A request to run the latest version of a workflow, owned by {@link #DEFAULT_USER}.
   *
   * @param workflowId the workflow id
   * @param input the initial state
   * @return the request
   */
  public static StartRequest of(String workflowId, Map<String, ?> input) {
    return new StartRequest(
        workflowId, Optional.empty(), Map.copyOf(input), DEFAULT_USER, Optional.empty());
  }

  /**
   * This request owned by another user.
   *
   * @param owner the user id
   * @return a copy with the user replaced
   */
  public StartRequest user(String owner) {
    return new StartRequest(workflowId, version, input, owner, idempotencyKey);
  }

  /**
   * This request pinned to one version of the workflow.
   *
   * @param pinned the version, from 1
   * @return a copy with the version set
   */
  public StartRequest version(int pinned) {
    return new StartRequest(workflowId, Optional.of(pinned), input, userId, idempotencyKey);
  }

  /**
   * This request with an idempotency key.
   *
   * @param key the key
   * @return a copy with the key set
   */
  public StartRequest idempotencyKey(String key) {
    return new StartRequest(workflowId, version, input, userId, Optional.of(key));
  }
}
