package dev.workflowengine.spring;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.time.Duration;
import java.util.Map;

/** Small workflows and tools the auto-configuration tests run. */
final class TestWorkflows {

  private TestWorkflows() {}

  /** Writes "hello NAME" to "greeting". */
  static Workflow greet() {
    return Workflow.builder("greet")
        .node("hello", state -> Map.of("greeting", "hello " + state.getString("name")))
        .edge(Workflow.START, "hello")
        .edge("hello", Workflow.END)
        .build();
  }

  static AgentTool tool(String name) {
    return AgentTool.of(
        ToolSpecification.builder().name(name).description("a test tool").build(),
        arguments -> "ok");
  }

  /** Starts "greet" for user u1 and waits for its record. */
  static ExecutionRecord runGreet(WorkflowEngine engine) {
    return engine
        .start(StartRequest.of("greet", Map.of("name", "Ada")).user("u1"))
        .await(Duration.ofSeconds(10));
  }
}
