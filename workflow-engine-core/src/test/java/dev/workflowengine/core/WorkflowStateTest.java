package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.WorkflowStateException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowStateTest {

  record Person(String name, int age) {}

  private static WorkflowState state(Map<String, Object> values) {
    return WorkflowState.of(values);
  }

  @Test
  void aMissingKeyNamesTheKeysThatArePresent() {
    WorkflowState state = state(Map.of("b", 1, "a", "x"));

    assertThatThrownBy(() -> state.getString("c"))
        .isInstanceOfSatisfying(
            WorkflowStateException.class, e -> assertThat(e.key()).isEqualTo("c"))
        .hasMessage(
            "state has no key 'c' (present: [a, b]); a node must write it before it is read, or"
                + " the start input must provide it");
  }

  @Test
  void aWrongTypeSaysWhatWasFound() {
    WorkflowState state = state(Map.of("n", "seven"));

    assertThatThrownBy(() -> state.getInt("n"))
        .isInstanceOfSatisfying(
            WorkflowStateException.class, e -> assertThat(e.key()).isEqualTo("n"))
        .hasMessage(
            "state key 'n' holds a String (\"seven\"), not an Integer; check the node that writes"
                + " it");
  }

  @Test
  void previewsLongValuesInMessages() {
    WorkflowState state = state(Map.of("text", "x".repeat(100)));

    assertThatThrownBy(() -> state.getBoolean("text"))
        .hasMessage(
            "state key 'text' holds a String (\""
                + "x".repeat(59)
                + "… (102 chars)), not a Boolean; check the node that writes it");
  }

  @Test
  void convertsIntegralNumbersThatFit() {
    WorkflowState state =
        state(Map.of("long", 42L, "int", 7, "big", 3_000_000_000L, "double", 2.5));

    assertThat(state.getInt("long")).isEqualTo(42);
    assertThat(state.getLong("int")).isEqualTo(7L);
    assertThat(state.getLong("big")).isEqualTo(3_000_000_000L);
    assertThat(state.getDouble("int")).isEqualTo(7.0);
    assertThat(state.getDouble("double")).isEqualTo(2.5);
    assertThatThrownBy(() -> state.getInt("big"))
        .isInstanceOf(WorkflowStateException.class)
        .hasMessage(
            "state key 'big' holds a Long (3000000000), not an Integer; check the node that"
                + " writes it");
    assertThatThrownBy(() -> state.getInt("double"))
        .isInstanceOf(WorkflowStateException.class)
        .hasMessageStartingWith("state key 'double' holds a Double (2.5), not an Integer");
    assertThatThrownBy(() -> state.getLong("double")).isInstanceOf(WorkflowStateException.class);
  }

  @Test
  void convertsAMapToARecordAsAfterAJsonRoundTrip() {
    WorkflowState state = state(Map.of("who", Map.of("name", "Ada", "age", 36)));

    assertThat(state.get("who", Person.class)).isEqualTo(new Person("Ada", 36));
    assertThat(state.getMap("who")).isEqualTo(Map.of("name", "Ada", "age", 36));
  }

  @Test
  void aMapThatDoesNotFitTheRecordIsAWrongType() {
    WorkflowState state = state(Map.of("who", Map.of("name", "Ada", "age", "old")));

    assertThatThrownBy(() -> state.get("who", Person.class))
        .isInstanceOf(WorkflowStateException.class)
        .hasMessageStartingWith("state key 'who' holds a ")
        .hasMessageContaining("not a Person");
  }

  @Test
  void aRecordReadsAsAMap() {
    WorkflowState state = state(Map.of("who", new Person("Ada", 36)));

    assertThat(state.getMap("who")).isEqualTo(Map.of("name", "Ada", "age", 36));
    assertThat(state.get("who", Person.class)).isEqualTo(new Person("Ada", 36));
  }

  @Test
  void convertsListElements() {
    WorkflowState state =
        state(
            Map.of(
                "ids", List.of(1L, 2L),
                "people", List.of(Map.of("name", "Ada", "age", 36))));

    assertThat(state.getList("ids", Integer.class)).containsExactly(1, 2);
    assertThat(state.getList("people", Person.class)).containsExactly(new Person("Ada", 36));
    assertThatThrownBy(() -> state.getList("ids", Integer.class).add(3))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBadListElementNamesItsIndex() {
    WorkflowState state = state(Map.of("ids", List.of(1, "two", 3)));

    assertThatThrownBy(() -> state.getList("ids", Integer.class))
        .isInstanceOfSatisfying(
            WorkflowStateException.class, e -> assertThat(e.key()).isEqualTo("ids[1]"))
        .hasMessage(
            "state key 'ids[1]' holds a String (\"two\"), not an Integer; check the node that"
                + " writes it");
  }

  @Test
  void aNonListIsNotAList() {
    WorkflowState state = state(Map.of("ids", "1,2"));

    assertThatThrownBy(() -> state.getList("ids", String.class))
        .hasMessage(
            "state key 'ids' holds a String (\"1,2\"), not a List; check the node that writes"
                + " it");
  }

  @Test
  void defaultsApplyOnlyToMissingKeys() {
    WorkflowState state = state(Map.of("n", 3, "flag", true, "name", "x", "bad", "y"));

    assertThat(state.getInt("n", 9)).isEqualTo(3);
    assertThat(state.getInt("missing", 9)).isEqualTo(9);
    assertThat(state.getBoolean("missing", true)).isTrue();
    assertThat(state.getBoolean("flag", false)).isTrue();
    assertThat(state.getString("missing", "dflt")).isEqualTo("dflt");
    assertThat(state.getString("name", "dflt")).isEqualTo("x");
    assertThatThrownBy(() -> state.getInt("bad", 9)).isInstanceOf(WorkflowStateException.class);
    assertThat(state.find("missing")).isEmpty();
    assertThat(state.find("n", Long.class)).contains(3L);
  }

  @Test
  void isAReadOnlyView() {
    Map<String, Object> values = new HashMap<>(Map.of("a", 1));
    WorkflowState state = state(values);

    assertThatThrownBy(() -> state.asMap().put("b", 2))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(state.has("a")).isTrue();
    assertThat(state.keys()).containsExactly("a");
  }

  @Test
  void toStringListsSortedKeysWithPreviews() {
    WorkflowState state = state(Map.of("b", "x".repeat(61), "a", 1));

    assertThat(state.toString())
        .isEqualTo("WorkflowState{a=1, b=\"" + "x".repeat(59) + "… (63 chars)}");
  }
}
