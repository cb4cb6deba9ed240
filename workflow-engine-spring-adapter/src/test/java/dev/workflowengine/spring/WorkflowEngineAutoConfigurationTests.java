package dev.workflowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.api.spi.EventTransport;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.api.spi.WorkflowRepository;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.agent.Agent;
import dev.workflowengine.core.engine.EngineObserver;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.generate.WorkflowGenerator;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryCredentialStore;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import dev.workflowengine.core.memory.InMemoryWorkflowRepository;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.testing.ScriptedChatModel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The engine's beans, which of them back off for the application's, and the engine's lifecycle. */
class WorkflowEngineAutoConfigurationTests {

  // Without the Ollama module, so that chat models here are only the tests' own.
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withClassLoader(new FilteredClassLoader(OllamaClient.class))
          .withConfiguration(
              AutoConfigurations.of(
                  OllamaAutoConfiguration.class, WorkflowEngineAutoConfiguration.class));

  @Test
  void configuresARunningEngineOnInMemoryDefaultsWithoutTheOllamaModule() {
    runner
        .withBean("greet", Workflow.class, TestWorkflows::greet)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(WorkflowEngine.class);
              assertThat(context).hasSingleBean(Catalog.class);
              assertThat(context.getBean(ExecutionStore.class))
                  .isInstanceOf(InMemoryExecutionStore.class);
              assertThat(context.getBean(WorkQueue.class)).isInstanceOf(InMemoryWorkQueue.class);
              assertThat(context).doesNotHaveBean(OllamaClient.class);
              assertThat(context).doesNotHaveBean(WorkflowGenerator.class);

              ExecutionRecord record =
                  TestWorkflows.runGreet(context.getBean(WorkflowEngine.class));

              assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
              assertThat(record.output()).containsEntry("greeting", "hello Ada");
            });
  }

  static Stream<Arguments> spis() {
    return Stream.of(
        spi(ExecutionStore.class, InMemoryExecutionStore::new),
        spi(CheckpointStore.class, InMemoryCheckpointStore::new),
        spi(WorkQueue.class, InMemoryWorkQueue::new),
        spi(EventTransport.class, InMemoryEventTransport::new),
        spi(WorkflowRepository.class, InMemoryWorkflowRepository::new),
        spi(CredentialStore.class, InMemoryCredentialStore::new));
  }

  private static <T> Arguments spi(Class<T> type, Supplier<? extends T> supplier) {
    return Arguments.of(type, supplier);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spis")
  <T> void theApplicationsSpiBeanReplacesTheDefault(Class<T> type, Supplier<T> supplier) {
    T own = supplier.get();
    runner
        .withBean("ownSpi", type, () -> own)
        .withBean("greet", Workflow.class, TestWorkflows::greet)
        .run(
            context -> {
              assertThat(context).hasSingleBean(type);
              assertThat(context.getBean(type)).isSameAs(own);
              assertThat(TestWorkflows.runGreet(context.getBean(WorkflowEngine.class)).status())
                  .isEqualTo(ExecutionStatus.COMPLETED);
            });
  }

  @Test
  void theEngineWritesToTheApplicationsExecutionStore() {
    InMemoryExecutionStore own = new InMemoryExecutionStore();
    runner
        .withBean(ExecutionStore.class, () -> own)
        .withBean("greet", Workflow.class, TestWorkflows::greet)
        .run(
            context -> {
              ExecutionRecord record =
                  TestWorkflows.runGreet(context.getBean(WorkflowEngine.class));
              assertThat(own.find(record.executionId()))
                  .hasValueSatisfying(
                      stored -> assertThat(stored.status()).isEqualTo(ExecutionStatus.COMPLETED));
            });
  }

  @Test
  void theApplicationsEngineAndCatalogWin() {
    WorkflowEngine own = WorkflowEngine.builder().workers(1).build();
    Catalog catalog = Catalog.builder().tool(TestWorkflows.tool("own")).build();
    try {
      runner
          .withBean(WorkflowEngine.class, () -> own)
          .withBean(Catalog.class, () -> catalog)
          .run(
              context -> {
                assertThat(context.getBean(WorkflowEngine.class)).isSameAs(own);
                assertThat(context.getBean(Catalog.class)).isSameAs(catalog);
              });
    } finally {
      own.close();
    }
  }

  @Test
  void theCatalogCollectsToolsAgentsAndChatModelsByBeanNameWithTheOnlyModelAsDefault() {
    ScriptedChatModel model = ScriptedChatModel.of("hi");
    runner
        .withBean("writer", ChatModel.class, () -> model)
        .withBean("search", AgentTool.class, () -> TestWorkflows.tool("search"))
        .withBean("analyst", Agent.class, () -> Agent.builder("analyst").model(model).build())
        .run(
            context -> {
              Catalog catalog = context.getBean(Catalog.class);
              assertThat(catalog.modelNames()).containsExactly("default", "writer");
              assertThat(catalog.model("default")).containsSame(model);
              assertThat(catalog.toolNames()).containsExactly("search");
              assertThat(catalog.agentNames()).containsExactly("analyst");
              assertThat(context).hasSingleBean(WorkflowGenerator.class);
            });
  }

  @Test
  void withSeveralChatModelsThePrimaryIsTheDefaultAndWritesDefinitions() {
    runner
        .withUserConfiguration(TwoModels.class)
        .run(
            context -> {
              Catalog catalog = context.getBean(Catalog.class);
              assertThat(catalog.modelNames()).containsExactly("default", "fast", "smart");
              assertThat(catalog.model("default"))
                  .containsSame(context.getBean("smart", ChatModel.class));
              assertThat(context).hasSingleBean(WorkflowGenerator.class);
            });
  }

  @Test
  void withSeveralChatModelsAndNoPrimaryThereIsNoDefaultAndNoGenerator() {
    runner
        .withBean("fast", ChatModel.class, () -> ScriptedChatModel.of("a"))
        .withBean("smart", ChatModel.class, () -> ScriptedChatModel.of("b"))
        .run(
            context -> {
              assertThat(context.getBean(Catalog.class).modelNames())
                  .containsExactly("fast", "smart");
              assertThat(context).doesNotHaveBean(WorkflowGenerator.class);
            });
  }

  @Test
  void catalogCustomizersHaveTheLastWord() {
    ScriptedChatModel replacement = ScriptedChatModel.of("x");
    runner
        .withBean("only", ChatModel.class, () -> ScriptedChatModel.of("y"))
        .withBean(
            WorkflowCatalogCustomizer.class,
            () -> catalog -> catalog.defaultModel(replacement).workflow(TestWorkflows.greet()))
        .run(
            context -> {
              Catalog catalog = context.getBean(Catalog.class);
              assertThat(catalog.model("default")).containsSame(replacement);
              assertThat(catalog.workflowIds()).containsExactly("greet");
            });
  }

  @Test
  void observerBeansAndBuilderCustomizersReachTheEngine() {
    List<String> finished = new CopyOnWriteArrayList<>();
    List<String> customized = new CopyOnWriteArrayList<>();
    EngineObserver observer =
        new EngineObserver() {
          @Override
          public void executionFinished(ExecutionRecord record) {
            finished.add(record.executionId());
          }
        };
    runner
        .withBean(EngineObserver.class, () -> observer)
        .withBean(WorkflowEngineBuilderCustomizer.class, () -> builder -> customized.add("called"))
        .withBean("greet", Workflow.class, TestWorkflows::greet)
        .run(
            context -> {
              ExecutionRecord record =
                  TestWorkflows.runGreet(context.getBean(WorkflowEngine.class));
              assertThat(customized).containsExactly("called");
              await()
                  .untilAsserted(() -> assertThat(finished).containsExactly(record.executionId()));
            });
  }

  @Test
  void theEngineStopsItsWorkersWhenTheContextCloses() {
    Set<Thread> before = engineWorkers();
    List<Thread> workers = new CopyOnWriteArrayList<>();
    runner
        .withPropertyValues("workflow-engine.engine.workers=2")
        .run(
            context -> {
              context.getBean(WorkflowEngine.class);
              engineWorkers().stream()
                  .filter(thread -> !before.contains(thread))
                  .forEach(workers::add);
              assertThat(workers).hasSize(2);
            });
    // run(...) closed the context; close() joins the workers before it returns.
    assertThat(workers).noneMatch(Thread::isAlive);
  }

  private static Set<Thread> engineWorkers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().matches("engine-.*-worker-\\d+"))
        .filter(Thread::isAlive)
        .collect(Collectors.toSet());
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoModels {
    @Bean
    ChatModel fast() {
      return ScriptedChatModel.of("a");
    }

    @Bean
    @Primary
    ChatModel smart() {
      return ScriptedChatModel.of("b");
    }
  }
}
