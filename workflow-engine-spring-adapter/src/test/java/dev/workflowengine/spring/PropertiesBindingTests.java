package dev.workflowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.ollama.PullStrategy;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every property binds, and a wrong value fails start-up with a message naming the property. */
class PropertiesBindingTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OllamaAutoConfiguration.class, WorkflowEngineAutoConfiguration.class));

  @Test
  void defaults() {
    runner.run(
        context -> {
          EngineProperties engine = context.getBean(EngineProperties.class);
          assertThat(engine.workers()).isEqualTo(4);
          assertThat(engine.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
          assertThat(engine.waitSweepInterval()).isEqualTo(Duration.ofSeconds(1));
          assertThat(engine.closeTimeout()).isEqualTo(Duration.ofSeconds(30));
          assertThat(engine.limits()).isEmpty();
          InMemoryProperties memory = context.getBean(InMemoryProperties.class);
          assertThat(memory.queueCapacity()).isEqualTo(100_000);
          assertThat(memory.eventBufferSize()).isEqualTo(1024);
          assertThat(context.getBean(GeneratorProperties.class).maxAttempts()).isEqualTo(3);
          assertThat(context.getBean(CredentialsProperties.class).keyId()).isEqualTo("k1");
          OllamaProperties ollama = context.getBean(OllamaProperties.class);
          assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434");
          assertThat(ollama.firstChunkTimeout()).isEqualTo(Duration.ofMinutes(5));
          assertThat(ollama.totalTimeout()).isNull();
          assertThat(ollama.pullStrategy()).isNull();
          assertThat(ollama.chatProfile()).isEqualTo("default");
        });
  }

  @Test
  void everyPropertyBinds() {
    runner
        .withPropertyValues(
            "workflow-engine.engine.workers=8",
            "workflow-engine.engine.lease-duration=1m",
            "workflow-engine.engine.wait-sweep-interval=250ms",
            "workflow-engine.engine.close-timeout=5s",
            "workflow-engine.engine.limits.email-triage.concurrency=2",
            "workflow-engine.engine.limits.email-triage.queue-timeout=5m",
            "workflow-engine.memory.queue-capacity=10",
            "workflow-engine.memory.max-finished-executions=20",
            "workflow-engine.memory.event-buffer-size=30",
            "workflow-engine.memory.max-finished-event-logs=40",
            "workflow-engine.generator.max-attempts=5",
            "workflow-engine.ollama.base-url=http://ollama:11434",
            "workflow-engine.ollama.total-timeout=10m",
            "workflow-engine.ollama.max-retries=0",
            "workflow-engine.ollama.pull-strategy=when-missing",
            "workflow-engine.ollama.chat-profile=code")
        .run(
            context -> {
              EngineProperties engine = context.getBean(EngineProperties.class);
              assertThat(engine.workers()).isEqualTo(8);
              assertThat(engine.leaseDuration()).isEqualTo(Duration.ofMinutes(1));
              assertThat(engine.waitSweepInterval()).isEqualTo(Duration.ofMillis(250));
              assertThat(engine.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
              assertThat(engine.limits())
                  .containsEntry(
                      "email-triage", new EngineProperties.Limit(2, Duration.ofMinutes(5)));
              assertThat(context.getBean(InMemoryProperties.class))
                  .isEqualTo(new InMemoryProperties(10, 20, 30, 40));
              assertThat(context.getBean(GeneratorProperties.class).maxAttempts()).isEqualTo(5);
              OllamaProperties ollama = context.getBean(OllamaProperties.class);
              assertThat(ollama.baseUrl()).isEqualTo("http://ollama:11434");
              assertThat(ollama.totalTimeout()).isEqualTo(Duration.ofMinutes(10));
              assertThat(ollama.maxRetries()).isZero();
              assertThat(ollama.pullStrategy()).isEqualTo(PullStrategy.WHEN_MISSING);
              assertThat(ollama.chatProfile()).isEqualTo("code");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "workflow-engine.engine.workers=0 | workflow-engine.engine.workers must be at least 1",
        "workflow-engine.engine.lease-duration=0s | workflow-engine.engine.lease-duration",
        "workflow-engine.engine.wait-sweep-interval=-1s | workflow-engine.engine.wait-sweep-interval",
        "workflow-engine.engine.close-timeout=0ms | workflow-engine.engine.close-timeout",
        "workflow-engine.engine.limits.triage.concurrency=-1"
            + " | workflow-engine.engine.limits.triage.concurrency",
        "workflow-engine.engine.limits.triage.queue-timeout=0s"
            + " | workflow-engine.engine.limits.triage.queue-timeout",
        "workflow-engine.memory.queue-capacity=0 | workflow-engine.memory.queue-capacity",
        "workflow-engine.memory.event-buffer-size=0 | workflow-engine.memory.event-buffer-size",
        "workflow-engine.generator.max-attempts=0 | workflow-engine.generator.max-attempts",
        "workflow-engine.credentials.key-id=has space | workflow-engine.credentials.key-id",
        "workflow-engine.credentials.key=not*base64 | workflow-engine.credentials.key is not valid",
        "workflow-engine.ollama.base-url=localhost:11434 | workflow-engine.ollama.base-url",
        "workflow-engine.ollama.base-url=ftp://ollama | workflow-engine.ollama.base-url",
        "workflow-engine.ollama.max-retries=21 | workflow-engine.ollama.max-retries",
        "workflow-engine.ollama.idle-timeout=0s | workflow-engine.ollama.idle-timeout",
        "workflow-engine.ollama.retry-base-delay=1m | workflow-engine.ollama.retry-max-delay",
        "workflow-engine.ollama.chat-profile=missing | workflow-engine.ollama.chat-profile",
        "workflow-engine.ollama.embedding-profile=missing | workflow-engine.ollama.embedding-profile",
        "workflow-engine.ollama.profiles.fast.temperature=0.2"
            + " | workflow-engine.ollama.profiles.fast.model must be set",
        "workflow-engine.ollama.profiles.default.top-p=2 | workflow-engine.ollama.profiles.default.top-p",
        "workflow-engine.ollama.profiles.default.keep-alive=soon"
            + " | workflow-engine.ollama.profiles.default.keep-alive",
        "workflow-engine.ollama.profiles-file=classpath:missing.json"
            + " | workflow-engine.ollama.profiles-file",
      })
  void aWrongValueFailsStartUpNamingTheProperty(String property, String message) {
    runner.withPropertyValues(property).run(context -> assertFailure(context, message));
  }

  @Test
  void aKeyOfTheWrongLengthFailsNamingThePropertyWithoutShowingTheKey() {
    String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
    runner
        .withPropertyValues("workflow-engine.credentials.key=" + shortKey)
        .run(
            context -> {
              assertFailure(
                  context, "workflow-engine.credentials.key must decode to 32 bytes for AES-256");
              assertThat(allMessages(context.getStartupFailure())).doesNotContain(shortKey);
            });
  }

  @Test
  void aPreviousKeyUnderTheActiveKeysIdIsRefused() {
    String key = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
    runner
        .withPropertyValues(
            "workflow-engine.credentials.key-id=k1",
            "workflow-engine.credentials.previous-keys.k1=" + key)
        .run(context -> assertFailure(context, "workflow-engine.credentials.previous-keys.k1"));
  }

  static void assertFailure(AssertableApplicationContext context, String message) {
    assertThat(context).hasFailed();
    assertThat(allMessages(context.getStartupFailure())).contains(message);
  }

  private static String allMessages(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    return messages.toString();
  }
}
