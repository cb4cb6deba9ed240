package dev.workflowengine.spring;

import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.api.spi.EventTransport;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.api.spi.WorkflowRepository;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import dev.workflowengine.core.memory.InMemoryCredentialStore;
import dev.workflowengine.core.memory.InMemoryEventTransport;
import dev.workflowengine.core.memory.InMemoryExecutionStore;
import dev.workflowengine.core.memory.InMemoryWorkQueue;
import dev.workflowengine.core.memory.InMemoryWorkflowRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's SPIs as beans of the in-memory defaults, each only while the application defines
 * none of its own, so that replacing one store is one {@code @Bean} and the rest stay. They are
 * beans rather than the builder's hidden defaults because the credential vault and the application
 * must see the same instances as the engine.
 */
@Configuration(proxyBeanMethods = false)
class InMemorySpiConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ExecutionStore workflowExecutionStore(InMemoryProperties memory) {
    return new InMemoryExecutionStore(memory.maxFinishedExecutions());
  }

  @Bean
  @ConditionalOnMissingBean
  CheckpointStore workflowCheckpointStore() {
    return new InMemoryCheckpointStore();
  }

  @Bean
  @ConditionalOnMissingBean
  WorkQueue workflowWorkQueue(InMemoryProperties memory) {
    return InMemoryWorkQueue.builder().capacity(memory.queueCapacity()).build();
  }

  @Bean
  @ConditionalOnMissingBean
  EventTransport workflowEventTransport(InMemoryProperties memory) {
    return InMemoryEventTransport.builder()
        .bufferSize(memory.eventBufferSize())
        .maxFinished(memory.maxFinishedEventLogs())
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  WorkflowRepository workflowRepository() {
    return new InMemoryWorkflowRepository();
  }

  @Bean
  @ConditionalOnMissingBean
  CredentialStore workflowCredentialStore() {
    return new InMemoryCredentialStore();
  }
}
