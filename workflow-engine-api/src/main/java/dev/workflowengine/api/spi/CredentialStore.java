package dev.workflowengine.api.spi;

import java.util.List;
import java.util.Optional;

/**
 * Keeps users' credentials (OAuth tokens, API keys) as opaque ciphertext. The core encrypts every
 * value with AES-GCM before it reaches the store, so an implementation never sees a secret and need
 * not be trusted with one. Fits a table keyed by {@code (user_id, name)}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety:</b> safe for concurrent use by any number of threads and processes.
 *   <li><b>Opaque:</b> values are stored and returned byte for byte; the store never interprets,
 *       logs or prints them.
 *   <li><b>Per user:</b> a value is only ever returned for the user id it was stored under.
 *   <li><b>Last write wins</b> for the same user and name.
 *   <li><b>Failure:</b> a storage failure is thrown as an unchecked exception and changes nothing.
 * </ul>
 *
 * <p>Prove an implementation with {@code CredentialStoreContract} from {@code
 * workflow-engine-testing}.
 */
public interface CredentialStore {

  /**
   * Stores a ciphertext, replacing any previous one under the same user and name.
   *
   * @param userId the owner
   * @param name the credential's name, for example {@code google}
   * @param ciphertext the encrypted value
   */
  void put(String userId, String name, byte[] ciphertext);

  /**
   * The ciphertext stored under a user and name.
   *
   * @param userId the owner
   * @param name the credential's name
   * @return a copy of the stored bytes, or empty if there is none
   */
  Optional<byte[]> get(String userId, String name);

  /**
   * Deletes a credential.
   *
   * @param userId the owner
   * @param name the credential's name
   * @return {@code true} if something was deleted
   */
  boolean delete(String userId, String name);

  /**
   * The names of a user's credentials, sorted.
   *
   * @param userId the owner
   * @return the names, possibly empty
   */
  List<String> names(String userId);
}
