package dev.workflowengine.core.agent;

import static dev.workflowengine.core.agent.FakeModels.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.workflowengine.core.WorkflowState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredOutputTest {

  private static final JsonObjectSchema VERDICT =
      JsonObjectSchema.builder()
          .addStringProperty("priority")
          .addIntegerProperty("score")
          .required("priority", "score")
          .build();

  record Verdict(String priority, int score) {}

  private static final WorkflowState STATE = WorkflowState.of(Map.of("input", "judge this"));

  private static Agent judge(FakeModels.Scripted model) {
    return Agent.builder("judge").model(model).outputSchema(VERDICT).build();
  }

  @Test
  void validJsonIsWrittenAsAJsonValueAndTheRequestAsksForTheSchema() throws Exception {
    var model =
        new FakeModels.Scripted(text("```json\n{\"priority\": \"high\", \"score\": 7}\n```"));

    Map<String, Object> update = judge(model).apply(STATE);

    assertThat(update).containsEntry("judge", Map.of("priority", "high", "score", 7));
    var format = model.request(0).responseFormat();
    assertThat(format.type()).isEqualTo(ResponseFormatType.JSON);
    assertThat(format.jsonSchema().rootElement()).isEqualTo(VERDICT);
    assertThat(model.requests).hasSize(1);
  }

  @Test
  void invalidJsonGetsOneRepairRequestCarryingTheErrors() throws Exception {
    var model =
        new FakeModels.Scripted(
            text("{\"priority\": \"high\"}"), text("{\"priority\": \"high\", \"score\": 3}"));

    Map<String, Object> update = judge(model).apply(STATE);

    assertThat(update).containsEntry("judge", Map.of("priority", "high", "score", 3));
    List<ChatMessage> repair = model.request(1).messages();
    assertThat(repair.get(repair.size() - 1))
        .isInstanceOfSatisfying(
            UserMessage.class,
            m ->
                assertThat(m.singleText())
                    .contains("does not match the required JSON schema")
                    .contains("score"));
    // the repair continues the conversation: task, bad answer, repair request
    assertThat(repair).hasSize(3);
  }

  @Test
  void invalidTwiceIsATypedExceptionWithTheErrorsAndTheRawAnswer() {
    var model = new FakeModels.Scripted(text("not json at all"), text("{\"score\": \"many\"}"));

    assertThatThrownBy(() -> judge(model).apply(STATE))
        .isInstanceOfSatisfying(
            StructuredOutputException.class,
            e -> {
              assertThat(e.agentName()).isEqualTo("judge");
              assertThat(e.rawAnswer()).isEqualTo("{\"score\": \"many\"}");
              assertThat(e.errors()).hasSize(2);
              assertThat(String.join(" ", e.errors())).contains("priority").contains("score");
            });
    assertThat(model.requests).hasSize(2);
  }

  @Test
  void aRecordTypeGivesTheSchemaAndTheStateConvertsTheAnswerBack() throws Exception {
    var model =
        new FakeModels.Scripted(
            text("{\"priority\": 5}"), text("{\"priority\":\"low\",\"score\":1}"));
    Agent agent = Agent.builder("judge").model(model).outputType(Verdict.class).build();

    Map<String, Object> update = agent.apply(STATE);

    assertThat(WorkflowState.of(update).get("judge", Verdict.class))
        .isEqualTo(new Verdict("low", 1));
    assertThat(model.request(0).responseFormat().jsonSchema().rootElement())
        .isInstanceOfSatisfying(
            JsonObjectSchema.class,
            schema -> assertThat(schema.properties()).containsOnlyKeys("priority", "score"));
    assertThat(model.requests).as("the first answer had priority as a number").hasSize(2);
  }

  @Test
  void schemaAndTypeExcludeEachOther() {
    assertThatThrownBy(() -> Agent.builder("a").outputSchema(VERDICT).outputType(Verdict.class))
        .isInstanceOf(IllegalStateException.class);
  }
}
