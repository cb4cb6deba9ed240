package dev.workflowengine.spring.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Google endpoints of the web layer: where the OAuth callback sends the browser once a user has
 * connected, and how often Google's push notifications may arrive from one address. Used when
 * {@code workflow-engine.web.enabled=true} and the Google beans exist.
 *
 * <pre>
 * workflow-engine.google.web.success-redirect=https://app.example.com/settings/integrations
 * workflow-engine.google.web.webhook-rate-limit.requests=600
 * </pre>
 *
 * @param successRedirect Where the OAuth callback redirects the browser (302) after a user
 *     connected their Google account, such as the application's settings page. Unset: the callback
 *     answers a small HTML page saying the account is connected.
 * @param webhookRateLimit How many push notifications one remote address may send; past it, 503
 *     with Retry-After, which Google retries.
 */
@ConfigurationProperties(GoogleWebProperties.PREFIX)
public record GoogleWebProperties(
    URI successRedirect, @DefaultValue WebhookRateLimit webhookRateLimit) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.google.web";

  /** Checks every value, naming the property that is wrong. */
  public GoogleWebProperties {
    if (successRedirect != null && !redirectable(successRedirect)) {
      throw new IllegalArgumentException(
          PREFIX
              + ".success-redirect must be an http(s) URL or a path starting with '/', such as"
              + " https://app.example.com/settings, but was '"
              + successRedirect
              + "'");
    }
  }

  private static boolean redirectable(URI uri) {
    if (uri.isAbsolute()) {
      String scheme = uri.getScheme();
      return uri.getHost() != null
          && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
    }
    // "//host/path" names another host without a scheme; such a target must say it in full.
    return uri.getRawAuthority() == null
        && uri.getRawPath() != null
        && uri.getRawPath().startsWith("/");
  }

  /**
   * The per-address rate limit of the push endpoints. Google sends every user's notifications from
   * a few of its own addresses, so this is a flood guard, set well above the users' own limit.
   *
   * @param requests How many notifications one address may send per period, at least 1.
   * @param period The period the notifications are counted over.
   */
  public record WebhookRateLimit(
      @DefaultValue("600") int requests, @DefaultValue("1m") Duration period) {

    /** Checks every value, naming the property that is wrong. */
    public WebhookRateLimit {
      if (requests < 1) {
        throw new IllegalArgumentException(
            PREFIX + ".webhook-rate-limit.requests must be at least 1 but was " + requests);
      }
      WebProperties.positive(period, PREFIX + ".webhook-rate-limit.period");
    }
  }
}
