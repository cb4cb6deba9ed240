package dev.workflowengine.google;

import com.google.auth.http.HttpTransportFactory;
import java.net.URI;

/**
 * The application's OAuth client as the token endpoint knows it, and how to reach that endpoint.
 *
 * @param clientId the client id
 * @param clientSecret the client secret; never printed
 * @param tokenUri where codes are exchanged and tokens refreshed
 * @param transports the HTTP transport for the token and revoke endpoints
 */
record OAuthClient(
    String clientId, String clientSecret, URI tokenUri, HttpTransportFactory transports) {

  /** Leaves the secret out. */
  @Override
  public String toString() {
    return "OAuthClient[clientId=" + clientId + ", tokenUri=" + tokenUri + "]";
  }
}
