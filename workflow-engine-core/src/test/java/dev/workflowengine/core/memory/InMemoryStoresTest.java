package dev.workflowengine.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.api.spi.StoredWorkflow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the in-memory repository and credential store add to their contracts. */
class InMemoryStoresTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void credentialStoreNeverShowsNamesOrValues() {
    InMemoryCredentialStore store = new InMemoryCredentialStore();
    store.put("u1", "google", "secret-token".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(store.toString())
        .isEqualTo("InMemoryCredentialStore[users=1]")
        .doesNotContain("google", "secret");
    assertThat(store.delete("u1", "google")).isTrue();
    assertThat(store.toString()).isEqualTo("InMemoryCredentialStore[users=0]");
  }

  @Test
  void credentialStoreRejectsNulls() {
    InMemoryCredentialStore store = new InMemoryCredentialStore();

    assertThatThrownBy(() -> store.put("u1", "google", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ciphertext");
    assertThatThrownBy(() -> store.get(null, "google")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aWorkflowBelongsToTheOwnerOfItsLatestVersion() {
    InMemoryWorkflowRepository repository = new InMemoryWorkflowRepository();
    repository.insert(stored("wf", 1, "alice"));
    repository.insert(stored("wf", 2, "bob"));

    assertThat(repository.list("alice", 0, 10)).isEmpty();
    assertThat(repository.list("bob", 0, 10))
        .extracting(StoredWorkflow::version)
        .containsExactly(2);
    assertThat(repository.size()).isEqualTo(1);
  }

  @Test
  void listChecksItsPage() {
    InMemoryWorkflowRepository repository = new InMemoryWorkflowRepository();

    assertThatThrownBy(() -> repository.list("u1", -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset must be >= 0 but was -1");
    assertThatThrownBy(() -> repository.list("u1", 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be >= 1 but was 0");
  }

  private static StoredWorkflow stored(String id, int version, String owner) {
    return new StoredWorkflow(WorkflowDefinition.builder(id).version(version).build(), owner, T0);
  }
}
