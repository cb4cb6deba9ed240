package dev.workflowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The configuration metadata the annotation processor writes into the jar, which IDEs read to
 * complete {@code workflow-engine.*} with descriptions and defaults.
 */
class ConfigurationMetadataTests {

  private static final Map<String, JsonNode> properties = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in =
        ConfigurationMetadataTests.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
      new ObjectMapper()
          .readTree(in)
          .get("properties")
          .forEach(property -> properties.put(property.get("name").asText(), property));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "workflow-engine.engine.workers | 4",
        "workflow-engine.engine.lease-duration | 30s",
        "workflow-engine.engine.wait-sweep-interval | 1s",
        "workflow-engine.engine.close-timeout | 30s",
        "workflow-engine.engine.limits | -",
        "workflow-engine.memory.queue-capacity | 100000",
        "workflow-engine.memory.max-finished-executions | 100000",
        "workflow-engine.memory.event-buffer-size | 1024",
        "workflow-engine.memory.max-finished-event-logs | 10000",
        "workflow-engine.credentials.key | -",
        "workflow-engine.credentials.key-id | k1",
        "workflow-engine.credentials.previous-keys | -",
        "workflow-engine.generator.max-attempts | 3",
        "workflow-engine.ollama.enabled | true",
        "workflow-engine.ollama.base-url | http://localhost:11434",
        "workflow-engine.ollama.connect-timeout | 10s",
        "workflow-engine.ollama.first-chunk-timeout | 300s",
        "workflow-engine.ollama.idle-timeout | 120s",
        "workflow-engine.ollama.progress-idle-timeout | 10m",
        "workflow-engine.ollama.total-timeout | -",
        "workflow-engine.ollama.request-timeout | 30s",
        "workflow-engine.ollama.max-retries | 3",
        "workflow-engine.ollama.retry-base-delay | 500ms",
        "workflow-engine.ollama.retry-max-delay | 30s",
        "workflow-engine.ollama.bearer-token | -",
        "workflow-engine.ollama.profiles-file | -",
        "workflow-engine.ollama.pull-strategy | -",
        "workflow-engine.ollama.chat-profile | default",
        "workflow-engine.ollama.embedding-profile | embedding",
        "workflow-engine.ollama.profiles | -",
        "workflow-engine.web.enabled | false",
        "workflow-engine.web.base-path | /api/v1",
        "workflow-engine.web.dev-user-header | -",
        "workflow-engine.web.rate-limit.requests | 120",
        "workflow-engine.web.rate-limit.period | 1m",
        "workflow-engine.web.heartbeat-interval | 15s",
        "workflow-engine.web.stream-timeout | 30m",
        "workflow-engine.web.max-prompt-length | 4000",
        "workflow-engine.web.cors-allowed-origins | -",
        "workflow-engine.ollama.health.required-profiles | -",
        "workflow-engine.metrics.max-workflow-tags | 100",
      })
  void listsThePropertyWithADescriptionAndItsDefault(String name, String defaultValue) {
    JsonNode property = properties.get(name);
    assertThat(property).as(name).isNotNull();
    String description = property.path("description").asText();
    assertThat(description).as("description of " + name).isNotBlank().doesNotContain("{@");
    if (defaultValue == null) {
      assertThat(property.has("defaultValue")).as("default of " + name).isFalse();
    } else {
      assertThat(property.get("defaultValue").asText()).isEqualTo(defaultValue);
    }
  }

  @Test
  void listsNoPropertyThatNoTestNames() {
    assertThat(properties).hasSize(41);
  }
}
