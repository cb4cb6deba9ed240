package dev.workflowengine.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Runs a child workflow as one node: maps keys in, runs it to the end, maps results back. */
final class SubworkflowAction implements NodeAction {

  private final Workflow child;
  private final Map<String, String> inputs;
  private final Map<String, String> outputs;

  /**
   * @param inputs child key to parent key; empty passes the whole state
   * @param outputs parent key to child key; empty returns every key the child changed
   */
  SubworkflowAction(Workflow child, Map<String, String> inputs, Map<String, String> outputs) {
    this.child = child;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** The child acts for the parent's user, so its tools use the same credentials. */
  private static RunOptions childOptions() {
    RunOptions.Builder options = RunOptions.builder();
    NodeContext.current().flatMap(NodeContext::userId).ifPresent(options::userId);
    return options.build();
  }

  @Override
  public Map<String, Object> apply(WorkflowState state) {
    Map<String, Object> input = new HashMap<>();
    if (inputs.isEmpty()) {
      input.putAll(state.asMap());
    } else {
      inputs.forEach(
          (childKey, parentKey) -> input.put(childKey, state.get(parentKey, Object.class)));
    }
    WorkflowState result = child.invoke(input, childOptions()).state();
    Map<String, Object> update = new HashMap<>();
    if (outputs.isEmpty()) {
      result
          .asMap()
          .forEach(
              (key, value) -> {
                if (!Objects.equals(input.get(key), value)) {
                  update.put(key, value);
                }
              });
    } else {
      outputs.forEach(
          (parentKey, childKey) -> update.put(parentKey, result.get(childKey, Object.class)));
    }
    return update;
  }
}
