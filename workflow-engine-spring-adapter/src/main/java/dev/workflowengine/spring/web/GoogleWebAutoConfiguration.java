package dev.workflowengine.spring.web;

import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.push.GooglePushHandler;
import dev.workflowengine.spring.google.GoogleAutoConfiguration;
import java.time.Clock;
import java.util.Set;
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
 *   <li>{@code GET /oauth/google/callback}, the OAuth redirect URI, rate-limited per address;
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

  /** Created by Spring Boot's auto-configuration. */
  public GoogleWebAutoConfiguration() {}

  @Bean
  GoogleAuthorizationController googleAuthorizationController(GoogleAuthorization authorization) {
    return new GoogleAuthorizationController(authorization);
  }

  @Bean
  GoogleCallbackController googleCallbackController(
      GoogleAuthorization authorization, GoogleWebProperties google, WebProperties web) {
    return new GoogleCallbackController(authorization, google, web);
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
