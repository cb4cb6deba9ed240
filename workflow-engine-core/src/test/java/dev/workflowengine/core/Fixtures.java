package dev.workflowengine.core;

import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the graph core tests. */
final class Fixtures {

  /** A node that changes nothing. */
  static final NodeAction NOOP = state -> Map.of();

  private Fixtures() {}

  /** The exception {@code build()} throws; fails the test if it does not throw. */
  static WorkflowValidationException invalid(WorkflowBuilder builder) {
    try {
      builder.build();
    } catch (WorkflowValidationException expected) {
      return expected;
    }
    throw new AssertionError("expected build() to fail validation");
  }

  /** The problems {@code build()} reports. */
  static List<ValidationProblem> problems(WorkflowBuilder builder) {
    return invalid(builder).problems();
  }

  static ValidationProblem problem(String location, String message) {
    return new ValidationProblem(location, message);
  }
}
