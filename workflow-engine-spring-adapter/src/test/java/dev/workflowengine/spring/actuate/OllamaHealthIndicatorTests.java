package dev.workflowengine.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** The ollama health indicator against a server answering as Ollama does. */
class OllamaHealthIndicatorTests {

  private static final String VERSION = "{\"version\":\"0.12.6\"}";

  // Two models as Ollama 0.12 lists them; the embedding model under its implicit ":latest" tag.
  private static final String TAGS =
      "{\"models\":[{\"name\":\"llama3.2:3b\",\"model\":\"llama3.2:3b\","
          + "\"modified_at\":\"2025-10-28T10:21:45.410212145+01:00\",\"size\":2019393189,"
          + "\"digest\":\"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72\","
          + "\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"llama\","
          + "\"families\":[\"llama\"],\"parameter_size\":\"3.2B\","
          + "\"quantization_level\":\"Q4_K_M\"}},"
          + "{\"name\":\"nomic-embed-text:latest\",\"model\":\"nomic-embed-text:latest\","
          + "\"modified_at\":\"2025-09-14T18:02:11.80317562+02:00\",\"size\":274302450,"
          + "\"digest\":\"0a109f422b47e3a30ba2b10eca18548e944e8a23073ee3f3e947efcf3c45e59f\","
          + "\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"nomic-bert\","
          + "\"families\":[\"nomic-bert\"],\"parameter_size\":\"137M\","
          + "\"quantization_level\":\"F16\"}}]}";

  private MockWebServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new OllamaDispatcher());
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void upWithTheVersionTheLocalModelsAndTheChatProfilesModel() {
    health(
        List.of(),
        health -> {
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("baseUrl", server.url("/").toString())
              .containsEntry("version", "0.12.6")
              .containsEntry("models", List.of("llama3.2:3b", "nomic-embed-text:latest"))
              .containsEntry("requiredModels", Map.of("default", "llama3.2:3b"))
              .containsEntry("pullStrategy", "never")
              .doesNotContainKeys("missingModels", "error");
        });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aModelNamedWithoutATagIsTheServersLatest() {
    health(
        List.of("workflow-engine.ollama.health.required-profiles=default,embedding"),
        health -> {
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry(
                  "requiredModels",
                  Map.of("default", "llama3.2:3b", "embedding", "nomic-embed-text"));
        });
  }

  @Test
  void downListingTheMissingModelsWhenNothingPullsThem() {
    health(
        List.of("workflow-engine.ollama.health.required-profiles=default,code,creative"),
        health -> {
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails())
              .containsEntry("missingModels", List.of("gemma3:4b", "qwen2.5-coder:7b"))
              .containsEntry("version", "0.12.6");
          assertThat(health.getDetails().get("error").toString())
              .contains("gemma3:4b", "qwen2.5-coder:7b", "ollama pull", "pull-strategy");
        });
  }

  @Test
  void upListingTheMissingModelsWhenTheyArePulledAtFirstUse() {
    health(
        List.of(
            "workflow-engine.ollama.health.required-profiles=code",
            "workflow-engine.ollama.pull-strategy=when-missing"),
        health -> {
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("missingModels", List.of("qwen2.5-coder:7b"))
              .containsEntry("pullStrategy", "when-missing");
        });
  }

  @Test
  void downWhenOllamaRefusesTheConnection() {
    String url = server.url("/").toString();
    server.close();
    runner(url, List.of())
        .run(
            context -> {
              Health health = indicator(context).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails()).containsKey("error").doesNotContainKey("version");
            });
  }

  @Test
  void downWhenOllamaAnswersWithAnError() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return json(500, "{\"error\":\"llama runner process has terminated\"}");
          }
        });
    health(
        List.of(),
        health -> {
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails().get("error").toString()).contains("500");
        });
  }

  @Test
  void theBaseUrlDetailNeverShowsCredentials() {
    String url = server.url("/").newBuilder().username("proxy").password("s3cret").toString();
    runner(url, List.of())
        .run(
            context ->
                assertThat(indicator(context).health().getDetails().get("baseUrl").toString())
                    .doesNotContain("s3cret")
                    .doesNotContain("proxy@"));
  }

  private void health(List<String> properties, Consumer<Health> assertions) {
    runner(server.url("/").toString(), properties)
        .run(context -> assertions.accept(indicator(context).health()));
  }

  private static ApplicationContextRunner runner(String baseUrl, List<String> properties) {
    return ActuatorTestSupport.withActuator()
        .withPropertyValues("workflow-engine.ollama.base-url=" + baseUrl)
        .withPropertyValues(properties.toArray(String[]::new));
  }

  private static HealthIndicator indicator(ApplicationContext context) {
    return context.getBean("ollamaHealthIndicator", HealthIndicator.class);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /** GET /api/version and /api/tags as Ollama answers them; anything else is Ollama's 404. */
  private static final class OllamaDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      return switch (request.getUrl().encodedPath()) {
        case "/api/version" -> json(200, VERSION);
        case "/api/tags" -> json(200, TAGS);
        default -> json(404, "{\"error\":\"404 page not found\"}");
      };
    }
  }
}
