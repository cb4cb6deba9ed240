package dev.workflowengine.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes of manager answers that are understood, and those that are not. */
class ManagerAnswersTest {

  private static final List<String> EXPERTS = List.of("backend", "security", "data-ops");

  static Stream<Arguments> namingAnswers() {
    return Stream.of(
        Arguments.of("{\"next\": \"security\", \"reason\": \"r\"}", "security"),
        Arguments.of("Sure! {\"next\": \"Security Expert\"} Hope that helps.", "security"),
        Arguments.of("```json\n{\"expert\": \"security_expert\"}\n```", "security"),
        Arguments.of("{\"NEXT\": \"BACKEND\"}", "backend"),
        Arguments.of("Next: data_ops", "data-ops"),
        Arguments.of("Thinking it over.\nNext speaker = backend expert.\n", "backend"),
        Arguments.of("{\"next\": \"backend\"", "backend"), // cut short, still legible
        Arguments.of("backend", "backend"),
        Arguments.of("Data-Ops.", "data-ops"));
  }

  @ParameterizedTest
  @MethodSource("namingAnswers")
  void namesAnExpert(String answer, String expert) {
    ManagerAnswers.Reading reading = ManagerAnswers.read(answer, EXPERTS);

    assertThat(reading.problem()).isNull();
    assertThat(reading.decision().expert()).isEqualTo(expert);
    assertThat(reading.decision().conclude()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"next\": \"CONCLUDE\", \"reason\": \"r\"}",
        "{\"conclude\": true}",
        "Next: done",
        "CONCLUDE",
        "end."
      })
  void concludes(String answer) {
    assertThat(ManagerAnswers.read(answer, EXPERTS).decision().conclude()).isTrue();
  }

  static Stream<Arguments> badAnswers() {
    return Stream.of(
        Arguments.of("{\"next\": \"legal\"}", "'legal' is not one of the experts"),
        Arguments.of("{\"reason\": \"no idea\"}", "the JSON answer has no \"next\" field"),
        Arguments.of("{\"next\": [\"backend\"]}", "the JSON answer has no \"next\" field"),
        Arguments.of(
            "We should hear from everyone in turn.",
            "the answer is neither JSON nor a \"next:\" line"),
        Arguments.of("{\"reason\": \"we ran out of tok", "the answer's JSON is malformed"),
        Arguments.of("Next: ???", "the answer names no expert"));
  }

  @ParameterizedTest
  @MethodSource("badAnswers")
  void reportsWhatIsWrong(String answer, String problem) {
    ManagerAnswers.Reading reading = ManagerAnswers.read(answer, EXPERTS);

    assertThat(reading.decision()).isNull();
    assertThat(reading.problem()).isEqualTo(problem);
  }
}
