package dev.workflowengine.testing.contract;

import dev.workflowengine.api.spi.EventTransport;
import dev.workflowengine.core.memory.InMemoryEventTransport;

/** The embedded {@link InMemoryEventTransport} honours the {@link EventTransport} contract. */
class InMemoryEventTransportContractTest extends EventTransportContract {

  private static final int BUFFER = 16;

  @Override
  protected EventTransport create() {
    return InMemoryEventTransport.builder().bufferSize(BUFFER).build();
  }

  @Override
  protected int subscriberBufferSize() {
    return BUFFER;
  }
}
