package dev.workflowengine.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The principal's name, else the development header if one is configured. The principal comes from
 * the servlet API, which Spring Security's filter chain fills from its SecurityContext (anonymous
 * users read as none), so Spring Security stays optional.
 */
final class DefaultUserResolver implements UserResolver {

  private static final Logger log = LoggerFactory.getLogger(DefaultUserResolver.class);

  private final String devUserHeader;

  DefaultUserResolver(String devUserHeader) {
    this.devUserHeader = devUserHeader;
    if (devUserHeader != null) {
      log.warn(
          "{}.dev-user-header is set: requests without an authenticated principal act for the user"
              + " named in the '{}' header, which anyone can send. Use it for development only.",
          WebProperties.PREFIX,
          devUserHeader);
    }
  }

  @Override
  public Optional<String> userId(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
      return Optional.of(principal.getName());
    }
    if (devUserHeader == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(request.getHeader(devUserHeader)).filter(user -> !user.isBlank());
  }
}
