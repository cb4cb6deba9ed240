package dev.workflowengine.spring;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.api.spi.EventTransport;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.api.spi.WorkflowRepository;
import dev.workflowengine.core.AgentFactory;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.agent.Agent;
import dev.workflowengine.core.engine.EngineObserver;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.engine.WorkflowEngineBuilder;
import dev.workflowengine.core.engine.WorkflowLimits;
import dev.workflowengine.core.generate.WorkflowGenerator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures a running {@link WorkflowEngine} on the SPI beans (in-memory unless the
 * application defines its own), a {@link Catalog} of the application's models, agents and tools, a
 * credential vault, and a {@link WorkflowGenerator} when there is one chat model to write
 * definitions with. Every bean backs off when the application defines one of the same type.
 *
 * <p>Every {@link Workflow} bean is registered with the engine, and every {@link EngineObserver}
 * bean observes it. The engine closes with the context: running executions stop at their next node,
 * checkpointed, for this or another engine to continue.
 */
@AutoConfiguration(after = OllamaAutoConfiguration.class)
@ConditionalOnClass(WorkflowEngine.class)
@EnableConfigurationProperties({
  EngineProperties.class,
  InMemoryProperties.class,
  CredentialsProperties.class,
  GeneratorProperties.class
})
@Import({InMemorySpiConfiguration.class, CredentialVaultConfiguration.class})
public class WorkflowEngineAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WorkflowEngineAutoConfiguration.class);

  /** Created by Spring Boot's auto-configuration. */
  public WorkflowEngineAutoConfiguration() {}

  /**
   * The catalog JSON definitions and the generator may use.
   *
   * @param beanFactory where the chat model beans are looked up by name
   * @param profiles chat models a provider module offers by profile name
   * @param chatModel the single or primary chat model, which becomes {@code default}
   * @param tools every {@link AgentTool} bean
   * @param agents every {@link Agent} bean, under its name
   * @param agentFactory the application's agent factory, if it has exactly one
   * @param customizers the application's customizers, applied last
   * @return the catalog
   */
  @Bean
  @ConditionalOnMissingBean
  public Catalog workflowCatalog(
      ListableBeanFactory beanFactory,
      ObjectProvider<ProfileChatModels> profiles,
      ObjectProvider<ChatModel> chatModel,
      ObjectProvider<AgentTool> tools,
      ObjectProvider<Agent> agents,
      ObjectProvider<AgentFactory> agentFactory,
      ObjectProvider<WorkflowCatalogCustomizer> customizers) {
    return CatalogAssembler.assemble(
        profiles,
        beanFactory.getBeansOfType(ChatModel.class),
        chatModel,
        tools,
        agents,
        agentFactory,
        customizers);
  }

  /**
   * The engine, started, with every workflow bean registered; closed with the context.
   *
   * @param properties workers, timeouts and limits
   * @param executions the execution store
   * @param checkpoints the checkpoint store
   * @param queue the work queue
   * @param events the event transport
   * @param repository the workflow repository
   * @param credentials the credential store
   * @param catalog what stored definitions may use
   * @param credentialKeys the vault's keys, unless the application defines its own vault
   * @param observers every {@link EngineObserver} bean
   * @param customizers the application's builder customizers, applied last
   * @param workflows every {@link Workflow} bean
   * @return the running engine
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public WorkflowEngine workflowEngine(
      EngineProperties properties,
      ExecutionStore executions,
      CheckpointStore checkpoints,
      WorkQueue queue,
      EventTransport events,
      WorkflowRepository repository,
      CredentialStore credentials,
      Catalog catalog,
      ObjectProvider<CredentialKeys> credentialKeys,
      ObjectProvider<EngineObserver> observers,
      ObjectProvider<WorkflowEngineBuilderCustomizer> customizers,
      ObjectProvider<Workflow> workflows) {
    EngineSpis spis =
        new EngineSpis(executions, checkpoints, queue, events, repository, credentials);
    WorkflowEngineBuilder builder =
        WorkflowEngine.builder()
            .executionStore(spis.executions())
            .checkpointStore(spis.checkpoints())
            .workQueue(spis.queue())
            .eventTransport(spis.events())
            .workflowRepository(spis.repository())
            .credentialStore(spis.credentials())
            .catalog(catalog)
            .workers(properties.workers())
            .leaseDuration(properties.leaseDuration())
            .waitSweepInterval(properties.waitSweepInterval())
            .closeTimeout(properties.closeTimeout());
    properties
        .limits()
        .forEach(
            (workflowId, limit) ->
                builder.limits(
                    workflowId,
                    new WorkflowLimits(
                        limit.concurrency(), Optional.ofNullable(limit.queueTimeout()))));
    credentialKeys.ifAvailable(keys -> keys.applyTo(builder));
    observers.orderedStream().forEach(builder::observer);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    WorkflowEngine engine = builder.build();
    workflows.orderedStream().forEach(engine::register);
    log.info(
        "Workflow engine started with {} workers on {}", properties.workers(), spis.describe());
    return engine;
  }

  /**
   * Writes workflow definitions from prompts with the single or primary chat model, against the
   * catalog the engine compiles them with.
   *
   * @param model the chat model
   * @param catalog the catalog
   * @param properties how many attempts
   * @return the generator
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(ChatModel.class)
  public WorkflowGenerator workflowGenerator(
      ChatModel model, Catalog catalog, GeneratorProperties properties) {
    return WorkflowGenerator.builder(model, catalog).maxAttempts(properties.maxAttempts()).build();
  }
}
