package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.workflowengine.api.WorkflowStateException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateTest {

  /** A record in the state; templates walk into its fields. */
  record Person(String name, Address address, List<String> roles) {}

  /** A nested record. */
  record Address(String city, int zip) {}

  @Test
  void rendersPlaceholdersBetweenLiteralText() throws Exception {
    assertThat(render("Hello {{name}}, you are {{age}}!", Map.of("name", "Ada", "age", 36)))
        .isEqualTo("Hello Ada, you are 36!");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{name}}", "{{ name }}", "{{   name}}", "{{name\t}}", "{{\nname\n}}"})
  void spacesInsideTheBracesAreIgnored(String template) throws Exception {
    assertThat(render(template, Map.of("name", "Ada"))).isEqualTo("Ada");
  }

  @Test
  void textWithoutPlaceholdersAndTheEmptyTextRenderAsThemselves() throws Exception {
    assertThat(render("no placeholders { } }} {x}", Map.of()))
        .isEqualTo("no placeholders { } }} {x}");
    assertThat(render("", Map.of())).isEmpty();
    assertThat(Template.parse("plain").rootKeys()).isEmpty();
  }

  @Test
  void adjacentAndRepeatedPlaceholders() throws Exception {
    assertThat(render("{{a}}{{b}}-{{a}}", Map.of("a", "x", "b", "y"))).isEqualTo("xy-x");
  }

  @Test
  void pathsWalkIntoNestedMaps() throws Exception {
    Map<String, Object> state =
        Map.of("ticket", Map.of("customer", Map.of("name", "Ada", "tier", "gold")));

    assertThat(render("{{ticket.customer.name}} ({{ticket.customer.tier}})", state))
        .isEqualTo("Ada (gold)");
  }

  @Test
  void numericSegmentsIndexLists() throws Exception {
    Map<String, Object> state =
        Map.of("items", List.of(Map.of("name", "first"), Map.of("name", "second")));

    assertThat(render("{{items.1.name}} after {{items.0.name}}", state))
        .isEqualTo("second after first");
  }

  @Test
  void pathsWalkIntoRecordFields() throws Exception {
    Person ada = new Person("Ada", new Address("London", 12345), List.of("admin", "dev"));

    assertThat(render("{{p.name}} lives in {{p.address.city}} {{p.address.zip}}", Map.of("p", ada)))
        .isEqualTo("Ada lives in London 12345");
    assertThat(render("{{p.roles.1}}", Map.of("p", ada))).isEqualTo("dev");
  }

  @Test
  void numbersAndBooleansRenderAsTheirText() throws Exception {
    Map<String, Object> state =
        Map.of("i", 3, "l", 4_000_000_000L, "d", 2.5, "b", true, "f", false);

    assertThat(render("{{i}} {{l}} {{d}} {{b}} {{f}}", state))
        .isEqualTo("3 4000000000 2.5 true false");
  }

  @Test
  void mapsListsAndRecordsRenderAsJson() throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", List.of("x", true));
    Map<String, Object> state =
        Map.of("m", map, "l", List.of(1, "two", 3.5), "r", new Address("Paris", 75001));

    assertThat(render("{{m}}", state)).isEqualTo("{\"a\":1,\"b\":[\"x\",true]}");
    assertThat(render("{{l}}", state)).isEqualTo("[1,\"two\",3.5]");
    assertThat(render("at {{r}}", state)).isEqualTo("at {\"city\":\"Paris\",\"zip\":75001}");
  }

  @Test
  void insertedValuesAreNotRenderedAgain() throws Exception {
    assertThat(render("{{a}}", Map.of("a", "{{b}}", "b", "no"))).isEqualTo("{{b}}");
  }

  @Test
  void keysMayContainDashesAndUnderscores() throws Exception {
    assertThat(
            render(
                "{{my-key}} {{_private}} {{a_b.c-d}}",
                Map.of("my-key", "1", "_private", "2", "a_b", Map.of("c-d", "3"))))
        .isEqualTo("1 2 3");
  }

  @Test
  void aSinglePlaceholderRendersToTheValueItself() throws Exception {
    List<Object> list = List.of(1, 2, 3);
    WorkflowState state = WorkflowState.of(Map.of("list", list, "n", 7, "m", Map.of("k", "v")));

    assertThat(Template.parse("{{list}}").renderValue(state)).isSameAs(list);
    assertThat(Template.parse("{{ n }}").renderValue(state)).isEqualTo(7);
    assertThat(Template.parse("{{m.k}}").renderValue(state)).isEqualTo("v");
    assertThat(Template.parse(" {{n}}").renderValue(state)).isEqualTo(" 7");
    assertThat(Template.parse("{{n}}{{n}}").renderValue(state)).isEqualTo("77");
    assertThat(Template.parse("literal").renderValue(state)).isEqualTo("literal");
  }

  @Test
  void rootKeysAreTheFirstSegmentOfEachPlaceholder() throws Exception {
    assertThat(Template.parse("{{a.b}} {{c}} {{a.d.0}}").rootKeys()).containsExactly("a", "c", "a");
  }

  @Test
  void missingKeyFailsNamingTheKeyTheTemplateAndThePresentKeys() throws Exception {
    Template template = Template.parse("Dear {{customer}}");

    WorkflowStateException failure =
        catchThrowableOfType(
            WorkflowStateException.class,
            () -> template.render(WorkflowState.of(Map.of("ticket", "t", "user", "u"))));

    assertThat(failure.key()).isEqualTo("customer");
    assertThat(failure.getMessage())
        .contains("\"Dear {{customer}}\"")
        .contains("no key 'customer'")
        .contains("ticket")
        .contains("user");
  }

  @Test
  void missingPathSegmentFailsNamingWhereThePathStops() throws Exception {
    Template template = Template.parse("{{order.customer.email}}");
    WorkflowState state =
        WorkflowState.of(Map.of("order", Map.of("customer", Map.of("name", "A"))));

    WorkflowStateException failure =
        catchThrowableOfType(WorkflowStateException.class, () -> template.render(state));

    assertThat(failure.key()).isEqualTo("order");
    assertThat(failure.getMessage())
        .contains("{{order.customer.email}}")
        .contains("'order.customer' has no 'email'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{{items.5}} | 'items' has no '5'",
        "{{items.x}} | 'items' has no 'x'",
        "{{items.-1}} | 'items' has no '-1'",
        "{{text.length}} | 'text' has no 'length'",
        "{{count.value}} | 'count' has no 'value'",
        "{{m.nothing}} | 'm' has no 'nothing'"
      })
  void pathsThatCannotBeFollowedFailClearly(String source, String message) throws Exception {
    Map<String, Object> m = new HashMap<>();
    m.put("nothing", null);
    WorkflowState state =
        WorkflowState.of(Map.of("items", List.of(1), "text", "abc", "count", 3, "m", m));
    Template template = Template.parse(source);

    assertThatThrownBy(() -> template.render(state))
        .isInstanceOf(WorkflowStateException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Hi {{ a b }}!    | invalid placeholder '{{ a b }}' at position 4",
        "{{}}             | invalid placeholder '{{}}' at position 1",
        "x {{ }}          | invalid placeholder '{{ }}' at position 3",
        "{{.a}}           | invalid placeholder '{{.a}}' at position 1",
        "{{a.}}           | invalid placeholder '{{a.}}' at position 1",
        "{{a..b}}         | invalid placeholder '{{a..b}}' at position 1",
        "{{1abc}}         | invalid placeholder '{{1abc}}' at position 1",
        "{{a}} {{b!}}     | invalid placeholder '{{b!}}' at position 7",
        "{{ {{a}} }}      | invalid placeholder '{{ {{a}}' at position 1",
        "Hello {{name     | unclosed '{{' at position 7",
        "{{a}} and {{     | unclosed '{{' at position 11"
      })
  void malformedTemplatesSayWhatAndWhere(String source, String message) {
    assertThatThrownBy(() -> Template.parse(source))
        .isInstanceOf(Template.InvalidTemplate.class)
        .hasMessageContaining(message);
  }

  @Test
  void unclosedMessageQuotesTheTemplate() {
    assertThatThrownBy(() -> Template.parse("Dear {{name"))
        .hasMessage("unclosed '{{' at position 6 of \"Dear {{name\"");
  }

  private static String render(String template, Map<String, Object> state) throws Exception {
    return Template.parse(template).render(WorkflowState.of(state));
  }
}
