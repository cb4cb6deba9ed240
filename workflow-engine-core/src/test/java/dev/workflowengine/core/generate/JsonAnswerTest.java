package dev.workflowengine.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What small models wrap around JSON, and what is left for the parser. */
class JsonAnswerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain JSON|  {\"a\": 1}  |{\"a\": 1}",
        "json fence|```json\\n{\"a\": 1}\\n```|{\"a\": 1}",
        "bare fence with prose|Sure!\\n```\\n{\"a\": {\"b\": 2}}\\n```\\nDone.|{\"a\": {\"b\": 2}}",
        "prose without fence|Here it is: {\"a\": 1} Hope it helps|{\"a\": 1}",
        "unclosed fence|```json\\n{\"a\": 1}|{\"a\": 1}",
        "no JSON at all|I cannot do that|I cannot do that",
      })
  void extractsTheJsonObject(String kind, String answer, String expected) {
    assertThat(JsonAnswer.extract(answer.replace("\\n", "\n"))).as(kind).isEqualTo(expected);
  }
}
