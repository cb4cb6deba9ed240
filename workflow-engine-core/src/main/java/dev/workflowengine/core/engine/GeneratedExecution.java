package dev.workflowengine.core.engine;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.core.generate.GeneratedWorkflow;

/**
 * What {@link WorkflowEngine#generateAndStart} did: the workflow the model wrote, the version it
 * was stored as, and the execution it started.
 *
 * <pre>{@code
 * GeneratedExecution run = engine.generateAndStart(generator, "Triage support tickets", "u1", input);
 * log.info("running {} v{}", run.stored().workflowId(), run.stored().version());
 * ExecutionRecord record = run.handle().await(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param generated the generated definition with its prompt, model and attempts
 * @param stored the definition as stored, owned by the user
 * @param handle the started execution
 */
public record GeneratedExecution(
    GeneratedWorkflow generated, StoredWorkflow stored, ExecutionHandle handle) {

  /** Validates the components. */
  public GeneratedExecution {
    requireNonNull(generated, "generated");
    requireNonNull(stored, "stored");
    requireNonNull(handle, "handle");
  }
}
