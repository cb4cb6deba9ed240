package dev.workflowengine.testing.contract;

import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.NodeStarted;
import dev.workflowengine.api.event.WorkflowCompleted;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Event streams for the transport contract: started, node events, and optionally completed. */
final class TestEvents {

  private TestEvents() {}

  /** Events 1 to {@code count} of an execution; the last one is terminal. */
  static List<WorkflowEvent> finished(String executionId, int count) {
    List<WorkflowEvent> events = new ArrayList<>(unfinished(executionId, count - 1));
    events.add(
        new WorkflowCompleted(
            executionId, "wf", count, Fixtures.now(), Map.of("answer", "done"), 42));
    return events;
  }

  /** Events 1 to {@code count} of an execution, none of them terminal. */
  static List<WorkflowEvent> unfinished(String executionId, int count) {
    List<WorkflowEvent> events = new ArrayList<>(count);
    Instant at = Fixtures.now();
    for (long sequence = 1; sequence <= count; sequence++) {
      events.add(event(executionId, sequence, at));
    }
    return events;
  }

  /** A non-terminal event with the given sequence. */
  static WorkflowEvent event(String executionId, long sequence, Instant at) {
    if (sequence == 1) {
      return new WorkflowStarted(executionId, "wf", 1, at, 1, "user");
    }
    String node = "node-" + sequence / 2;
    return sequence % 2 == 0
        ? new NodeStarted(executionId, "wf", sequence, at, node, 1)
        : new NodeCompleted(
            executionId, "wf", sequence, at, node, 1, 3, Map.of("step", (int) sequence), Map.of());
  }
}
