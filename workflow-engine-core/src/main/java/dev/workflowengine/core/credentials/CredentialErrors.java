package dev.workflowengine.core.credentials;

import dev.workflowengine.api.CredentialException;
import java.util.Collection;

/**
 * The vault's failure messages, in one place so that each names the user, the credential and the
 * key id and says what to do, and none can pick up a secret: they are built from validated ids,
 * sizes and version numbers only.
 */
final class CredentialErrors {

  private CredentialErrors() {}

  static CredentialException unknownKey(
      String userId, String name, String keyId, Collection<String> held) {
    return new CredentialException(
        subject(userId, name)
            + " was encrypted with key '"
            + keyId
            + "', which this vault does not hold (it holds "
            + held
            + "); add the key with id '"
            + keyId
            + "' to the vault, or write the credential again",
        userId,
        name,
        keyId,
        null);
  }

  static CredentialException unreadable(String userId, String name, String keyId, Throwable cause) {
    return new CredentialException(
        subject(userId, name)
            + " could not be decrypted with key '"
            + keyId
            + "': either the key the vault holds under that id is not the one that encrypted it,"
            + " or the stored value was altered or copied from another user or credential; add the"
            + " original key with id '"
            + keyId
            + "' to the vault, or write the credential again",
        userId,
        name,
        keyId,
        cause);
  }

  static CredentialException malformed(String userId, String name, String keyId, String detail) {
    String key = keyId == null ? "" : " (key '" + keyId + "')";
    return new CredentialException(
        subject(userId, name)
            + key
            + " is not a valid vault value: "
            + detail
            + "; it was truncated or altered in the store, so write the credential again",
        userId,
        name,
        keyId,
        null);
  }

  static CredentialException unsupportedVersion(
      String userId, String name, int version, int supported) {
    return new CredentialException(
        subject(userId, name)
            + " has format version "
            + version
            + " but this vault reads only version "
            + supported
            + "; if a newer version of the SDK wrote it, upgrade this one, otherwise the value was"
            + " altered in the store, so write the credential again",
        userId,
        name,
        null,
        null);
  }

  static CredentialException notText(String userId, String name, Throwable cause) {
    return new CredentialException(
        subject(userId, name)
            + " holds bytes that are not UTF-8 text, so it cannot be read as a string; read it"
            + " with get(userId, name), or write it with putString",
        userId,
        name,
        null,
        cause);
  }

  private static String subject(String userId, String name) {
    return "credential '" + name + "' of user '" + userId + "'";
  }
}
