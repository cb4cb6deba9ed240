package dev.workflowengine.spring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workflowengine.api.execution.ExecutionPage;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.engine.ExecutionHandle;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting a workflow and following its executions: execute, status, history, resume and cancel.
 * Every call acts for the caller only; another user's execution reads as not found.
 */
@RestController
@RequestMapping("${workflow-engine.web.base-path:/api/v1}")
final class ExecutionsController {

  private static final int MAX_KEY_LENGTH = 200;
  private static final int MAX_PAGE = 100;

  private final WorkflowEngine engine;

  ExecutionsController(WorkflowEngine engine) {
    this.engine = engine;
  }

  @PostMapping("/workflows/{workflowId}/execute")
  ResponseEntity<String> execute(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @PathVariable String workflowId,
      @RequestBody(required = false) String body) {
    // An execution without input may come without a body.
    JsonNode request = WireJson.readObject(body == null || body.isBlank() ? "{}" : body);
    RequestChecks checks = new RequestChecks().workflowId("workflow_id", workflowId);
    Map<String, Object> input = checks.object(request, "input");
    Integer version = checks.positiveInt(request, "version");
    String key = checks.text(request, "idempotency_key", MAX_KEY_LENGTH, false);
    checks.throwIfAny();
    StartRequest start = StartRequest.of(workflowId, input).user(user);
    if (version != null) {
      start = start.version(version);
    }
    if (key != null) {
      start = start.idempotencyKey(key);
    }
    ExecutionHandle handle = engine.start(start);
    return WireJson.status(202, Views.execution(engine.status(handle.executionId(), user)));
  }

  @GetMapping("/executions/{executionId}")
  ResponseEntity<String> status(
      @RequestAttribute(CallerInterceptor.USER) String user, @PathVariable String executionId) {
    new RequestChecks().executionId(executionId).throwIfAny();
    return WireJson.ok(Views.execution(engine.status(executionId, user)));
  }

  @GetMapping("/executions")
  ResponseEntity<String> history(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @RequestParam(name = "workflow_id", required = false) String workflowId,
      @RequestParam(required = false) List<String> status,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "20") int limit) {
    RequestChecks checks =
        new RequestChecks()
            .range("offset", offset, 0, Integer.MAX_VALUE)
            .range("limit", limit, 1, MAX_PAGE);
    ExecutionQuery.Builder query = ExecutionQuery.builder().offset(offset).limit(limit);
    if (workflowId != null) {
      checks.workflowId("workflow_id", workflowId);
      query.workflowId(workflowId);
    }
    for (String name : status == null ? List.<String>of() : status) {
      try {
        query.status(ExecutionStatus.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        checks.problem("status", "'" + name + "' is none of " + statuses());
      }
    }
    checks.throwIfAny();
    ExecutionPage page = engine.history(user, query.build());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("executions", page.executions().stream().map(Views::execution).toList());
    view.put("offset", offset);
    view.put("limit", limit);
    view.put("has_more", page.hasMore());
    return WireJson.ok(view);
  }

  @PostMapping("/executions/{executionId}/resume")
  ResponseEntity<String> resume(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @PathVariable String executionId,
      @RequestBody(required = false) String body) {
    RequestChecks checks = new RequestChecks().executionId(executionId);
    Map<String, Object> input = checks.object(WireJson.readObject(body), "input");
    checks.throwIfAny();
    engine.resume(executionId, user, input);
    return WireJson.status(202, Views.execution(engine.status(executionId, user)));
  }

  @PostMapping("/executions/{executionId}/cancel")
  ResponseEntity<String> cancel(
      @RequestAttribute(CallerInterceptor.USER) String user, @PathVariable String executionId) {
    new RequestChecks().executionId(executionId).throwIfAny();
    boolean cancelled = engine.cancel(executionId, user);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("execution_id", executionId);
    view.put("cancelled", cancelled);
    view.put("status", Views.status(engine.status(executionId, user)));
    return WireJson.ok(view);
  }

  private static List<String> statuses() {
    return Arrays.stream(ExecutionStatus.values())
        .map(value -> value.name().toLowerCase(Locale.ROOT))
        .toList();
  }
}
