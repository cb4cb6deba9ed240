package dev.workflowengine.core;

import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowStateException;
import dev.workflowengine.api.WorkflowValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a person's input against what their human step requires, before anything changes. */
final class HumanInput {

  private HumanInput() {}

  static Map<String, Object> check(String subject, NodeSpec step, Map<String, ?> input) {
    List<ValidationProblem> problems = new ArrayList<>();
    Map<String, Object> copy = new HashMap<>();
    input.forEach(
        (key, value) -> {
          if (value == null) {
            problems.add(
                new ValidationProblem("input." + key, "is null; leave the key out instead"));
          } else {
            copy.put(key, value);
          }
        });
    step.human()
        .requiredInput()
        .forEach(
            (key, type) -> {
              Object value = copy.get(key);
              if (value == null) {
                problems.add(
                    new ValidationProblem(
                        "input." + key,
                        "is required by human step '"
                            + step.id()
                            + "' as "
                            + StateValues.withArticle(type.getSimpleName())));
              } else {
                try {
                  copy.put(key, StateValues.convert(key, value, type));
                } catch (WorkflowStateException wrongType) {
                  problems.add(
                      new ValidationProblem(
                          "input." + key,
                          "must be "
                              + StateValues.withArticle(type.getSimpleName())
                              + " but is "
                              + StateValues.withArticle(value.getClass().getSimpleName())
                              + " ("
                              + StateValues.preview(value)
                              + ")"));
                }
              }
            });
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException(subject, problems);
    }
    return copy;
  }
}
