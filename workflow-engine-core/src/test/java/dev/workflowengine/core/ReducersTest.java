package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReducersTest {

  private final Reducer append = Reducers.append();

  @Test
  void appendsASingleItemToNothing() {
    assertThat(append.reduce(null, "a")).isEqualTo(List.of("a"));
  }

  @Test
  void appendsEveryItemOfACollectionKeepingDuplicates() {
    assertThat(append.reduce(List.of("a", "b"), List.of("b", "a", "a")))
        .isEqualTo(List.of("a", "b", "b", "a", "a"));
    assertThat(append.reduce(List.of("a"), "a")).isEqualTo(List.of("a", "a"));
  }

  @Test
  void appendsAMapAsOneItem() {
    Map<String, Object> message = Map.of("role", "user", "text", "hi");

    assertThat(append.reduce(List.of(message), message)).isEqualTo(List.of(message, message));
  }

  @Test
  void neverModifiesItsInputsAndReturnsAnUnmodifiableList() {
    List<Object> current = new ArrayList<>(List.of("a"));
    List<Object> update = new ArrayList<>(List.of("b"));

    Object result = append.reduce(current, update);

    assertThat(current).containsExactly("a");
    assertThat(update).containsExactly("b");
    assertThat(result).isNotSameAs(current).isNotSameAs(update);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) result;
    assertThatThrownBy(() -> list.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void combinesParallelUpdatesLikeTwoReductions() {
    List<String> current = List.of("c");
    Object first = List.of("x", "y");
    Object second = "x";

    assertThat(append.reduce(current, append.combine(first, second)))
        .isEqualTo(append.reduce(append.reduce(current, first), second))
        .isEqualTo(List.of("c", "x", "y", "x"));
  }

  @Test
  void treatsACurrentNonListValueAsOneItem() {
    assertThat(append.reduce("old", Set.of("new"))).isEqualTo(List.of("old", "new"));
  }

  @Test
  void aReducerRefusesToCombineUnlessItSaysHow() {
    Reducer sum = (current, update) -> (current == null ? 0 : (Integer) current) + (Integer) update;

    assertThatThrownBy(() -> sum.combine(1, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this key's reducer cannot combine updates of parallel branches");
  }

  @Test
  void aReducerAppliesToEveryUpdateOfItsKeyInARun() {
    Workflow workflow =
        Workflow.builder("w")
            .node("a", s -> Map.of("log", "a"))
            .node("b", s -> Map.of("log", List.of("b1", "b2")))
            .start("a")
            .edge("a", "b")
            .edge("b", Workflow.END)
            .reducer("log", Reducers.append())
            .build();

    assertThat(
            workflow.invoke(Map.of("log", List.of("input"))).state().getList("log", String.class))
        .containsExactly("input", "a", "b1", "b2");
  }
}
