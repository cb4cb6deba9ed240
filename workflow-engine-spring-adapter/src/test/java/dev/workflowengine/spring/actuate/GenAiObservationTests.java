package dev.workflowengine.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.agent.Agent;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.testing.ScriptedChatModel;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model calls as gen_ai.client.operation observations and gen_ai.client.token.usage meters, named
 * after the OpenTelemetry GenAI semantic conventions.
 */
class GenAiObservationTests {

  // Ollama's answer to a non-streamed chat, with its token counts.
  private static final String CHAT_ANSWER =
      "{\"model\":\"llama3.2:3b\",\"created_at\":\"2025-11-03T09:41:07.263905Z\","
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello, Ada!\"},"
          + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":512934125,"
          + "\"load_duration\":21349167,\"prompt_eval_count\":31,\"prompt_eval_duration\":"
          + "121040000,\"eval_count\":5,\"eval_duration\":368591000}";

  private MockWebServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aChatIsObservedWithTheModelsTheProviderAndTheTokens() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    ScriptedChatModel script =
        ScriptedChatModel.builder().modelName("llama3.2:3b").reply("Hello Ada").build();
    ChatModel model =
        ActuatorTestSupport.listened(script, "llama3.2", new GenAiObservationListener(registry));

    model.chat("Say hello to Ada");

    TestObservationRegistryAssert.assertThat(registry)
        .hasSingleObservationThat()
        .hasNameEqualTo("gen_ai.client.operation")
        .hasContextualNameEqualTo("chat llama3.2")
        .hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
        .hasLowCardinalityKeyValue("gen_ai.provider.name", "_OTHER")
        .hasLowCardinalityKeyValue("gen_ai.system", "_OTHER")
        .hasLowCardinalityKeyValue("gen_ai.request.model", "llama3.2")
        .hasLowCardinalityKeyValue("gen_ai.response.model", "llama3.2:3b")
        .hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "4")
        .hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "2")
        .hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
        .doesNotHaveError();
  }

  @Test
  void aFailedChatIsObservedWithItsErrorAndNoResponseModel() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    ChatModel model =
        ActuatorTestSupport.listened(
            ScriptedChatModel.of(), "llama3.2", new GenAiObservationListener(registry));

    assertThatThrownBy(() -> model.chat("Say hello")).isInstanceOf(IllegalStateException.class);

    TestObservationRegistryAssert.assertThat(registry)
        .hasSingleObservationThat()
        .hasNameEqualTo("gen_ai.client.operation")
        .hasLowCardinalityKeyValue("gen_ai.request.model", "llama3.2")
        .hasLowCardinalityKeyValue("gen_ai.response.model", "none")
        .doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.usage.input_tokens")
        .hasError();
  }

  @Test
  void anAgentsChatsInAWorkflowBecomeATimerAndTokenUsageByType() {
    ActuatorTestSupport.withActuator()
        .run(
            context -> {
              ChatModelListener listener =
                  context.getBean("genAiChatModelListener", ChatModelListener.class);
              ScriptedChatModel script =
                  ScriptedChatModel.builder().modelName("scripted-3b").reply("Hello Ada").build();
              WorkflowEngine engine = context.getBean(WorkflowEngine.class);
              engine.register(
                  assistant(ActuatorTestSupport.listened(script, "scripted", listener)));

              ExecutionRecord record = ActuatorTestSupport.run(engine, "assistant");

              assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              Timer timer =
                  registry
                      .get("gen_ai.client.operation")
                      .tag("gen_ai.operation.name", "chat")
                      .tag("gen_ai.provider.name", "_OTHER")
                      .tag("gen_ai.request.model", "scripted")
                      .tag("gen_ai.response.model", "scripted-3b")
                      .tag("error", "none")
                      .timer();
              assertThat(timer.count()).isEqualTo(1);
              assertThat(tokens(registry, "_OTHER", "input").totalAmount()).isEqualTo(4);
              assertThat(tokens(registry, "_OTHER", "output").totalAmount()).isEqualTo(2);
            });
  }

  @Test
  void theAutoConfiguredOllamaModelReportsOllamasModelAndTokenCounts() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json; charset=utf-8")
            .body(CHAT_ANSWER)
            .build());
    ActuatorTestSupport.withActuator()
        .withPropertyValues("workflow-engine.ollama.base-url=" + server.url("/"))
        .withBean(TestObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              assertThat(context.getBean(ChatModel.class).chat("Say hello to Ada"))
                  .isEqualTo("Hello, Ada!");
              RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
              assertThat(request.getUrl().encodedPath()).isEqualTo("/api/chat");

              TestObservationRegistryAssert.assertThat(
                      context.getBean(TestObservationRegistry.class))
                  .hasSingleObservationThat()
                  .hasContextualNameEqualTo("chat llama3.2:3b")
                  .hasLowCardinalityKeyValue("gen_ai.provider.name", "ollama")
                  .hasLowCardinalityKeyValue("gen_ai.system", "ollama")
                  .hasLowCardinalityKeyValue("gen_ai.request.model", "llama3.2:3b")
                  .hasLowCardinalityKeyValue("gen_ai.response.model", "llama3.2:3b")
                  .hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "31")
                  .hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "5");
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(tokens(registry, "ollama", "input").totalAmount()).isEqualTo(31);
              assertThat(tokens(registry, "ollama", "output").totalAmount()).isEqualTo(5);
              assertThat(
                      registry
                          .get("gen_ai.client.operation")
                          .tag("gen_ai.system", "ollama")
                          .timer()
                          .count())
                  .isEqualTo(1);
            });
  }

  private static Workflow assistant(ChatModel model) {
    Agent greeter = Agent.builder("greeter").model(model).prompt("Say hello to {{name}}").build();
    return Workflow.builder("assistant")
        .node("greet", greeter)
        .edge(Workflow.START, "greet")
        .edge("greet", Workflow.END)
        .build();
  }

  private static DistributionSummary tokens(MeterRegistry registry, String provider, String type) {
    return registry
        .get("gen_ai.client.token.usage")
        .tag("gen_ai.provider.name", provider)
        .tag("gen_ai.token.type", type)
        .summary();
  }
}
