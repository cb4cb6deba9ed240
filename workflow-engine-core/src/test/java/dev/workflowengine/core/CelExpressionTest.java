package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.runtime.CelEvaluationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelExpressionTest {

  /** A value that fails the test if CEL ever converts it: it must not be read. */
  static final class Untouchable {
    public String getName() {
      throw new AssertionError("the expression converted a key it does not read");
    }
  }

  @Test
  void convertsOnlyTheKeysTheExpressionReads() throws Exception {
    CelExpression expression = CelExpression.compile("state.score > 3 && has(state.tags)");
    Map<String, Object> state = new HashMap<>();
    state.put("score", 4);
    state.put("tags", List.of("a"));
    state.put("document", new Untouchable());

    assertThat(expression.evaluate(WorkflowState.of(state))).isEqualTo(true);
  }

  @Test
  void theUntouchableValueWouldFailIfConverted() throws Exception {
    CelExpression whole = CelExpression.compile("size(state) > 0");

    assertThatThrownBy(
            () -> whole.evaluate(WorkflowState.of(Map.of("document", new Untouchable()))))
        .isInstanceOf(AssertionError.class)
        .hasMessage("the expression converted a key it does not read");
  }

  @Test
  void readsTheWholeStateWhenTheExpressionUsesItAsAMap() throws Exception {
    CelExpression expression = CelExpression.compile("'score' in state && size(state) == 2");

    assertThat(expression.evaluate(WorkflowState.of(Map.of("score", 1, "other", "x"))))
        .isEqualTo(true);
  }

  @Test
  void aKeyNotInTheStateIsStillMissingForCel() throws Exception {
    CelExpression expression = CelExpression.compile("state.missing == 1");

    assertThatThrownBy(() -> expression.evaluate(WorkflowState.of(Map.of("other", 1))))
        .isInstanceOf(CelEvaluationException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void nullsInsideResultsStayNull() throws Exception {
    CelExpression expression = CelExpression.compile("{'error': null, 'items': [1, null]}");

    Object result = expression.evaluate(WorkflowState.of(Map.of()));

    assertThat(result).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) result;
    assertThat(map.containsKey("error")).isTrue();
    assertThat(map.get("error")).isNull();
    assertThat(map.get("items")).isEqualTo(java.util.Arrays.asList(1L, null));
  }

  @Test
  void aNullResultIsRefused() throws Exception {
    CelExpression expression = CelExpression.compile("null");

    assertThatThrownBy(() -> expression.evaluate(WorkflowState.of(Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("produced NullValue, which the state cannot hold");
  }
}
