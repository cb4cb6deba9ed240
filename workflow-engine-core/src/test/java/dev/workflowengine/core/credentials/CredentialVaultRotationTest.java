package dev.workflowengine.core.credentials;

import static dev.workflowengine.core.credentials.VaultFixtures.keyIdOf;
import static dev.workflowengine.core.credentials.VaultFixtures.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.CredentialException;
import org.junit.jupiter.api.Test;

class CredentialVaultRotationTest {

  private final MapCredentialStore store = new MapCredentialStore();
  private final byte[] key1 = newKey();
  private final byte[] key2 = newKey();
  private final CredentialVault onlyK1 = VaultFixtures.vault(store, "k1", key1);
  private final CredentialVault k2Active =
      CredentialVault.builder()
          .store(store)
          .key("k1", key1)
          .key("k2", key2)
          .activeKey("k2")
          .build();
  private final CredentialVault onlyK2 = VaultFixtures.vault(store, "k2", key2);

  @Test
  void oldValuesStayReadableAndNewWritesUseTheActiveKey() {
    onlyK1.putString("u1", "google", "old-token");

    k2Active.putString("u1", "slack", "new-token");

    assertThat(k2Active.getString("u1", "google")).hasValue("old-token");
    assertThat(keyIdOf(store.raw("u1", "google"))).isEqualTo("k1");
    assertThat(keyIdOf(store.raw("u1", "slack"))).isEqualTo("k2");
    assertThat(onlyK2.getString("u1", "slack")).hasValue("new-token");
  }

  @Test
  void rotateReEncryptsUnderTheActiveKey() {
    onlyK1.putString("u1", "google", "old-token");
    byte[] before = store.raw("u1", "google");

    assertThat(k2Active.rotate("u1", "google")).isTrue();

    byte[] after = store.raw("u1", "google");
    assertThat(keyIdOf(after)).isEqualTo("k2");
    assertThat(after).isNotEqualTo(before);
    assertThat(onlyK2.getString("u1", "google")).hasValue("old-token");
    assertThatThrownBy(() -> onlyK1.getString("u1", "google"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("add the key with id 'k2'");
  }

  @Test
  void rotateLeavesValuesAlreadyUnderTheActiveKeyAlone() {
    k2Active.putString("u1", "google", "token");
    byte[] before = store.raw("u1", "google");

    assertThat(k2Active.rotate("u1", "google")).isFalse();
    assertThat(store.raw("u1", "google")).isEqualTo(before);
  }

  @Test
  void rotateOfAnAbsentCredentialIsFalse() {
    assertThat(k2Active.rotate("u1", "google")).isFalse();
    assertThat(store.names("u1")).isEmpty();
  }

  @Test
  void rotateAllReEncryptsEveryOldValueOfThatUserOnly() {
    onlyK1.putString("u1", "asana", "a");
    onlyK1.put("u1", "binary", new byte[] {0, 1, 2});
    k2Active.putString("u1", "google", "g");
    onlyK1.putString("u2", "asana", "other user");

    assertThat(k2Active.rotateAll("u1")).isEqualTo(2);

    for (String name : store.names("u1")) {
      assertThat(keyIdOf(store.raw("u1", name))).as(name).isEqualTo("k2");
    }
    assertThat(onlyK2.getString("u1", "asana")).hasValue("a");
    assertThat(onlyK2.get("u1", "binary"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(0, 1, 2));
    assertThat(onlyK2.getString("u1", "google")).hasValue("g");
    assertThat(keyIdOf(store.raw("u2", "asana"))).isEqualTo("k1");
    assertThat(k2Active.rotateAll("u1")).isZero();
  }

  @Test
  void rotateAllStopsAtAnUnreadableValueAndCanBeRunAgain() {
    onlyK1.putString("u1", "a-first", "1");
    onlyK1.putString("u1", "b-broken", "2");
    onlyK1.putString("u1", "c-last", "3");
    byte[] broken = store.raw("u1", "b-broken");
    broken[broken.length - 1] ^= 1;
    store.putRaw("u1", "b-broken", broken);

    assertThatThrownBy(() -> k2Active.rotateAll("u1"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("credential 'b-broken' of user 'u1'");
    assertThat(keyIdOf(store.raw("u1", "a-first"))).isEqualTo("k2");
    assertThat(keyIdOf(store.raw("u1", "c-last"))).isEqualTo("k1");

    k2Active.delete("u1", "b-broken");
    assertThat(k2Active.rotateAll("u1")).isEqualTo(1);
    assertThat(onlyK2.getString("u1", "c-last")).hasValue("3");
  }

  @Test
  void rotationToAKeyTheValueAlreadyUsesIsANoOpForEveryVault() {
    onlyK1.putString("u1", "google", "token");

    assertThat(onlyK1.rotateAll("u1")).isZero();
    assertThat(keyIdOf(store.raw("u1", "google"))).isEqualTo("k1");
  }
}
