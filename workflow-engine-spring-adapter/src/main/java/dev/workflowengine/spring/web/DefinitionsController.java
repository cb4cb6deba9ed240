package dev.workflowengine.spring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's workflow definitions: create, read, update (stored as the next version), delete and
 * list. Bodies are definitions in the SDK's JSON form; every save is validated against the engine's
 * catalog and answered with all problems at once.
 */
@RestController
@RequestMapping("${workflow-engine.web.base-path:/api/v1}/workflows")
final class DefinitionsController {

  private static final int MAX_PAGE = 100;

  private final WorkflowEngine engine;

  DefinitionsController(WorkflowEngine engine) {
    this.engine = engine;
  }

  @PostMapping
  ResponseEntity<String> create(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @RequestBody(required = false) String body) {
    WorkflowDefinition definition = definition(body);
    new RequestChecks().workflowId("id", definition.id()).throwIfAny();
    return WireJson.status(201, Views.workflow(engine.saveDefinition(user, definition)));
  }

  @GetMapping
  ResponseEntity<String> list(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "20") int limit) {
    new RequestChecks()
        .range("offset", offset, 0, Integer.MAX_VALUE)
        .range("limit", limit, 1, MAX_PAGE)
        .throwIfAny();
    Map<String, Object> page = new LinkedHashMap<>();
    page.put(
        "workflows",
        engine.definitions(user, offset, limit).stream().map(Views::workflow).toList());
    page.put("offset", offset);
    page.put("limit", limit);
    return WireJson.ok(page);
  }

  @GetMapping("/{workflowId}")
  ResponseEntity<String> read(
      @RequestAttribute(CallerInterceptor.USER) String user, @PathVariable String workflowId) {
    new RequestChecks().workflowId("workflow_id", workflowId).throwIfAny();
    return WireJson.ok(Views.workflow(owned(workflowId, user)));
  }

  @PutMapping("/{workflowId}")
  ResponseEntity<String> update(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @PathVariable String workflowId,
      @RequestBody(required = false) String body) {
    new RequestChecks().workflowId("workflow_id", workflowId).throwIfAny();
    WorkflowDefinition definition = definition(body);
    if (!workflowId.equals(definition.id())) {
      new RequestChecks()
          .problem(
              "id",
              "must be '" + workflowId + "', the id in the path, but was '" + definition.id() + "'")
          .throwIfAny();
    }
    owned(workflowId, user);
    return WireJson.ok(Views.workflow(engine.saveDefinition(user, definition)));
  }

  @DeleteMapping("/{workflowId}")
  ResponseEntity<Void> delete(
      @RequestAttribute(CallerInterceptor.USER) String user, @PathVariable String workflowId) {
    new RequestChecks().workflowId("workflow_id", workflowId).throwIfAny();
    if (!engine.deleteDefinition(workflowId, user)) {
      throw notFound(workflowId, user);
    }
    return ResponseEntity.noContent().build();
  }

  private StoredWorkflow owned(String workflowId, String user) {
    return engine.definition(workflowId, user).orElseThrow(() -> notFound(workflowId, user));
  }

  private static NotFoundException notFound(String workflowId, String user) {
    return new NotFoundException(
        "workflow '"
            + workflowId
            + "' is not available to user '"
            + user
            + "'; list the user's workflows to see their ids");
  }

  /** Parses the body with the SDK's reader, whose problems name their JSON locations. */
  private static WorkflowDefinition definition(String body) {
    JsonNode object = WireJson.readObject(body);
    return Workflows.parse(object.toString());
  }
}
