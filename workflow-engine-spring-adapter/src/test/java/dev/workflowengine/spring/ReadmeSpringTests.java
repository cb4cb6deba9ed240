package dev.workflowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The README's Spring Boot section: the dependency, one property and a workflow bean give a working
 * engine on an Ollama-backed model (MockWebServer speaking Ollama's chat protocol).
 */
class ReadmeSpringTests {

  private static final String OLLAMA_ANSWER =
      "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-11-22T08:00:00.000000Z\",\"message\":"
          + "{\"role\":\"assistant\",\"content\":\"Hello, Ada!\"},\"done_reason\":\"stop\","
          + "\"done\":true,\"prompt_eval_count\":12,\"eval_count\":4}";

  private MockWebServer ollama;

  @BeforeEach
  void startOllama() throws IOException {
    ollama = new MockWebServer();
    ollama.start();
  }

  @AfterEach
  void stopOllama() {
    ollama.close();
  }

  /** The application's own configuration, as the README shows it. */
  @Configuration(proxyBeanMethods = false)
  static class Application {
    @Bean
    Workflow greeting(ChatModel model) { // Workflow beans are registered with the engine
      return Workflow.builder("greeting")
          .node("greet", s -> Map.of("reply", model.chat("Greet " + s.getString("name"))))
          .start("greet")
          .edge("greet", Workflow.END)
          .build();
    }
  }

  @Test
  void theDependencyOnePropertyAndAWorkflowBeanGiveAWorkingEngine() {
    ollama.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json; charset=utf-8")
            .body(OLLAMA_ANSWER)
            .build());
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                OllamaAutoConfiguration.class, WorkflowEngineAutoConfiguration.class))
        .withUserConfiguration(Application.class)
        .withPropertyValues("workflow-engine.ollama.base-url=" + ollama.url("/"))
        .run(
            context -> {
              WorkflowEngine engine = context.getBean(WorkflowEngine.class);
              ExecutionRecord done =
                  engine
                      .start(StartRequest.of("greeting", Map.of("name", "Ada")).user("u1"))
                      .await(Duration.ofSeconds(20));

              assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
              assertThat(done.output()).containsEntry("reply", "Hello, Ada!");
            });
    assertThat(ollama.getRequestCount()).isEqualTo(1);
  }
}
