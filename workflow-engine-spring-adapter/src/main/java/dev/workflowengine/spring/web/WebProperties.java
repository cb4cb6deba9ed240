package dev.workflowengine.spring.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional REST and SSE layer: workflow definitions, executions, generation and live events
 * under one base path, for the user a {@link UserResolver} names.
 *
 * <pre>
 * workflow-engine.web.enabled=true
 * workflow-engine.web.rate-limit.requests=60
 * workflow-engine.web.dev-user-header=X-User     # development only: trusts the header
 * </pre>
 *
 * @param enabled Whether to serve the REST and SSE endpoints; off unless set, since they expose the
 *     engine over HTTP.
 * @param basePath The path every endpoint starts with.
 * @param devUserHeader A request header taken as the caller's user id when no authenticated
 *     principal is present. For development only: anyone can send it. Unset, requests without a
 *     principal are refused with 401.
 * @param devUserParameter A query parameter taken as the caller's user id when neither a principal
 *     nor the development header names one: how a browser's EventSource, which cannot send headers,
 *     follows an execution in development. For development only: anyone can send it.
 * @param rateLimit How many requests each user may make per period; past it, 429 with Retry-After.
 * @param heartbeatInterval How often an open event stream gets a comment line, so that proxies do
 *     not close it as idle.
 * @param streamTimeout How long one event stream stays open; the browser's EventSource then
 *     reconnects with Last-Event-ID and misses nothing.
 * @param maxPromptLength The longest prompt, in characters, the generation endpoints accept.
 * @param corsAllowedOrigins Origins allowed to call the endpoints from a browser, such as
 *     'https://app.example.com'; empty allows none but the application's own.
 */
@ConfigurationProperties(WebProperties.PREFIX)
public record WebProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("/api/v1") String basePath,
    String devUserHeader,
    String devUserParameter,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue("15s") Duration heartbeatInterval,
    @DefaultValue("30m") Duration streamTimeout,
    @DefaultValue("4000") int maxPromptLength,
    List<String> corsAllowedOrigins) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.web";

  /** Checks every value, naming the property that is wrong. */
  public WebProperties {
    if (basePath == null || !basePath.startsWith("/") || basePath.endsWith("/")) {
      throw new IllegalArgumentException(
          PREFIX
              + ".base-path must start with '/' and not end with one, such as /api/v1, but was '"
              + basePath
              + "'");
    }
    if (devUserHeader != null && devUserHeader.isBlank()) {
      throw new IllegalArgumentException(PREFIX + ".dev-user-header must not be blank");
    }
    if (devUserParameter != null && devUserParameter.isBlank()) {
      throw new IllegalArgumentException(PREFIX + ".dev-user-parameter must not be blank");
    }
    positive(heartbeatInterval, PREFIX + ".heartbeat-interval");
    positive(streamTimeout, PREFIX + ".stream-timeout");
    if (maxPromptLength < 1) {
      throw new IllegalArgumentException(
          PREFIX + ".max-prompt-length must be at least 1 but was " + maxPromptLength);
    }
    corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
  }

  static void positive(Duration value, String property) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          property + " must be a positive duration, such as 30s, but was " + value);
    }
  }

  /**
   * The per-user request rate limit.
   *
   * @param requests How many requests one user may make per period, at least 1.
   * @param period The period the requests are counted over.
   */
  public record RateLimit(@DefaultValue("120") int requests, @DefaultValue("1m") Duration period) {

    /** Checks every value, naming the property that is wrong. */
    public RateLimit {
      if (requests < 1) {
        throw new IllegalArgumentException(
            PREFIX + ".rate-limit.requests must be at least 1 but was " + requests);
      }
      positive(period, PREFIX + ".rate-limit.period");
    }
  }
}
