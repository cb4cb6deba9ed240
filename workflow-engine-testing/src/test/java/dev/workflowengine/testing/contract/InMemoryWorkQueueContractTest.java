package dev.workflowengine.testing.contract;

import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.core.memory.InMemoryWorkQueue;

/** The embedded {@link InMemoryWorkQueue} honours the {@link WorkQueue} contract. */
class InMemoryWorkQueueContractTest extends WorkQueueContract {

  @Override
  protected WorkQueue create() {
    return new InMemoryWorkQueue();
  }

  @Override
  protected WorkQueue createWithCapacity(int capacity) {
    return InMemoryWorkQueue.builder().capacity(capacity).build();
  }
}
