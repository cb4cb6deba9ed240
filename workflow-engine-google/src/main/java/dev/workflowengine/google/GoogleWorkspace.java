package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import com.google.api.client.googleapis.services.AbstractGoogleClient;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.auth.http.HttpCredentialsAdapter;
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
 * <p>Every request runs through {@link #call}: up to 4 retries of 429, 5xx, 403 with a rate-limit
 * reason and network failures, with exponential backoff and jitter or the wait Google's {@code
 * Retry-After} asks for; a limit of 100 calls a minute per user; and per service a circuit breaker
 * that refuses calls for 30 s after 5 consecutive calls failed with server errors or network
 * failures. The builder changes each of these.
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
  private final ResilientCalls calls;

  private GoogleWorkspace(Builder builder) {
    this.credentials = requireNonNull(builder.credentials, "credentials");
    this.transport = builder.transport == null ? new NetHttpTransport() : builder.transport;
    this.jsonFactory = GsonFactory.getDefaultInstance();
    this.rootUrl = builder.rootUrl;
    this.applicationName = builder.applicationName;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.calls = new ResilientCalls(builder.resilienceSettings());
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
   * Runs one request to a Google API for a user, within the user's rate limit and the service's
   * circuit breaker, retrying what is worth retrying.
   *
   * <pre>{@code
   * CalendarList calendars = google.call(GoogleService.CALENDAR, userId,
   *     () -> calendar.calendarList().list().execute());
   * }</pre>
   *
   * @param service the API, whose circuit breaker guards the call
   * @param userId the user the request acts for
   * @param call the request, which may run more than once
   * @param <T> what it returns
   * @return the answer
   * @throws GoogleApiException if Google answered with an error: at once for most 4xx, after the
   *     retries for 429, 5xx and 403 with a rate-limit reason
   * @throws NotConnectedException if the user has not authorised access; never retried
   * @throws ReauthorizationRequiredException if Google no longer honours the user's grant
   * @throws dev.workflowengine.api.RateLimitedException if the user is over their rate limit; no
   *     request was sent
   * @throws dev.workflowengine.api.UnavailableException if the network failed on every attempt, or
   *     the service's circuit breaker is open (no request was sent)
   */
  public <T> T call(GoogleService service, String userId, GoogleCall<T> call) {
    requireNonNull(service, "service");
    requireNonNull(userId, "userId");
    requireNonNull(call, "call");
    return calls.run(service, userId, call);
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
      // The adapter answers a 401 by refreshing the token and resending, up to the request's
      // retry count (10 by default): once is enough. Every other retry is call()'s, by policy.
      request.setNumberOfRetries(1);
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
    private int maxRetries = 4;
    private Duration retryBaseDelay = Duration.ofSeconds(1);
    private Duration retryMaxDelay = Duration.ofSeconds(32);
    private int rateLimitRequests = 100;
    private Duration rateLimitPeriod = Duration.ofMinutes(1);
    private Duration rateLimitWait = Duration.ZERO;
    private int breakerFailureThreshold = 5;
    private Duration breakerDelay = Duration.ofSeconds(30);

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
     * How many times a call is retried after its first attempt fails with 429, 5xx, 403 with a
     * rate-limit reason ({@code rateLimitExceeded}, {@code userRateLimitExceeded}) or a network
     * failure. Other 4xx are never retried: sent again, they fail again.
     *
     * @param retries from 0 (no retries) to 20; 4 by default
     * @return this builder
     */
    public Builder maxRetries(int retries) {
      this.maxRetries = ResilienceSettings.requireBetween(retries, 0, 20, "maxRetries");
      return this;
    }

    /**
     * The wait between attempts: exponential from {@code base}, doubling, capped at {@code max},
     * with jitter. Google's {@code Retry-After} replaces it (never shortened); one longer than
     * {@code max} ends the retries at once, and the {@link GoogleApiException} says how long Google
     * asked to wait.
     *
     * @param base the first wait; positive, 1 second by default
     * @param max the longest wait; at least {@code base}, 32 seconds by default
     * @return this builder
     */
    public Builder retryDelay(Duration base, Duration max) {
      ResilienceSettings.requireOrdered(base, max);
      this.retryBaseDelay = base;
      this.retryMaxDelay = max;
      return this;
    }

    /**
     * How many calls each user may make per period, across all services; a call over the limit
     * fails with {@link dev.workflowengine.api.RateLimitedException} without sending a request.
     * Bursty: the whole period's calls may come at once. Retries inside a call do not count.
     *
     * @param requests calls per period; at least 1, 100 by default
     * @param period the period; positive, at most a day, 1 minute by default
     * @return this builder
     */
    public Builder rateLimit(int requests, Duration period) {
      ResilienceSettings.requireBetween(requests, 1, Integer.MAX_VALUE, "rateLimit requests");
      this.rateLimitPeriod = ResilienceSettings.requireUpToADay(period, false, "period");
      this.rateLimitRequests = requests;
      return this;
    }

    /**
     * How long a call over the user's rate limit waits for a permit before it is refused.
     *
     * @param wait zero to a day; zero (refuse at once) by default
     * @return this builder
     */
    public Builder rateLimitWait(Duration wait) {
      this.rateLimitWait = ResilienceSettings.requireUpToADay(wait, true, "rateLimitWait");
      return this;
    }

    /**
     * When a service's circuit breaker opens, and for how long. After {@code failureThreshold}
     * consecutive calls to one service failed with 5xx or network failures (each after its
     * retries), calls to it fail at once with {@link dev.workflowengine.api.UnavailableException}
     * for {@code delay}; then one trial call goes through, and its success closes the circuit.
     * Other services are not affected.
     *
     * @param failureThreshold consecutive failed calls; 1 to 1000, 5 by default
     * @param delay how long the circuit stays open; positive, 30 seconds by default
     * @return this builder
     */
    public Builder circuitBreaker(int failureThreshold, Duration delay) {
      ResilienceSettings.requireBetween(failureThreshold, 1, 1000, "failureThreshold");
      this.breakerDelay = ResilienceSettings.requirePositive(delay, "delay");
      this.breakerFailureThreshold = failureThreshold;
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

    private ResilienceSettings resilienceSettings() {
      return new ResilienceSettings(
          maxRetries,
          retryBaseDelay,
          retryMaxDelay,
          rateLimitRequests,
          rateLimitPeriod,
          rateLimitWait,
          breakerFailureThreshold,
          breakerDelay);
    }
  }
}
