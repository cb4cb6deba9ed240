package dev.workflowengine.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The principal's name, else the development header, else the development query parameter, each
 * only if configured. The principal comes from the servlet API, which Spring Security's filter
 * chain fills from its SecurityContext (anonymous users read as none), so Spring Security stays
 * optional.
 */
final class DefaultUserResolver implements UserResolver {

  private static final Logger log = LoggerFactory.getLogger(DefaultUserResolver.class);

  private final String devUserHeader;
  private final String devUserParameter;

  DefaultUserResolver(String devUserHeader, String devUserParameter) {
    this.devUserHeader = devUserHeader;
    this.devUserParameter = devUserParameter;
    if (devUserHeader != null) {
      log.warn(
          "{}.dev-user-header is set: requests without an authenticated principal act for the user"
              + " named in the '{}' header, which anyone can send. Use it for development only.",
          WebProperties.PREFIX,
          devUserHeader);
    }
    if (devUserParameter != null) {
      log.warn(
          "{}.dev-user-parameter is set: requests without an authenticated principal act for the"
              + " user named in the '{}' query parameter, which anyone can send. Use it for"
              + " development only.",
          WebProperties.PREFIX,
          devUserParameter);
    }
  }

  @Override
  public Optional<String> userId(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
      return Optional.of(principal.getName());
    }
    return named(devUserHeader, request::getHeader)
        .or(() -> named(devUserParameter, request::getParameter));
  }

  private static Optional<String> named(String name, UnaryOperator<String> lookup) {
    return Optional.ofNullable(name).map(lookup).filter(user -> !user.isBlank());
  }
}
