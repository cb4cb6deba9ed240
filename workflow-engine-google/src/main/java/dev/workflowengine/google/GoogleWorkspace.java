package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import com.google.api.client.googleapis.services.AbstractGoogleClient;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.auth.http.HttpCredentialsAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The Google Workspace APIs of one application, acting for its users: the entry point to the
 * Calendar, Drive and Gmail wrappers, and the one place their requests run with retries, per-user
 * rate limits and per-service circuit breakers.
 *
 * <pre>{@code
 * GoogleWorkspace google = GoogleWorkspace.builder()
 *     .credentials(authorization)          // a GoogleAuthorization
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe; build one per application and share it.
 */
public final class GoogleWorkspace {

  private final GoogleCredentialSource credentials;
  private final HttpTransport transport;
  private final JsonFactory jsonFactory;
  private final String rootUrl;
  private final String applicationName;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  private GoogleWorkspace(Builder builder) {
    this.credentials = requireNonNull(builder.credentials, "credentials");
    this.transport = builder.transport == null ? new NetHttpTransport() : builder.transport;
    this.jsonFactory = GsonFactory.getDefaultInstance();
    this.rootUrl = builder.rootUrl;
    this.applicationName = builder.applicationName;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
  }

  /**
   * Starts building a workspace.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs one request to a Google API for a user.
   *
   * @param service the API, whose circuit breaker guards the call
   * @param userId the user the request acts for
   * @param call the request, which may run more than once
   * @param <T> what it returns
   * @return the answer
   * @throws GoogleApiException if Google answered with an error
   * @throws NotConnectedException if the user has not authorised access
   */
  public <T> T call(GoogleService service, String userId, GoogleCall<T> call) {
    requireNonNull(service, "service");
    requireNonNull(userId, "userId");
    try {
      return call.execute();
    } catch (IOException e) {
      throw new GoogleApiException(service, -1, null, null, e.getMessage(), e);
    }
  }

  /**
   * Sets a Google client builder up as this workspace's clients are: its root URL (when overridden)
   * and application name.
   *
   * @param builder a client builder made with {@link #transport()}, {@link #jsonFactory()} and
   *     {@link #requestInitializer(String)}
   * @param <B> the builder's type
   * @return the builder
   */
  public <B extends AbstractGoogleClient.Builder> B configure(B builder) {
    if (rootUrl != null) {
      builder.setRootUrl(rootUrl);
    }
    builder.setApplicationName(applicationName);
    return builder;
  }

  /**
   * Authorises a user's requests and sets their timeouts. The credentials are looked up when a
   * request is sent, so a user who has not authorised fails there, inside {@link #call}.
   *
   * @param userId the user
   * @return the initializer for a Google client builder
   */
  public HttpRequestInitializer requestInitializer(String userId) {
    requireNonNull(userId, "userId");
    return request -> {
      new HttpCredentialsAdapter(credentials.credentials(userId)).initialize(request);
      request.setConnectTimeout((int) connectTimeout.toMillis());
      request.setReadTimeout((int) readTimeout.toMillis());
    };
  }

  /**
   * The HTTP transport every client uses.
   *
   * @return the transport
   */
  public HttpTransport transport() {
    return transport;
  }

  /**
   * The JSON factory every client uses.
   *
   * @return Gson's
   */
  public JsonFactory jsonFactory() {
    return jsonFactory;
  }

  /**
   * The root URL that replaces every API's own, when one was set.
   *
   * @return the root URL
   */
  public Optional<String> rootUrl() {
    return Optional.ofNullable(rootUrl);
  }

  /** Builds a {@link GoogleWorkspace}. Not thread-safe. */
  public static final class Builder {
    private GoogleCredentialSource credentials;
    private HttpTransport transport;
    private String rootUrl;
    private String applicationName = "workflow-engine";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Where users' credentials come from; usually a {@link GoogleAuthorization}. Required.
     *
     * @param source the credential source
     * @return this builder
     */
    public Builder credentials(GoogleCredentialSource source) {
      this.credentials = requireNonNull(source, "source");
      return this;
    }

    /**
     * The HTTP transport; {@link NetHttpTransport} by default.
     *
     * @param httpTransport the transport
     * @return this builder
     */
    public Builder transport(HttpTransport httpTransport) {
      this.transport = requireNonNull(httpTransport, "httpTransport");
      return this;
    }

    /**
     * Sends every API's requests to one root URL instead of Google's (a test server, a proxy). It
     * must end with {@code /} and have no path: upload and download paths start at its root.
     *
     * @param url for example {@code http://localhost:8089/}
     * @return this builder
     */
    public Builder rootUrl(String url) {
      requireNonNull(url, "url");
      if (!url.endsWith("/")) {
        throw new IllegalArgumentException("rootUrl must end with '/' but was " + url);
      }
      this.rootUrl = url;
      return this;
    }

    /**
     * The application name sent in the {@code User-Agent}.
     *
     * @param name the name
     * @return this builder
     */
    public Builder applicationName(String name) {
      this.applicationName = requireNonNull(name, "name");
      return this;
    }

    /**
     * How long to wait for a connection; 10 seconds by default.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * How long to wait for data on an open connection; 60 seconds by default.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Builds the workspace.
     *
     * @return the workspace
     * @throws NullPointerException if no credential source was set
     */
    public GoogleWorkspace build() {
      return new GoogleWorkspace(this);
    }
  }
}
