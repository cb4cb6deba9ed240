package dev.workflowengine.core.engine;

import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.execution.ExecutionError;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.api.spi.WorkItem;
import dev.workflowengine.core.Workflow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts executions: checkpoints the input, records the execution and queues it, in that order, so
 * that nothing accepted can be lost. A start with an idempotency key always maps to the same
 * execution id, so repeating it finds the first execution instead of starting another.
 */
final class Starts {

  private static final Duration DUPLICATE_START_PATIENCE = Duration.ofSeconds(5);

  private final EngineCore core;

  Starts(EngineCore core) {
    this.core = core;
  }

  /** Accepts the execution and returns its id. */
  String start(StartRequest request) {
    String userId = UserIds.check(request.userId());
    Workflow workflow = core.registry.forStart(request.workflowId(), request.version(), userId);
    String executionId =
        request
            .idempotencyKey()
            .map(key -> idempotentId(userId, workflow.id(), key))
            .orElseGet(() -> UUID.randomUUID().toString());
    if (request.idempotencyKey().isPresent() && core.executions.find(executionId).isPresent()) {
      return executionId;
    }
    try {
      workflow.begin(executionId, request.input(), core.checkpoints);
      Instant now = core.clock.instant();
      core.executions.insert(
          ExecutionRecord.queued(executionId, workflow.id(), workflow.version(), userId, now));
      submit(new WorkItem(executionId, workflow.id(), now));
    } catch (VersionConflictException duplicate) {
      if (request.idempotencyKey().isEmpty()) {
        throw duplicate;
      }
      // a start with the same key checkpointed it a moment ago; its record follows at once
      Records.awaitInserted(core.executions, executionId, DUPLICATE_START_PATIENCE);
    }
    return executionId;
  }

  /** Queues the item; a full queue fails the execution, which was never started, and says so. */
  private void submit(WorkItem item) {
    try {
      core.queue.submit(item);
    } catch (RateLimitedException full) {
      Instant now = core.clock.instant();
      ExecutionError error =
          new ExecutionError(
              RateLimitedException.class.getSimpleName(), full.getMessage(), Optional.empty());
      Records.update(
          core.executions,
          item.executionId(),
          current -> current.finished(ExecutionStatus.FAILED, now, Map.of(), error));
      core.checkpoints.delete(item.executionId());
      throw full;
    }
  }

  private static String idempotentId(String userId, String workflowId, String key) {
    byte[] name = (userId + '\n' + workflowId + '\n' + key).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }
}
