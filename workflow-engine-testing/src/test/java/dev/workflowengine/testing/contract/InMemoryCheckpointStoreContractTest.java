package dev.workflowengine.testing.contract;

import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;

/** The embedded {@link InMemoryCheckpointStore} honours the {@link CheckpointStore} contract. */
class InMemoryCheckpointStoreContractTest extends CheckpointStoreContract {

  @Override
  protected CheckpointStore create() {
    return new InMemoryCheckpointStore();
  }
}
