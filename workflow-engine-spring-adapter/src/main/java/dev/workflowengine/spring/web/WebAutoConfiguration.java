package dev.workflowengine.spring.web;

import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Auto-configures the REST and SSE endpoints when {@code workflow-engine.web.enabled=true} in a
 * servlet web application with Spring MVC: workflow definitions, executions, generation and live
 * events under {@code workflow-engine.web.base-path}, each call acting for the user a {@link
 * UserResolver} names and counted against that user's rate limit.
 */
@AutoConfiguration(after = WorkflowEngineAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SseEmitter.class, WorkflowEngine.class})
@ConditionalOnBooleanProperty(WebProperties.PREFIX + ".enabled")
@ConditionalOnBean(WorkflowEngine.class)
@EnableConfigurationProperties(WebProperties.class)
@Import({
  DefinitionsController.class,
  ExecutionsController.class,
  GenerationController.class,
  EventsController.class,
  WebErrors.class
})
public class WebAutoConfiguration {

  /** Created by Spring Boot's auto-configuration. */
  public WebAutoConfiguration() {}

  /**
   * Names the caller: the authenticated principal, else the development header if one is set.
   *
   * @param properties the web properties
   * @return the resolver
   */
  @Bean
  @ConditionalOnMissingBean
  public UserResolver workflowUserResolver(WebProperties properties) {
    return new DefaultUserResolver(properties.devUserHeader(), properties.devUserParameter());
  }

  @Bean(destroyMethod = "close")
  EventStreams workflowEventStreams(WebProperties properties) {
    return new EventStreams(properties.heartbeatInterval(), properties.streamTimeout());
  }

  /** One per-user budget, shared by the workflow endpoints and the Google ones. */
  @Bean
  UserRateLimiter workflowUserRateLimiter(WebProperties properties) {
    return new UserRateLimiter(
        properties.rateLimit().requests(), properties.rateLimit().period(), Clock.systemUTC());
  }

  @Bean
  WebMvcConfigurer workflowWebMvcConfigurer(
      WebProperties properties, UserResolver users, UserRateLimiter limiter) {
    CallerInterceptor callers =
        new CallerInterceptor(
            CallerInterceptor.WORKFLOW_ENDPOINTS, users, limiter, properties.rateLimit());
    String endpoints = properties.basePath() + "/**";
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(callers).addPathPatterns(endpoints);
      }

      @Override
      public void addCorsMappings(CorsRegistry registry) {
        if (!properties.corsAllowedOrigins().isEmpty()) {
          registry
              .addMapping(endpoints)
              .allowedOrigins(properties.corsAllowedOrigins().toArray(String[]::new))
              .allowedMethods("GET", "POST", "PUT", "DELETE")
              .allowedHeaders("*")
              .exposedHeaders("Retry-After");
        }
      }
    };
  }
}
