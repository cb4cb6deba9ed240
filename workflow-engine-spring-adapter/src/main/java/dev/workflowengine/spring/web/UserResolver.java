package dev.workflowengine.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Says which user a request acts for: the owner of what it creates and the only user whose
 * definitions and executions it may see. The default takes the authenticated principal's name
 * (Spring Security's, or the servlet container's) and, only when {@code
 * workflow-engine.web.dev-user-header} is set, a request header. Define a bean to use anything
 * else, such as a claim of a JWT.
 *
 * <pre>{@code
 * @Bean
 * UserResolver tenantUsers() {
 *   return request -> Optional.ofNullable(request.getUserPrincipal())
 *       .map(principal -> request.getHeader("X-Tenant") + ":" + principal.getName());
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface UserResolver {

  /**
   * The user a request acts for.
   *
   * @param request the request
   * @return the user id, empty if the request is not authenticated; it is then refused with 401
   */
  Optional<String> userId(HttpServletRequest request);
}
