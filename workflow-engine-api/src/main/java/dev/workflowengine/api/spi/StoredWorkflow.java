package dev.workflowengine.api.spi;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.definition.WorkflowDefinition;
import java.time.Instant;

/**
 * One version of a workflow definition as a {@link WorkflowRepository} keeps it.
 *
 * @param definition the definition; its {@code version} is this entry's version
 * @param ownerId the user who owns the workflow
 * @param createdAt when this version was stored
 */
public record StoredWorkflow(WorkflowDefinition definition, String ownerId, Instant createdAt) {

  /** Validates the components. */
  public StoredWorkflow {
    requireNonNull(definition, "definition");
    requireNonNull(ownerId, "ownerId");
    requireNonNull(createdAt, "createdAt");
  }

  /**
   * The workflow id.
   *
   * @return the definition's id
   */
  public String workflowId() {
    return definition.id();
  }

  /**
   * The version.
   *
   * @return the definition's version
   */
  public int version() {
    return definition.version();
  }
}
