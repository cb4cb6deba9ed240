package dev.workflowengine.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A stored credential cannot be read: it was encrypted with a key the vault does not hold, the key
 * under its id is a different one, or the stored value was truncated, altered or copied from
 * another user or credential. The message names the user, the credential and the key id and says
 * what to do; it never contains the secret or any key material.
 *
 * <pre>{@code
 * try {
 *   Optional<String> token = vault.getString("u1", "google");
 * } catch (CredentialException e) {
 *   log.warn("{}", e.getMessage());     // safe to log
 *   askUserToReconnect(e.userId(), e.credentialName());
 * }
 * }</pre>
 *
 * <p>Not retriable: reading the same bytes with the same keys fails the same way.
 */
public class CredentialException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String userId;
  private final String credentialName;
  private final String keyId;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and what to do; must not contain secrets or key material
   * @param userId the owner of the credential
   * @param credentialName the credential's name
   * @param keyId the id of the key the value names, or {@code null} when it could not be read
   * @param cause the underlying failure, or {@code null}
   */
  public CredentialException(
      String message, String userId, String credentialName, String keyId, Throwable cause) {
    super(message, cause);
    this.userId = requireNonNull(userId, "userId");
    this.credentialName = requireNonNull(credentialName, "credentialName");
    this.keyId = keyId;
  }

  /**
   * The owner of the credential that could not be read.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }

  /**
   * The name of the credential that could not be read.
   *
   * @return the name, for example {@code google}
   */
  public String credentialName() {
    return credentialName;
  }

  /**
   * The id of the key the stored value says it was encrypted with.
   *
   * @return the key id, or empty when the stored value was too damaged to name one
   */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }
}
