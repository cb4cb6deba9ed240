package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Builds a {@link GoogleWorkspace}: where credentials come from, where requests go, and how they
 * are retried, rate-limited and guarded by circuit breakers. Each setter checks its argument at
 * once. Not thread-safe.
 */
public final class GoogleWorkspaceBuilder {
  GoogleCredentialSource credentials;
  HttpTransport transport;
  String rootUrl;
  String applicationName = "workflow-engine";
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration readTimeout = Duration.ofSeconds(60);
  int maxRetries = 4;
  Duration retryBaseDelay = Duration.ofSeconds(1);
  Duration retryMaxDelay = Duration.ofSeconds(32);
  int rateLimitRequests = 100;
  Duration rateLimitPeriod = Duration.ofMinutes(1);
  Duration rateLimitWait = Duration.ZERO;
  int breakerFailureThreshold = 5;
  Duration breakerDelay = Duration.ofSeconds(30);

  GoogleWorkspaceBuilder() {}

  /**
   * Where users' credentials come from; usually a {@link GoogleAuthorization}. Required.
   *
   * @param source the credential source
   * @return this builder
   */
  public GoogleWorkspaceBuilder credentials(GoogleCredentialSource source) {
    this.credentials = requireNonNull(source, "source");
    return this;
  }

  /**
   * The HTTP transport; {@link NetHttpTransport} by default.
   *
   * @param httpTransport the transport
   * @return this builder
   */
  public GoogleWorkspaceBuilder transport(HttpTransport httpTransport) {
    this.transport = requireNonNull(httpTransport, "httpTransport");
    return this;
  }

  /**
   * Sends every API's requests to one root URL instead of Google's (a test server, a proxy). It
   * must end with {@code /} and have no path: upload and download paths start at its root.
   *
   * @param url for example {@code http://localhost:8089/}
   * @return this builder
   * @throws IllegalArgumentException if it is not an absolute http or https URL whose path is
   *     {@code /}, or has a query or fragment
   */
  public GoogleWorkspaceBuilder rootUrl(String url) {
    requireNonNull(url, "url");
    if (!isRoot(url)) {
      throw new IllegalArgumentException(
          "rootUrl must be an http or https URL with no path, query or fragment that ends with"
              + " '/', such as http://localhost:8089/, since upload and download paths start at"
              + " its root, but was "
              + url);
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
  public GoogleWorkspaceBuilder applicationName(String name) {
    this.applicationName = requireNonNull(name, "name");
    return this;
  }

  /**
   * How long to wait for a connection; 10 seconds by default.
   *
   * @param timeout the timeout; positive, at most a day
   * @return this builder
   */
  public GoogleWorkspaceBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = ResilienceSettings.requireUpToADay(timeout, false, "connectTimeout");
    return this;
  }

  /**
   * How long to wait for data on an open connection; 60 seconds by default.
   *
   * @param timeout the timeout; positive, at most a day
   * @return this builder
   */
  public GoogleWorkspaceBuilder readTimeout(Duration timeout) {
    this.readTimeout = ResilienceSettings.requireUpToADay(timeout, false, "readTimeout");
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
  public GoogleWorkspaceBuilder maxRetries(int retries) {
    this.maxRetries = ResilienceSettings.requireBetween(retries, 0, 20, "maxRetries");
    return this;
  }

  /**
   * The wait between attempts: exponential from {@code base}, doubling, capped at {@code max}, with
   * jitter. Google's {@code Retry-After} replaces it (never shortened); one longer than {@code max}
   * ends the retries at once, and the {@link GoogleApiException} says how long Google asked to
   * wait.
   *
   * @param base the first wait; positive, 1 second by default
   * @param max the longest wait; at least {@code base}, 32 seconds by default
   * @return this builder
   */
  public GoogleWorkspaceBuilder retryDelay(Duration base, Duration max) {
    ResilienceSettings.requireOrdered(base, max);
    this.retryBaseDelay = base;
    this.retryMaxDelay = max;
    return this;
  }

  /**
   * How many calls each user may make per period, across all services; a call over the limit fails
   * with {@link dev.workflowengine.api.RateLimitedException} without sending a request. Bursty: the
   * whole period's calls may come at once. Retries inside a call do not count.
   *
   * @param requests calls per period; at least 1, 100 by default
   * @param period the period; positive, at most a day, 1 minute by default
   * @return this builder
   */
  public GoogleWorkspaceBuilder rateLimit(int requests, Duration period) {
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
  public GoogleWorkspaceBuilder rateLimitWait(Duration wait) {
    this.rateLimitWait = ResilienceSettings.requireUpToADay(wait, true, "rateLimitWait");
    return this;
  }

  /**
   * When a service's circuit breaker opens, and for how long. After {@code failureThreshold}
   * consecutive calls to one service failed with 5xx or network failures (each after its retries),
   * calls to it fail at once with {@link dev.workflowengine.api.UnavailableException} for {@code
   * delay}; then one trial call goes through: its success closes the circuit, its failure opens it
   * for another {@code delay}. Other services are not affected.
   *
   * @param failureThreshold consecutive failed calls; 1 to 1000, 5 by default
   * @param delay how long the circuit stays open; positive, 30 seconds by default
   * @return this builder
   */
  public GoogleWorkspaceBuilder circuitBreaker(int failureThreshold, Duration delay) {
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

  private static boolean isRoot(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme();
    return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        && uri.getHost() != null
        && "/".equals(uri.getRawPath())
        && uri.getRawQuery() == null
        && uri.getRawFragment() == null;
  }

  ResilienceSettings resilienceSettings() {
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
