package dev.workflowengine.spring.web;

import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.push.GooglePushHandler;
import dev.workflowengine.spring.google.GoogleAutoConfiguration;
import dev.workflowengine.spring.google.GoogleProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the Google endpoints to the web layer when both are configured ({@code
 * workflow-engine.web.enabled=true} and a {@link GoogleAuthorization} bean, such as the one {@code
 * workflow-engine.google.client-id} brings): under {@code workflow-engine.web.base-path},
 *
 * <ul>
 *   <li>{@code GET /oauth/google/authorize}, {@code GET /oauth/google/status} and {@code DELETE
 *       /oauth/google}, for the caller the {@link UserResolver} names, within their rate limit;
 *   <li>{@code GET /oauth/google/callback}, the OAuth redirect URI, rate-limited per address, which
 *       accepts a flow only from the browser {@code /authorize} set the flow's cookie in;
 *   <li>with a {@link GooglePushHandler} bean, {@code POST /webhooks/google/calendar} and {@code
 *       POST /webhooks/google/gmail?token=...} for Google's push notifications, rate-limited per
 *       address.
 * </ul>
 *
 * <p>Register {@code {base-path}/oauth/google/callback} as the OAuth client's redirect URI, and the
 * webhook URLs as the Calendar watches' addresses and the Pub/Sub push endpoint.
 */
@AutoConfiguration(after = {WebAutoConfiguration.class, GoogleAutoConfiguration.class})
@ConditionalOnClass(GoogleAuthorization.class)
@ConditionalOnBean({WebAutoConfiguration.class, GoogleAuthorization.class})
@EnableConfigurationProperties(GoogleWebProperties.class)
public class GoogleWebAutoConfiguration {

  /** The longest state time to live GoogleAuthorization accepts. */
  private static final Duration MAX_STATE_TTL = Duration.ofHours(1);

  /** Created by Spring Boot's auto-configuration. */
  public GoogleWebAutoConfiguration() {}

  @Bean
  GoogleAuthorizationController googleAuthorizationController(
      GoogleAuthorization authorization,
      WebProperties web,
      ObjectProvider<GoogleProperties> properties) {
    return new GoogleAuthorizationController(authorization, flowCookie(web, properties));
  }

  @Bean
  GoogleCallbackController googleCallbackController(
      GoogleAuthorization authorization,
      GoogleWebProperties google,
      WebProperties web,
      ObjectProvider<GoogleProperties> properties) {
    return new GoogleCallbackController(authorization, flowCookie(web, properties), google, web);
  }

  /**
   * The flow cookie lives as long as the state: {@code workflow-engine.google.state-ttl}. An
   * application that builds its own GoogleAuthorization without these properties may have given it
   * any time to live up to an hour, and a cookie that outlives its state is harmless while one that
   * expires first would refuse a valid callback: an hour then.
   */
  private static GoogleFlowCookie flowCookie(
      WebProperties web, ObjectProvider<GoogleProperties> properties) {
    GoogleProperties google = properties.getIfAvailable();
    return new GoogleFlowCookie(
        web.basePath() + "/oauth/google/callback",
        google == null ? MAX_STATE_TTL : google.stateTtl());
  }

  @Bean
  @ConditionalOnBean(GooglePushHandler.class)
  GooglePushController googlePushController(GooglePushHandler handler) {
    return new GooglePushController(handler);
  }

  @Bean
  WebMvcConfigurer googleWebMvcConfigurer(
      WebProperties web, GoogleWebProperties google, UserResolver users, UserRateLimiter limiter) {
    CallerInterceptor callers =
        new CallerInterceptor(
            Set.of(GoogleAuthorizationController.class), users, limiter, web.rateLimit());
    // The callback and the webhooks cannot name a user (see AddressInterceptor), but an
    // unauthenticated endpoint still needs a limit: per remote address, a browser's callbacks
    // within the users' own limit, Google's notifications within a higher one, since Google sends
    // every user's notifications from a few addresses.
    AddressInterceptor callbacks =
        new AddressInterceptor(
            Set.of(GoogleCallbackController.class),
            web.rateLimit().requests(),
            web.rateLimit().period(),
            Clock.systemUTC());
    AddressInterceptor webhooks =
        new AddressInterceptor(
            Set.of(GooglePushController.class),
            google.webhookRateLimit().requests(),
            google.webhookRateLimit().period(),
            Clock.systemUTC());
    String endpoints = web.basePath() + "/**";
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(callers).addPathPatterns(endpoints);
        registry.addInterceptor(callbacks).addPathPatterns(endpoints);
        registry.addInterceptor(webhooks).addPathPatterns(endpoints);
      }
    };
  }
}
