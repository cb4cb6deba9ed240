package dev.workflowengine.testing.contract;

import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.core.memory.InMemoryCredentialStore;

/** The embedded {@link InMemoryCredentialStore} honours the {@link CredentialStore} contract. */
class InMemoryCredentialStoreContractTest extends CredentialStoreContract {

  @Override
  protected CredentialStore create() {
    return new InMemoryCredentialStore();
  }
}
