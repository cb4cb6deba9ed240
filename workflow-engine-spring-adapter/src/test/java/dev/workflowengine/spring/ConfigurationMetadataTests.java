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
        "workflow-engine.web.dev-user-parameter | -",
        "workflow-engine.web.rate-limit.requests | 120",
        "workflow-engine.web.rate-limit.period | 1m",
        "workflow-engine.web.heartbeat-interval | 15s",
        "workflow-engine.web.stream-timeout | 30m",
        "workflow-engine.web.max-prompt-length | 4000",
        "workflow-engine.web.cors-allowed-origins | -",
        "workflow-engine.google.web.success-redirect | -",
        "workflow-engine.google.web.webhook-rate-limit.requests | 600",
        "workflow-engine.google.web.webhook-rate-limit.period | 1m",
        "workflow-engine.google.client-id | -",
        "workflow-engine.google.client-secret | -",
        "workflow-engine.google.redirect-uri | -",
        "workflow-engine.google.credential-name | google",
        "workflow-engine.google.auth-uri | https://accounts.google.com/o/oauth2/v2/auth",
        "workflow-engine.google.token-uri | https://oauth2.googleapis.com/token",
        "workflow-engine.google.revoke-uri | https://oauth2.googleapis.com/revoke",
        "workflow-engine.google.state-ttl | 10m",
        "workflow-engine.google.root-url | -",
        "workflow-engine.google.application-name | workflow-engine",
        "workflow-engine.google.connect-timeout | 10s",
        "workflow-engine.google.read-timeout | 60s",
        "workflow-engine.google.max-retries | 4",
        "workflow-engine.google.retry-base-delay | 1s",
        "workflow-engine.google.retry-max-delay | 32s",
        "workflow-engine.google.rate-limit.requests | 100",
        "workflow-engine.google.rate-limit.period | 1m",
        "workflow-engine.google.rate-limit.max-wait | 0s",
        "workflow-engine.google.circuit-breaker.failure-threshold | 5",
        "workflow-engine.google.circuit-breaker.delay | 30s",
        "workflow-engine.google.register-tools | true",
        "workflow-engine.google.time-zone | -",
        "workflow-engine.google.push.gmail-token | -",
        "workflow-engine.google.push.calendar-workflows | -",
        "workflow-engine.google.push.gmail-workflows | -",
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
  void listsTheGoogleScopesWithTheirDefaults() {
    JsonNode scopes = properties.get("workflow-engine.google.scopes");
    assertThat(scopes).isNotNull();
    assertThat(scopes.path("description").asText()).isNotBlank();
    assertThat(scopes.get("defaultValue"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "https://www.googleapis.com/auth/calendar.events",
            "https://www.googleapis.com/auth/drive.file",
            "https://www.googleapis.com/auth/gmail.readonly",
            "https://www.googleapis.com/auth/gmail.send");
  }

  @Test
  void listsNoPropertyThatNoTestNames() {
    // 30 of the engine and Ollama, 10 of the web layer, 2 of health and metrics, 26 of Google
    // (scopes has a test of its own), 3 of the Google endpoints of the web layer.
    assertThat(properties).hasSize(30 + 10 + 2 + 26 + 3);
  }
}
