package dev.workflowengine.spring;

import dev.workflowengine.api.spi.CheckpointStore;
import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.api.spi.EventTransport;
import dev.workflowengine.api.spi.ExecutionStore;
import dev.workflowengine.api.spi.WorkQueue;
import dev.workflowengine.api.spi.WorkflowRepository;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The six SPI beans the engine runs on. */
record EngineSpis(
    ExecutionStore executions,
    CheckpointStore checkpoints,
    WorkQueue queue,
    EventTransport events,
    WorkflowRepository repository,
    CredentialStore credentials) {

  /** The implementation classes, for the start-up log line. */
  String describe() {
    return Stream.of(executions, checkpoints, queue, events, repository, credentials)
        .map(spi -> spi.getClass().getSimpleName())
        .collect(Collectors.joining(", "));
  }
}
