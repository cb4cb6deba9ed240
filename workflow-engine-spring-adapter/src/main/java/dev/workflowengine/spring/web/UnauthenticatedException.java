package dev.workflowengine.spring.web;

/** A request no {@link UserResolver} could name a user for; answered with 401. */
final class UnauthenticatedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnauthenticatedException(String message) {
    super(message);
  }
}
