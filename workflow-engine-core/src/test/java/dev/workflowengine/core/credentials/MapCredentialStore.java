package dev.workflowengine.core.credentials;

import dev.workflowengine.api.spi.CredentialStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map-backed {@link CredentialStore} for these tests, with access to the raw stored bytes so
 * tests can inspect and damage them. Copies on the way in and out, as a real store would.
 */
final class MapCredentialStore implements CredentialStore {

  private final Map<List<String>, byte[]> values = new ConcurrentHashMap<>();

  @Override
  public void put(String userId, String name, byte[] ciphertext) {
    values.put(List.of(userId, name), ciphertext.clone());
  }

  @Override
  public Optional<byte[]> get(String userId, String name) {
    return Optional.ofNullable(values.get(List.of(userId, name))).map(byte[]::clone);
  }

  @Override
  public boolean delete(String userId, String name) {
    return values.remove(List.of(userId, name)) != null;
  }

  @Override
  public List<String> names(String userId) {
    return values.keySet().stream()
        .filter(k -> k.get(0).equals(userId))
        .map(k -> k.get(1))
        .sorted()
        .toList();
  }

  /** The stored bytes, failing the test if there are none. */
  byte[] raw(String userId, String name) {
    return get(userId, name).orElseThrow(() -> new AssertionError("nothing stored for " + name));
  }

  /** Replaces the stored bytes without going through a vault. */
  void putRaw(String userId, String name, byte[] bytes) {
    put(userId, name, bytes);
  }

  /** Every stored value. */
  List<byte[]> allValues() {
    return values.values().stream().map(byte[]::clone).toList();
  }
}
