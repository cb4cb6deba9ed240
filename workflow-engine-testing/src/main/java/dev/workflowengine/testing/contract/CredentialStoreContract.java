package dev.workflowengine.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.spi.CredentialStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that a {@link CredentialStore} honours its contract: values come back byte for byte and as
 * copies, only to the user they were stored under, the last write wins, and names are listed
 * sorted. Extend it in your implementation's tests:
 *
 * <pre>{@code
 * class JdbcCredentialStoreTest extends CredentialStoreContract {
 *   @Override
 *   protected CredentialStore create() {
 *     return new JdbcCredentialStore(emptyDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #create()} runs before every test. Names used here are lowercase ASCII, so "sorted"
 * means the same under {@link String#compareTo} and any database collation.
 */
public abstract class CredentialStoreContract {

  private CredentialStore store;

  /** For subclasses. */
  protected CredentialStoreContract() {}

  /**
   * Creates the store under test; called before every test.
   *
   * @return a new, empty store
   */
  protected abstract CredentialStore create();

  @BeforeEach
  void createStore() {
    store = create();
  }

  /** Every byte value, including zero and invalid UTF-8, comes back unchanged. */
  @Test
  void storedBytesComeBackByteForByte() {
    String user = Fixtures.id("user");
    store.put(user, "google", every());

    assertThat(store.get(user, "google")).hasValueSatisfying(v -> assertThat(v).isEqualTo(every()));
  }

  /** An empty value and a large one are stored as they are. */
  @Test
  void emptyAndLargeValuesComeBackUnchanged() {
    String user = Fixtures.id("user");
    byte[] large = new byte[64 * 1024];
    new Random(42).nextBytes(large);

    store.put(user, "empty", new byte[0]);
    store.put(user, "large", large);

    assertThat(store.get(user, "empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
    assertThat(store.get(user, "large")).hasValueSatisfying(v -> assertThat(v).isEqualTo(large));
  }

  /** Changing the array given to put, or the one get returned, changes nothing stored. */
  @Test
  void arraysPassedInAndOutAreCopies() {
    String user = Fixtures.id("user");
    byte[] value = {1, 2, 3};

    store.put(user, "key", value);
    value[0] = 9;
    byte[] read = store.get(user, "key").orElseThrow();
    read[1] = 9;

    assertThat(store.get(user, "key"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
  }

  /** A second put under the same user and name replaces the first. */
  @Test
  void lastWriteWins() {
    String user = Fixtures.id("user");

    store.put(user, "key", new byte[] {1});
    store.put(user, "key", new byte[] {2, 2});

    assertThat(store.get(user, "key")).hasValueSatisfying(v -> assertThat(v).containsExactly(2, 2));
    assertThat(store.names(user)).containsExactly("key");
  }

  /** Two users with a credential of the same name never see, list or delete each other's. */
  @Test
  void credentialsAreSeparatePerUser() {
    String alice = Fixtures.id("alice");
    String bob = Fixtures.id("bob");
    store.put(alice, "google", new byte[] {1});
    store.put(alice, "slack", new byte[] {3});
    store.put(bob, "google", new byte[] {2});

    assertThat(store.get(alice, "google"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(1));
    assertThat(store.get(bob, "google")).hasValueSatisfying(v -> assertThat(v).containsExactly(2));
    assertThat(store.get(bob, "slack")).isEmpty();
    assertThat(store.names(bob)).containsExactly("google");
    assertThat(store.delete(bob, "slack")).isFalse();

    assertThat(store.delete(bob, "google")).isTrue();

    assertThat(store.get(bob, "google")).isEmpty();
    assertThat(store.get(alice, "google"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(1));
    assertThat(store.names(alice)).containsExactly("google", "slack");
  }

  /** Unknown users and names have nothing. */
  @Test
  void unknownCredentialsAreEmpty() {
    String user = Fixtures.id("user");

    assertThat(store.get(user, "google")).isEmpty();
    assertThat(store.names(user)).isEmpty();
    assertThat(store.delete(user, "google")).isFalse();
  }

  /** Delete says whether it deleted something, and a deleted credential is gone. */
  @Test
  void deleteRemovesTheCredential() {
    String user = Fixtures.id("user");
    store.put(user, "google", new byte[] {1});
    store.put(user, "slack", new byte[] {2});

    assertThat(store.delete(user, "google")).isTrue();
    assertThat(store.delete(user, "google")).isFalse();

    assertThat(store.get(user, "google")).isEmpty();
    assertThat(store.names(user)).containsExactly("slack");
  }

  /** Names come back sorted, whatever the order they were stored in. */
  @Test
  void namesAreSorted() {
    String user = Fixtures.id("user");
    for (String name : List.of("slack", "google", "openai", "anthropic", "github")) {
      store.put(user, name, new byte[] {1});
    }

    assertThat(store.names(user))
        .containsExactly("anthropic", "github", "google", "openai", "slack");
  }

  /** Concurrent puts of different names for one user all land. */
  @Test
  void concurrentPutsOfOneUserAllLand() throws InterruptedException {
    String user = Fixtures.id("user");
    int threads = 8;
    int perThread = 25;

    List<Object> outcomes =
        Race.run(
            threads,
            Duration.ofSeconds(30),
            t ->
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    store.put(user, String.format("t%02d-n%02d", t, i), new byte[] {(byte) t});
                  }
                  return null;
                });

    assertThat(outcomes).containsOnlyNulls();
    List<String> expected =
        IntStream.range(0, threads)
            .boxed()
            .flatMap(
                t ->
                    IntStream.range(0, perThread).mapToObj(i -> String.format("t%02d-n%02d", t, i)))
            .sorted()
            .collect(Collectors.toCollection(ArrayList::new));
    assertThat(store.names(user)).isEqualTo(expected);
  }

  private static byte[] every() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }
}
