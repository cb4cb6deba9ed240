package dev.workflowengine.spring.web;

import dev.workflowengine.api.AccessDeniedException;
import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.RateLimitedException;
import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.api.WorkflowGenerationException;
import dev.workflowengine.api.WorkflowValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps the SDK's typed exceptions to JSON errors {@code {"detail": ...}} with the status a client
 * can act on: 400 with every problem, 401, 404 for what is missing or another user's (the same
 * answer, so ids cannot be probed), 409, 422 when the model wrote no valid workflow, 429 with
 * Retry-After, and 503 when a model or store is unavailable. Only for this layer's controllers, all
 * in this package: the application's own errors stay as it maps them. The Google endpoints map
 * their own exceptions first, in the controllers, and leave the rest to this class; a package
 * rather than a list of classes, since naming them here would load the Google module's classes in
 * applications without it.
 */
@RestControllerAdvice(basePackageClasses = WebErrors.class)
final class WebErrors {

  private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

  @ExceptionHandler(WorkflowGenerationException.class)
  ResponseEntity<String> generation(WorkflowGenerationException e) {
    Map<String, Object> body = detail(e.getMessage());
    body.put("problems", problems(e.problems()));
    body.put("attempts", e.attempts().size());
    return WireJson.status(422, body);
  }

  @ExceptionHandler(WorkflowValidationException.class)
  ResponseEntity<String> validation(WorkflowValidationException e) {
    Map<String, Object> body = detail(e.getMessage());
    body.put("problems", problems(e.problems()));
    return WireJson.status(400, body);
  }

  @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<String> badArgument(RuntimeException e) {
    return WireJson.status(400, detail(e.getMessage()));
  }

  @ExceptionHandler(UnauthenticatedException.class)
  ResponseEntity<String> unauthenticated(UnauthenticatedException e) {
    return WireJson.status(401, detail(e.getMessage()));
  }

  @ExceptionHandler({NotFoundException.class, AccessDeniedException.class})
  ResponseEntity<String> notFound(WorkflowException e) {
    return WireJson.status(404, detail(e.getMessage()));
  }

  @ExceptionHandler(VersionConflictException.class)
  ResponseEntity<String> conflict(VersionConflictException e) {
    return WireJson.status(409, detail(e.getMessage()));
  }

  @ExceptionHandler(RateLimitedException.class)
  ResponseEntity<String> rateLimited(RateLimitedException e) {
    return withRetryAfter(429, e.getMessage(), e.retryAfter().orElse(Duration.ofSeconds(1)));
  }

  @ExceptionHandler(UnavailableException.class)
  ResponseEntity<String> unavailable(UnavailableException e) {
    return WireJson.status(503, detail(e.getMessage()));
  }

  @ExceptionHandler(WorkflowException.class)
  ResponseEntity<String> other(WorkflowException e) {
    log.warn("Request failed: {}", e.toString());
    return WireJson.status(500, detail(e.getMessage()));
  }

  static ResponseEntity<String> withRetryAfter(int status, String message, Duration wait) {
    // Retry-After is whole seconds; rounding down would invite a retry that is refused again.
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    ResponseEntity<String> response = WireJson.status(status, detail(message));
    return ResponseEntity.status(status)
        .headers(response.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(response.getBody());
  }

  static Map<String, Object> detail(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", message);
    return body;
  }

  private static List<Map<String, String>> problems(List<ValidationProblem> problems) {
    return problems.stream()
        .map(problem -> Map.of("location", problem.location(), "message", problem.message()))
        .toList();
  }
}
