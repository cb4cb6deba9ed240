package dev.workflowengine.spring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.engine.GeneratedExecution;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.generate.GeneratedWorkflow;
import dev.workflowengine.core.generate.WorkflowGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflows written by the model from a prompt: generate only (nothing is stored), or generate,
 * store as the caller's and start in one call. Answers 503 when no chat model is configured or the
 * model cannot be reached.
 */
@RestController
@RequestMapping("${workflow-engine.web.base-path:/api/v1}/workflows")
final class GenerationController {

  private final WorkflowEngine engine;
  private final ObjectProvider<WorkflowGenerator> generator;
  private final int maxPromptLength;

  GenerationController(
      WorkflowEngine engine,
      ObjectProvider<WorkflowGenerator> generator,
      WebProperties properties) {
    this.engine = engine;
    this.generator = generator;
    this.maxPromptLength = properties.maxPromptLength();
  }

  @PostMapping("/generate")
  ResponseEntity<String> generate(@RequestBody(required = false) String body) {
    RequestChecks checks = new RequestChecks();
    String prompt = checks.text(WireJson.readObject(body), "prompt", maxPromptLength, true);
    checks.throwIfAny();
    return WireJson.ok(generated(generator().generate(prompt)));
  }

  @PostMapping("/generate-and-execute")
  ResponseEntity<String> generateAndExecute(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @RequestBody(required = false) String body) {
    JsonNode request = WireJson.readObject(body);
    RequestChecks checks = new RequestChecks();
    String prompt = checks.text(request, "prompt", maxPromptLength, true);
    Map<String, Object> input = checks.object(request, "input");
    checks.throwIfAny();
    GeneratedExecution run = engine.generateAndStart(generator(), prompt, user, input);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("workflow", Views.workflow(run.stored()));
    view.put("generation", generation(run.generated()));
    view.put("execution", Views.execution(engine.status(run.handle().executionId(), user)));
    return WireJson.status(202, view);
  }

  private WorkflowGenerator generator() {
    WorkflowGenerator available = generator.getIfAvailable();
    if (available == null) {
      throw new UnavailableException(
          "no chat model is configured to write workflows; add workflow-engine-ollama or define"
              + " a ChatModel bean");
    }
    return available;
  }

  private static Map<String, Object> generated(GeneratedWorkflow generated) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("definition", WireJson.tree(Workflows.toJson(generated.definition())));
    view.put("generation", generation(generated));
    return view;
  }

  private static Map<String, Object> generation(GeneratedWorkflow generated) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("prompt", generated.prompt());
    view.put("model", generated.model());
    view.put("created_at", generated.createdAt());
    view.put("attempts", generated.attempts().size());
    return view;
  }
}
