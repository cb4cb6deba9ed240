package dev.workflowengine.google;

import com.google.auth.Credentials;

/**
 * Where a {@link GoogleWorkspace} gets a user's credentials. {@link GoogleAuthorization} is the one
 * applications use; tests and service accounts can supply their own.
 */
@FunctionalInterface
public interface GoogleCredentialSource {

  /**
   * The credentials to call Google as a user.
   *
   * @param userId the user
   * @return credentials that refresh themselves as needed
   * @throws NotConnectedException if the user has not authorised access
   */
  Credentials credentials(String userId);
}
