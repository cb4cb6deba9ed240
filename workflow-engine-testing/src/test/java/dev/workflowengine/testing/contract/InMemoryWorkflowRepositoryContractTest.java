package dev.workflowengine.testing.contract;

import dev.workflowengine.api.spi.WorkflowRepository;
import dev.workflowengine.core.memory.InMemoryWorkflowRepository;

/**
 * The embedded {@link InMemoryWorkflowRepository} honours the {@link WorkflowRepository} contract.
 */
class InMemoryWorkflowRepositoryContractTest extends WorkflowRepositoryContract {

  @Override
  protected WorkflowRepository create() {
    return new InMemoryWorkflowRepository();
  }
}
