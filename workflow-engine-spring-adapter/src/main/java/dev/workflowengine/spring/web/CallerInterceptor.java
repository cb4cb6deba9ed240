package dev.workflowengine.spring.web;

import dev.workflowengine.api.RateLimitedException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs before each of its endpoints: names the caller, or refuses the request with 401, and counts
 * it against the caller's rate limit, or refuses it with 429. An event stream is one request: the
 * async dispatch that ends it passes without being counted again. Its exceptions go through {@link
 * WebErrors} like the controllers' own. One limiter is shared by every instance, so a user has one
 * budget across all endpoints.
 */
final class CallerInterceptor implements HandlerInterceptor {

  /** The request attribute the controllers read the caller's user id from. */
  static final String USER = "dev.workflowengine.spring.web.user";

  /** The workflow endpoints; the Google endpoints have an instance of their own. */
  static final Set<Class<?>> WORKFLOW_ENDPOINTS =
      Set.of(
          DefinitionsController.class,
          ExecutionsController.class,
          GenerationController.class,
          EventsController.class);

  private final Set<Class<?>> endpoints;
  private final UserResolver users;
  private final UserRateLimiter limiter;
  private final WebProperties.RateLimit limit;

  CallerInterceptor(
      Set<Class<?>> endpoints,
      UserResolver users,
      UserRateLimiter limiter,
      WebProperties.RateLimit limit) {
    this.endpoints = Set.copyOf(endpoints);
    this.users = users;
    this.limiter = limiter;
    this.limit = limit;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!ownEndpoint(handler)) {
      // The application's own controllers may share the base path; they keep their own rules.
      return true;
    }
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      // The dispatch that ends an event stream: named and counted when the stream opened.
      return true;
    }
    String user =
        users
            .userId(request)
            .orElseThrow(
                () ->
                    new UnauthenticatedException(
                        "the request is not authenticated; sign in, or in development set "
                            + WebProperties.PREFIX
                            + ".dev-user-header and send that header"));
    Optional<Duration> wait = limiter.acquire(user);
    if (wait.isPresent()) {
      throw new RateLimitedException(
          "user '"
              + user
              + "' made more than "
              + limit.requests()
              + " requests in "
              + limit.period()
              + "; retry after the Retry-After delay",
          wait.get());
    }
    request.setAttribute(USER, user);
    return true;
  }

  private boolean ownEndpoint(Object handler) {
    return handler instanceof HandlerMethod method && endpoints.contains(method.getBeanType());
  }
}
