package dev.workflowengine.core.memory;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.spi.CredentialStore;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The embedded {@link CredentialStore}: each user's ciphertexts in memory. Lost when the process
 * ends, which for credentials means every user authorizes again after a restart; use a
 * database-backed store to keep them.
 *
 * <pre>{@code
 * CredentialStore store = new InMemoryCredentialStore();
 * store.put("u1", "google", ciphertext);
 * byte[] back = store.get("u1", "google").orElseThrow();   // a copy, equal to ciphertext
 * List<String> names = store.names("u1");                  // ["google"]
 * }</pre>
 *
 * <p>Values are copied on the way in and on the way out, so neither the caller nor anyone reading
 * later can change what is stored. The store never looks inside them and {@link #toString()} shows
 * only counts.
 *
 * <p>Not bounded: credentials are written once per user and service when a person authorizes one,
 * not per request.
 *
 * <p>Thread-safe: every operation is atomic; one user's writes never block another's.
 */
public final class InMemoryCredentialStore implements CredentialStore {

  private final Map<String, NavigableMap<String, byte[]>> users = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryCredentialStore() {}

  @Override
  public void put(String userId, String name, byte[] ciphertext) {
    requireNonNull(userId, "userId");
    requireNonNull(name, "name");
    byte[] copy = requireNonNull(ciphertext, "ciphertext").clone();
    // compute() holds the user's bin, so a concurrent delete of the user's last credential cannot
    // drop the map this put writes into.
    users.compute(
        userId,
        (id, names) -> {
          NavigableMap<String, byte[]> map = names == null ? new ConcurrentSkipListMap<>() : names;
          map.put(name, copy);
          return map;
        });
  }

  @Override
  public Optional<byte[]> get(String userId, String name) {
    requireNonNull(userId, "userId");
    requireNonNull(name, "name");
    NavigableMap<String, byte[]> names = users.get(userId);
    byte[] value = names == null ? null : names.get(name);
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  @Override
  public boolean delete(String userId, String name) {
    requireNonNull(userId, "userId");
    requireNonNull(name, "name");
    boolean[] deleted = new boolean[1];
    users.computeIfPresent(
        userId,
        (id, names) -> {
          deleted[0] = names.remove(name) != null;
          return names.isEmpty() ? null : names;
        });
    return deleted[0];
  }

  @Override
  public List<String> names(String userId) {
    NavigableMap<String, byte[]> names = users.get(requireNonNull(userId, "userId"));
    return names == null ? List.of() : List.copyOf(names.keySet());
  }

  /** Shows how many users have credentials, never a name or a value. */
  @Override
  public String toString() {
    return "InMemoryCredentialStore[users=" + users.size() + "]";
  }
}
