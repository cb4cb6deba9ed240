package dev.workflowengine.core;

import dev.cel.runtime.CelEvaluationException;
import dev.workflowengine.api.definition.NodeDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A {@code transform} node: computes new state values with CEL expressions over the state. */
final class TransformNode implements NodeAction {

  private static final Set<String> SETTINGS = Set.of("set");

  private final Map<String, CelExpression> assignments;

  private TransformNode(Map<String, CelExpression> assignments) {
    this.assignments = assignments;
  }

  static NodeAction compile(NodeDefinition node, String location, DefinitionContext context) {
    ConfigReader config = context.config(node.config(), location + ".config");
    config.allowOnly("transform", SETTINGS);
    Map<String, String> set = config.stringMap("set");
    if (set.isEmpty() && !(node.config().get("set") instanceof Map<?, ?> map && !map.isEmpty())) {
      config.problem("set", "is required: an object of state keys to CEL expressions");
    }
    Map<String, CelExpression> assignments = new LinkedHashMap<>();
    set.forEach(
        (key, source) -> {
          context.writes(key);
          context
              .expression(config.location("set." + key), source)
              .ifPresent(e -> assignments.put(key, e));
        });
    return assignments.size() == set.size() && !set.isEmpty()
        ? new TransformNode(assignments)
        : null;
  }

  @Override
  public Map<String, Object> apply(WorkflowState state) {
    Map<String, Object> update = new LinkedHashMap<>();
    assignments.forEach(
        (key, expression) -> {
          try {
            update.put(key, expression.evaluate(state));
          } catch (CelEvaluationException e) {
            throw new IllegalStateException(expression.explain(e), e);
          }
        });
    return update;
  }
}
