package dev.workflowengine.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.api.spi.Checkpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds where a run stands from its checkpoint log: the last snapshot plus the updates after.
 */
final class CheckpointReplay {

  private CheckpointReplay() {}

  static Optional<RunPosition> replay(GraphSpec spec, String runId, List<Checkpoint> log) {
    if (log.isEmpty()) {
      return Optional.empty();
    }
    Checkpoint first = log.get(0);
    if (first.kind() != Checkpoint.Kind.SNAPSHOT) {
      throw corrupt(runId, "it does not start with a snapshot but with step " + first.step());
    }
    Map<String, Object> state = new HashMap<>(parse(runId, first));
    long expected = first.step();
    for (Checkpoint entry : log.subList(1, log.size())) {
      if (entry.step() != ++expected) {
        throw corrupt(runId, "step " + expected + " is missing before step " + entry.step());
      }
      Map<String, Object> values = parse(runId, entry);
      if (entry.kind() == Checkpoint.Kind.SNAPSHOT) {
        state.clear();
        state.putAll(values);
      } else {
        values.forEach((key, update) -> apply(spec.reducers().get(key), state, key, update));
      }
    }
    Checkpoint last = log.get(log.size() - 1);
    return Optional.of(
        new RunPosition(
            Map.copyOf(state),
            last.nodeId().orElse(Workflow.START),
            last.nextNodeId(),
            last.step()));
  }

  private static void apply(Reducer reducer, Map<String, Object> state, String key, Object update) {
    if (update == null) {
      state.remove(key);
    } else {
      state.put(key, reducer == null ? update : reducer.reduce(state.get(key), update));
    }
  }

  private static Map<String, Object> parse(String runId, Checkpoint entry) {
    try {
      return Json.MAPPER.readValue(entry.json(), Json.MAP_TYPE);
    } catch (JsonProcessingException e) {
      throw corrupt(
          runId, "step " + entry.step() + " is not a JSON object: " + e.getOriginalMessage());
    }
  }

  private static WorkflowException corrupt(String runId, String why) {
    return new WorkflowException(
        "the checkpoint log of run '"
            + runId
            + "' cannot be replayed: "
            + why
            + "; the checkpoint store lost or altered entries");
  }
}
