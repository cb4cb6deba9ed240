package dev.workflowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.generate.WorkflowGenerator;
import dev.workflowengine.ollama.ModelProfiles;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.PullStrategy;
import dev.workflowengine.testing.ScriptedChatModel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Ollama client and models from properties, and how they back off for the application's. */
class OllamaAutoConfigurationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT_ANSWER =
      "{\"model\":\"m\",\"created_at\":\"2025-11-03T09:41:07.263905Z\",\"message\":{\"role\":"
          + "\"assistant\",\"content\":\"hello\"},\"done_reason\":\"stop\",\"done\":true,"
          + "\"prompt_eval_count\":3,\"eval_count\":1}";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OllamaAutoConfiguration.class, WorkflowEngineAutoConfiguration.class));

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
  void configuresTheClientModelsAndGeneratorWithoutCallingOllama() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(OllamaClient.class);
          assertThat(context).hasSingleBean(ChatModel.class);
          assertThat(context).hasSingleBean(StreamingChatModel.class);
          assertThat(context).hasSingleBean(EmbeddingModel.class);
          assertThat(context).hasSingleBean(WorkflowGenerator.class);
          assertThat(context.getBean(OllamaClient.class).baseUrl())
              .isEqualTo("http://localhost:11434/");
          Catalog catalog = context.getBean(Catalog.class);
          // Every profile but the embedding one, plus the chat model bean by its name.
          assertThat(catalog.modelNames())
              .containsExactly("code", "creative", "default", "ollamaChatModel");
          assertThat(catalog.model("default")).containsSame(context.getBean(ChatModel.class));
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void profilePropertiesReachTheWire() throws Exception {
    server.enqueue(json(CHAT_ANSWER));
    runner
        .withPropertyValues(
            "workflow-engine.ollama.base-url=" + server.url("/"),
            "workflow-engine.ollama.profiles.default.model=qwen2.5:7b",
            "workflow-engine.ollama.profiles.default.temperature=0.2",
            "workflow-engine.ollama.profiles.default.context-size=2048",
            "workflow-engine.ollama.profiles.default.keep-alive=5m")
        .run(
            context -> {
              assertThat(context.getBean(ChatModel.class).chat("hi")).isEqualTo("hello");
              RecordedRequest request = take();
              assertThat(request.getUrl().encodedPath()).isEqualTo("/api/chat");
              JsonNode body = JSON.readTree(request.getBody().utf8());
              assertThat(body.get("model").asText()).isEqualTo("qwen2.5:7b");
              assertThat(body.get("options").get("temperature").asDouble()).isEqualTo(0.2);
              assertThat(body.get("options").get("num_ctx").asInt()).isEqualTo(2048);
              assertThat(body.get("keep_alive").asInt()).isEqualTo(300);
            });
  }

  @Test
  void aNewProfileAndAProfilesFileAddToTheBuiltInProfiles() {
    runner
        .withPropertyValues(
            "workflow-engine.ollama.profiles-file=classpath:test-models.json",
            "workflow-engine.ollama.profiles.fast.model=llama3.2:1b")
        .run(
            context -> {
              ModelProfiles profiles = context.getBean(ModelProfiles.class);
              assertThat(profiles.names())
                  .containsExactly("code", "creative", "default", "embedding", "fast", "reviewer");
              assertThat(profiles.get("default").model()).isEqualTo("llama3.1:8b");
              assertThat(profiles.get("code").model()).isEqualTo("qwen2.5-coder:7b");
              assertThat(profiles.pullStrategy()).contains(PullStrategy.ALWAYS);
              assertThat(context.getBean(Catalog.class).modelNames())
                  .contains("fast", "reviewer")
                  .doesNotContain("embedding");
            });
  }

  @Test
  void thePullStrategyAsksOllamaForTheModelBeforeItsFirstUse() throws Exception {
    server.enqueue(json("{\"modelfile\":\"\",\"details\":{}}"));
    server.enqueue(json(CHAT_ANSWER));
    runner
        .withPropertyValues(
            "workflow-engine.ollama.base-url=" + server.url("/"),
            "workflow-engine.ollama.pull-strategy=when-missing")
        .run(
            context -> {
              context.getBean(ChatModel.class).chat("hi");
              assertThat(take().getUrl().encodedPath()).isEqualTo("/api/show");
              assertThat(take().getUrl().encodedPath()).isEqualTo("/api/chat");
            });
  }

  @Test
  void theApplicationsClientAndChatModelWinWhileProfilesStayInTheCatalog() {
    OllamaClient own = OllamaClient.builder().baseUrl("http://ollama.internal:11434").build();
    ScriptedChatModel model = ScriptedChatModel.of("hi");
    runner
        .withBean(OllamaClient.class, () -> own)
        .withBean("assistant", ChatModel.class, () -> model)
        .run(
            context -> {
              assertThat(context.getBean(OllamaClient.class)).isSameAs(own);
              assertThat(context).hasSingleBean(ChatModel.class);
              Catalog catalog = context.getBean(Catalog.class);
              assertThat(catalog.model("default")).containsSame(model);
              assertThat(catalog.modelNames()).contains("assistant", "code", "creative");
              assertThat(context.getBean(WorkflowGenerator.class)).isNotNull();
            });
    own.close();
  }

  @Test
  void disabledByProperty() {
    runner
        .withPropertyValues("workflow-engine.ollama.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(OllamaClient.class);
              assertThat(context).doesNotHaveBean(ChatModel.class);
              assertThat(context).doesNotHaveBean(WorkflowGenerator.class);
              assertThat(context.getBean(Catalog.class).modelNames()).isEmpty();
            });
  }

  @Test
  void propertiesNeverShowTheBearerToken() {
    runner
        .withPropertyValues("workflow-engine.ollama.bearer-token=sk-secret")
        .run(
            context ->
                assertThat(context.getBean(OllamaProperties.class).toString())
                    .doesNotContain("sk-secret"));
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request to Ollama").isNotNull();
    return request;
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }
}
