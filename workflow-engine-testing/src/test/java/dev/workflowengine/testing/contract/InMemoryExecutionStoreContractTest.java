package dev.workflowengine.testing.contract;

import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.core.memory.InMemoryExecutionStore;

/** The embedded {@link InMemoryExecutionStore} honours the {@link ExecutionStore} contract. */
class InMemoryExecutionStoreContractTest extends ExecutionStoreContract {

  @Override
  protected ExecutionStore create() {
    return new InMemoryExecutionStore();
  }
}
