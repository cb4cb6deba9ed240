package dev.workflowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.memory.InMemoryCredentialStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The credential vault: configured keys, rotation, the generated key and when it is refused. */
@ExtendWith(OutputCaptureExtension.class)
class CredentialVaultAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(WorkflowEngineAutoConfiguration.class));

  @Test
  void theConfiguredKeyEncryptsAndAnotherContextWithTheSameKeyAndStoreReadsIt() {
    InMemoryCredentialStore store = new InMemoryCredentialStore();
    String key = randomKey();
    runner
        .withBean(CredentialStore.class, () -> store)
        .withPropertyValues("workflow-engine.credentials.key=" + key)
        .run(
            context -> {
              CredentialVault vault = context.getBean(CredentialVault.class);
              vault.putString("u1", "api-key", "secret-value");
              // The engine's own vault has the same keys.
              assertThat(
                      context
                          .getBean(WorkflowEngine.class)
                          .credentials()
                          .flatMap(engineVault -> engineVault.getString("u1", "api-key")))
                  .contains("secret-value");
            });
    assertThat(new String(store.get("u1", "api-key").orElseThrow())).doesNotContain("secret");
    runner
        .withBean(CredentialStore.class, () -> store)
        .withPropertyValues("workflow-engine.credentials.key=" + key)
        .run(
            context ->
                assertThat(context.getBean(CredentialVault.class).getString("u1", "api-key"))
                    .contains("secret-value"));
  }

  @Test
  void aPreviousKeyStillReadsWhatItWroteAfterRotation() {
    InMemoryCredentialStore store = new InMemoryCredentialStore();
    String oldKey = randomKey();
    runner
        .withBean(CredentialStore.class, () -> store)
        .withPropertyValues("workflow-engine.credentials.key=" + oldKey)
        .run(context -> context.getBean(CredentialVault.class).putString("u1", "token", "t1"));
    runner
        .withBean(CredentialStore.class, () -> store)
        .withPropertyValues(
            "workflow-engine.credentials.key-id=k2",
            "workflow-engine.credentials.key=" + randomKey(),
            "workflow-engine.credentials.previous-keys.k1=" + oldKey)
        .run(
            context -> {
              CredentialVault vault = context.getBean(CredentialVault.class);
              assertThat(vault.getString("u1", "token")).contains("t1");
              assertThat(vault.rotate("u1", "token")).isTrue();
            });
  }

  @Test
  void withoutAKeyAndWithTheInMemoryStoreAGeneratedKeyIsUsedWithAWarning(CapturedOutput output) {
    runner.run(
        context -> {
          CredentialVault vault = context.getBean(CredentialVault.class);
          vault.putString("u1", "token", "t1");
          assertThat(vault.getString("u1", "token")).contains("t1");
          assertThat(context.getBean(WorkflowEngine.class).credentials()).isPresent();
        });
    assertThat(output).contains("workflow-engine.credentials.key is not set");
  }

  @Test
  void withoutAKeyAnApplicationsOwnCredentialStoreFailsStartUpNamingTheProperty() {
    runner
        .withBean(CredentialStore.class, PersistentStore::new)
        .run(
            context ->
                PropertiesBindingTests.assertFailure(
                    context,
                    "workflow-engine.credentials.key is not set but the application's"
                        + " CredentialStore"));
  }

  @Test
  void theApplicationsVaultWinsAndNoKeysAreResolved() {
    CredentialVault own =
        CredentialVault.builder()
            .store(new InMemoryCredentialStore())
            .key("mine", Base64.getDecoder().decode(randomKey()))
            .build();
    runner
        .withBean(CredentialStore.class, PersistentStore::new)
        .withBean(CredentialVault.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CredentialVault.class)).isSameAs(own);
              assertThat(context).doesNotHaveBean(CredentialKeys.class);
              assertThat(context.getBean(WorkflowEngine.class).credentials()).isEmpty();
            });
  }

  @Test
  void propertiesNeverShowAKey() {
    String key = randomKey();
    CredentialsProperties properties = new CredentialsProperties(key, "k1", null);
    assertThat(properties.toString()).doesNotContain(key).contains("******");
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Stands for a store that keeps credentials across restarts, such as a JDBC table. */
  static final class PersistentStore implements CredentialStore {
    private final InMemoryCredentialStore delegate = new InMemoryCredentialStore();

    @Override
    public void put(String userId, String name, byte[] value) {
      delegate.put(userId, name, value);
    }

    @Override
    public Optional<byte[]> get(String userId, String name) {
      return delegate.get(userId, name);
    }

    @Override
    public boolean delete(String userId, String name) {
      return delegate.delete(userId, name);
    }

    @Override
    public List<String> names(String userId) {
      return delegate.names(userId);
    }
  }
}
