package dev.workflowengine.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.EngineObserver;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.ollama.OllamaClient;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

/** Which actuator beans exist under which conditions, and how the application's own win. */
class ActuatorAutoConfigurationTests {

  private static final String ENGINE_HEALTH = "workflowEngineHealthIndicator";
  private static final String OLLAMA_HEALTH = "ollamaHealthIndicator";
  private static final String METER_OBSERVER = "workflowEngineMeterObserver";
  private static final String GAUGES = "workflowEngineGauges";
  private static final String METER_FILTER = "workflowEngineMeterFilter";
  private static final String CHAT_LISTENER = "genAiChatModelListener";
  private static final String TOKEN_HANDLER = "genAiTokenUsageObservationHandler";

  @Test
  void withActuatorEveryBeanIsConfiguredAndTheOllamaModelsAreObserved() {
    ActuatorTestSupport.withActuator()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasBean(ENGINE_HEALTH).hasBean(OLLAMA_HEALTH);
              assertThat(context).hasBean(METER_OBSERVER).hasBean(GAUGES).hasBean(METER_FILTER);
              assertThat(context).hasBean(CHAT_LISTENER).hasBean(TOKEN_HANDLER);
              ChatModelListener listener = context.getBean(CHAT_LISTENER, ChatModelListener.class);
              assertThat(context.getBean(ChatModel.class).listeners()).containsExactly(listener);
              assertThat(context.getBean(StreamingChatModel.class).listeners())
                  .containsExactly(listener);
              // Profile models reach workflows through the catalog, observed all the same.
              assertThat(context.getBean(Catalog.class).model("code"))
                  .hasValueSatisfying(
                      model -> assertThat(model.listeners()).containsExactly(listener));
            });
  }

  @Test
  void withoutActuatorOrMicrometerTheApplicationStartsAndItsEngineRuns() {
    ActuatorTestSupport.withActuator()
        .withClassLoader(
            new FilteredClassLoader("io.micrometer.", "org.springframework.boot.health."))
        .withBean("greet", Workflow.class, ActuatorTestSupport::greet)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertNoActuatorBeans(context);
              assertThat(context.getBean(ChatModel.class).listeners()).isEmpty();
              WorkflowEngine engine = context.getBean(WorkflowEngine.class);
              assertThat(ActuatorTestSupport.run(engine, "greet").status())
                  .isEqualTo(ExecutionStatus.COMPLETED);
            });
  }

  @Test
  void withoutTheHealthModuleThereAreMetersButNoHealthIndicators() {
    ActuatorTestSupport.withActuator()
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(ENGINE_HEALTH).doesNotHaveBean(OLLAMA_HEALTH);
              assertThat(context).hasBean(METER_OBSERVER).hasBean(CHAT_LISTENER);
            });
  }

  @Test
  void withMicrometerButNoRegistriesThereAreOnlyHealthIndicators() {
    new ApplicationContextRunner()
        .withConfiguration(ActuatorTestSupport.SDK)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasBean(ENGINE_HEALTH).hasBean(OLLAMA_HEALTH);
              assertThat(context).doesNotHaveBean(METER_OBSERVER).doesNotHaveBean(GAUGES);
              assertThat(context).doesNotHaveBean(CHAT_LISTENER).doesNotHaveBean(TOKEN_HANDLER);
            });
  }

  @Test
  void anObservationRegistryAloneObservesModelCallsWithoutTokenMeters() {
    new ApplicationContextRunner()
        .withConfiguration(ActuatorTestSupport.SDK)
        .withBean(TestObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              assertThat(context).hasBean(CHAT_LISTENER);
              assertThat(context).doesNotHaveBean(TOKEN_HANDLER).doesNotHaveBean(METER_OBSERVER);
            });
  }

  @Test
  void aMeterRegistryAloneGivesTheEngineMetersWithoutObservations() {
    new ApplicationContextRunner()
        .withConfiguration(ActuatorTestSupport.SDK)
        .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              assertThat(context).hasBean(METER_OBSERVER).hasBean(GAUGES).hasBean(METER_FILTER);
              assertThat(context).doesNotHaveBean(CHAT_LISTENER);
            });
  }

  @Test
  void withoutTheOllamaModuleOrClientThereIsNoOllamaHealth() {
    ActuatorTestSupport.withActuator()
        .withClassLoader(new FilteredClassLoader(OllamaClient.class))
        .run(assertOllamaHealthAbsentButEngineHealthPresent());
    ActuatorTestSupport.withActuator()
        .withPropertyValues("workflow-engine.ollama.enabled=false")
        .run(assertOllamaHealthAbsentButEngineHealthPresent());
  }

  private static ContextConsumer<AssertableApplicationContext>
      assertOllamaHealthAbsentButEngineHealthPresent() {
    return context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(OLLAMA_HEALTH).hasBean(ENGINE_HEALTH);
    };
  }

  @Test
  void eachHealthIndicatorTurnsOffWithSpringBootsProperty() {
    ActuatorTestSupport.withActuator()
        .withPropertyValues(
            "management.health.ollama.enabled=false",
            "management.health.workflow-engine.enabled=false")
        .run(
            context ->
                assertThat(context).doesNotHaveBean(OLLAMA_HEALTH).doesNotHaveBean(ENGINE_HEALTH));
    ActuatorTestSupport.withActuator()
        .withPropertyValues("management.health.defaults.enabled=false")
        .run(
            context ->
                assertThat(context).doesNotHaveBean(OLLAMA_HEALTH).doesNotHaveBean(ENGINE_HEALTH));
  }

  @Test
  void theApplicationsBeansOfTheSameNameWin() {
    HealthIndicator engineHealth = () -> Health.up().withDetail("own", true).build();
    HealthIndicator ollamaHealth = () -> Health.up().withDetail("own", true).build();
    EngineObserver observer = new EngineObserver() {};
    MeterBinder gauges = registry -> {};
    MeterFilter filter = MeterFilter.accept();
    ChatModelListener listener = new ChatModelListener() {};
    ObservationHandler<?> handler = context -> false;
    ActuatorTestSupport.withActuator()
        .withBean(ENGINE_HEALTH, HealthIndicator.class, () -> engineHealth)
        .withBean(OLLAMA_HEALTH, HealthIndicator.class, () -> ollamaHealth)
        .withBean(METER_OBSERVER, EngineObserver.class, () -> observer)
        .withBean(GAUGES, MeterBinder.class, () -> gauges)
        .withBean(METER_FILTER, MeterFilter.class, () -> filter)
        .withBean(CHAT_LISTENER, ChatModelListener.class, () -> listener)
        .withBean(TOKEN_HANDLER, ObservationHandler.class, () -> handler)
        .run(
            context -> {
              assertThat(context.getBean(ENGINE_HEALTH)).isSameAs(engineHealth);
              assertThat(context.getBean(OLLAMA_HEALTH)).isSameAs(ollamaHealth);
              assertThat(context.getBean(METER_OBSERVER)).isSameAs(observer);
              assertThat(context.getBean(GAUGES)).isSameAs(gauges);
              assertThat(context.getBean(METER_FILTER)).isSameAs(filter);
              assertThat(context.getBean(CHAT_LISTENER)).isSameAs(listener);
              assertThat(context.getBean(TOKEN_HANDLER)).isSameAs(handler);
              assertThat(context.getBean(ChatModel.class).listeners()).containsExactly(listener);
            });
  }

  @Test
  void anUnknownRequiredProfileFailsStartUpNamingTheProperty() {
    ActuatorTestSupport.withActuator()
        .withPropertyValues("workflow-engine.ollama.health.required-profiles=default,missing")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("workflow-engine.ollama.health.required-profiles")
                    .hasMessageContaining("'missing'")
                    .hasMessageContaining("default"));
  }

  @Test
  void aMaxWorkflowTagsBelowOneFailsStartUpNamingTheProperty() {
    ActuatorTestSupport.withActuator()
        .withPropertyValues("workflow-engine.metrics.max-workflow-tags=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("workflow-engine.metrics.max-workflow-tags"));
  }

  private static void assertNoActuatorBeans(AssertableApplicationContext context) {
    for (String name :
        new String[] {
          ENGINE_HEALTH,
          OLLAMA_HEALTH,
          METER_OBSERVER,
          GAUGES,
          METER_FILTER,
          CHAT_LISTENER,
          TOKEN_HANDLER
        }) {
      assertThat(context).doesNotHaveBean(name);
    }
  }
}
