package dev.workflowengine.testing;

import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowWaiting;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.WorkflowState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link WorkflowTester} run did: its record, its events, the path it took and its state,
 * with assertions that fail with a message showing what happened instead. Immutable; {@link
 * #resume} returns a new one.
 */
public final class TestRun {

  private final WorkflowTester tester;
  private final ExecutionRecord record;
  private final List<WorkflowEvent> events;
  private final WorkflowState state;

  TestRun(
      WorkflowTester tester,
      ExecutionRecord record,
      List<WorkflowEvent> events,
      Map<String, Object> state) {
    this.tester = tester;
    this.record = record;
    this.events = List.copyOf(events);
    this.state = WorkflowState.of(state);
  }

  /**
   * The execution's record when the run settled.
   *
   * @return the record
   */
  public ExecutionRecord record() {
    return record;
  }

  /**
   * Every event published so far, in order.
   *
   * @return the events
   */
  public List<WorkflowEvent> events() {
    return events;
  }

  /**
   * The nodes that completed, in order, across resumes.
   *
   * @return the node ids
   */
  public List<String> path() {
    return events.stream()
        .filter(NodeCompleted.class::isInstance)
        .map(event -> ((NodeCompleted) event).nodeId())
        .toList();
  }

  /**
   * The state when the run settled: the output of a completed run, the checkpointed state of a
   * waiting one.
   *
   * @return the state
   */
  public WorkflowState state() {
    return state;
  }

  /**
   * What the human step asks, when the run waits at one.
   *
   * @return the prompt of the last {@code workflow_waiting} event
   */
  public Optional<String> prompt() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof WorkflowWaiting waiting) {
        return Optional.of(waiting.prompt());
      }
    }
    return Optional.empty();
  }

  /**
   * Answers the human step the run waits at and runs on until it settles again.
   *
   * @param input the answer
   * @return the continued run
   */
  public TestRun resume(Map<String, ?> input) {
    return tester.resume(record.executionId(), input);
  }

  /**
   * Fails unless the run completed.
   *
   * @return this run
   */
  public TestRun assertCompleted() {
    return assertStatus(ExecutionStatus.COMPLETED);
  }

  /**
   * Fails unless the run waits at the given human step.
   *
   * @param nodeId the human step
   * @return this run
   */
  public TestRun assertWaitingAt(String nodeId) {
    assertStatus(ExecutionStatus.WAITING);
    Optional<String> waitingAt =
        events.stream()
            .filter(WorkflowWaiting.class::isInstance)
            .map(event -> ((WorkflowWaiting) event).nodeId())
            .reduce((first, second) -> second);
    if (!waitingAt.equals(Optional.of(nodeId))) {
      throw new AssertionError(
          "expected the run to wait at '" + nodeId + "' but it waits at " + waitingAt.orElse("?"));
    }
    return this;
  }

  /**
   * Fails unless the run failed at the given node.
   *
   * @param nodeId the node
   * @return this run
   */
  public TestRun assertFailedAt(String nodeId) {
    assertStatus(ExecutionStatus.FAILED);
    Optional<String> failedAt = record.error().flatMap(error -> error.nodeId());
    if (!failedAt.equals(Optional.of(nodeId))) {
      throw new AssertionError(
          "expected the run to fail at '"
              + nodeId
              + "' but it failed at "
              + failedAt.orElse("no node")
              + ": "
              + record.error().map(e -> e.message()).orElse(""));
    }
    return this;
  }

  /**
   * Fails unless the completed nodes are exactly these, in this order.
   *
   * @param nodeIds the expected path
   * @return this run
   */
  public TestRun assertPath(String... nodeIds) {
    List<String> expected = List.of(nodeIds);
    if (!path().equals(expected)) {
      throw new AssertionError("expected the path " + expected + " but it was " + path());
    }
    return this;
  }

  /**
   * Fails unless the state holds this value under this key.
   *
   * @param key the state key
   * @param expected the value
   * @return this run
   */
  public TestRun assertOutput(String key, Object expected) {
    Object actual = state.asMap().get(key);
    if (!Objects.equals(actual, expected)) {
      throw new AssertionError(
          "expected state key '"
              + key
              + "' to be "
              + expected
              + " but it was "
              + actual
              + "; the state holds "
              + state.keys());
    }
    return this;
  }

  private TestRun assertStatus(ExecutionStatus expected) {
    if (record.status() != expected) {
      throw new AssertionError(
          "expected the run to be "
              + expected
              + " but it is "
              + record.status()
              + record.error().map(error -> ": " + error.message()).orElse("")
              + "; events: "
              + events.stream().map(WorkflowEvent::type).toList());
    }
    return this;
  }

  @Override
  public String toString() {
    return "TestRun[" + record.status() + ", path " + path() + "]";
  }
}
