package dev.workflowengine.core;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.checkpoint.BaseCheckpointSaver;
import org.bsc.langgraph4j.checkpoint.Checkpoint;

/**
 * LangGraph4j's checkpoint saver, reduced to what runs need from it: learning where the graph goes
 * after each step, and handing it the point to resume from. It keeps nothing itself: the run
 * context holds the run's position and the {@code CheckpointStore} holds its durable log, so there
 * is no global map and no lock shared by concurrent runs (unlike LangGraph4j's {@code
 * MemorySaver}).
 */
final class RunSaver implements BaseCheckpointSaver {

  static final RunSaver INSTANCE = new RunSaver();

  private RunSaver() {}

  @Override
  public Collection<Checkpoint> list(RunnableConfig config) {
    return get(config).map(List::of).orElse(List.of());
  }

  @Override
  public Optional<Checkpoint> get(RunnableConfig config) {
    return Optional.ofNullable(RunContext.of(config).resumePoint);
  }

  @Override
  public RunnableConfig put(RunnableConfig config, Checkpoint checkpoint) {
    RunContext run = RunContext.of(config);
    if (run.isStopped()) {
      return config; // the step did not happen: keep the position before it
    }
    run.recordTransition(
        GraphCompiler.workflowId(checkpoint.getNodeId()),
        GraphCompiler.workflowId(checkpoint.getNextNodeId()));
    return config;
  }

  @Override
  public Tag release(RunnableConfig config) {
    return new Tag(threadId(config), List.of());
  }
}
