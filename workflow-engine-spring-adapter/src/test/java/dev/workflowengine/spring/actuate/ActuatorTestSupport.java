package dev.workflowengine.spring.actuate;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.spring.OllamaAutoConfiguration;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import dev.workflowengine.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Runners, workflows and a listened-to scripted model shared by the actuator tests. */
final class ActuatorTestSupport {

  private ActuatorTestSupport() {}

  /** The SDK's auto-configurations, this package's included. */
  static final AutoConfigurations SDK =
      AutoConfigurations.of(
          OllamaAutoConfiguration.class,
          WorkflowEngineAutoConfiguration.class,
          WorkflowEngineHealthAutoConfiguration.class,
          OllamaHealthAutoConfiguration.class,
          WorkflowEngineMetricsAutoConfiguration.class,
          ChatModelObservationAutoConfiguration.class);

  /** Spring Boot's meter registry and observation registry, as Actuator brings them. */
  static final AutoConfigurations BOOT_METRICS =
      AutoConfigurations.of(
          MetricsAutoConfiguration.class,
          SimpleMetricsExportAutoConfiguration.class,
          CompositeMeterRegistryAutoConfiguration.class,
          ObservationAutoConfiguration.class);

  /** An application with Actuator: a simple meter registry and an observation registry. */
  static ApplicationContextRunner withActuator() {
    return new ApplicationContextRunner().withConfiguration(SDK).withConfiguration(BOOT_METRICS);
  }

  /** Writes "hello NAME" to "greeting". */
  static Workflow greet() {
    return Workflow.builder("greet")
        .node("hello", state -> Map.of("greeting", "hello " + state.getString("name")))
        .edge(Workflow.START, "hello")
        .edge("hello", Workflow.END)
        .build();
  }

  /** Fails in its only node, once: no retries. */
  static Workflow broken() {
    return Workflow.builder("broken")
        .node(
            "explode",
            state -> {
              throw new IllegalStateException("the node failed on purpose");
            })
        .edge(Workflow.START, "explode")
        .edge("explode", Workflow.END)
        .build();
  }

  /** Waits for a person after a first node, so that it can be cancelled while waiting. */
  static Workflow approval() {
    return Workflow.builder("approval")
        .node("draft", state -> Map.of("draft", "a reply"))
        .human("approve", HumanStep.prompt("Send it?"))
        .edge(Workflow.START, "draft")
        .edge("draft", "approve")
        .edge("approve", Workflow.END)
        .build();
  }

  static ExecutionRecord run(WorkflowEngine engine, String workflowId) {
    return engine
        .start(StartRequest.of(workflowId, Map.of("name", "Ada")).user("u1"))
        .await(Duration.ofSeconds(10));
  }

  /**
   * A scripted model that names its model in the request and calls listeners, as a provider's model
   * does: ScriptedChatModel itself has neither.
   */
  static ChatModel listened(ScriptedChatModel script, String model, ChatModelListener listener) {
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return script.doChat(request);
      }

      @Override
      public ChatRequestParameters defaultRequestParameters() {
        return DefaultChatRequestParameters.builder().modelName(model).build();
      }

      @Override
      public List<ChatModelListener> listeners() {
        return List.of(listener);
      }

      @Override
      public ModelProvider provider() {
        return ModelProvider.OTHER;
      }
    };
  }
}
