package dev.workflowengine.spring.web;

import dev.workflowengine.api.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts each request to its endpoints against the remote address's rate limit, or refuses it with
 * {@link RateLimitedException}. For the endpoints no user can be named for: Google's push
 * notifications carry no user, and the browser Google sends back to the OAuth callback may carry no
 * credentials (the state names the user). Behind a proxy the remote address is the proxy's unless
 * {@code server.forward-headers-strategy} is set, and then all clients share one budget.
 */
final class AddressInterceptor implements HandlerInterceptor {

  private final Set<Class<?>> endpoints;
  private final int requests;
  private final Duration period;
  private final UserRateLimiter limiter;

  AddressInterceptor(Set<Class<?>> endpoints, int requests, Duration period, Clock clock) {
    this.endpoints = Set.copyOf(endpoints);
    this.requests = requests;
    this.period = period;
    // A limiter of its own: addresses and user ids must not share counts.
    this.limiter = new UserRateLimiter(requests, period, clock);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method && endpoints.contains(method.getBeanType()))) {
      return true;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = limiter.acquire(address);
    if (wait.isPresent()) {
      throw new RateLimitedException(
          "address "
              + address
              + " made more than "
              + requests
              + " requests in "
              + period
              + "; retry after the Retry-After delay",
          wait.get());
    }
    return true;
  }
}
