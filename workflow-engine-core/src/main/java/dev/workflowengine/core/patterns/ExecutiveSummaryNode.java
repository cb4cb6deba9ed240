package dev.workflowengine.core.patterns;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.WorkflowState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The executive summary, asked for as JSON matching a schema. An answer that does not parse into an
 * {@link ExecutiveSummary} is sent back once with every problem found; a second bad answer fails
 * the node with a {@link MalformedAnswerException}.
 */
final class ExecutiveSummaryNode implements NodeAction {

  static final String SHAPE =
      "{\"summary\": \"...\", \"key_findings\": [\"...\"], \"recommendations\": [\"...\"],"
          + " \"priority\": \"HIGH\" | \"MEDIUM\" | \"LOW\"}";

  private static final ResponseFormat FORMAT =
      ResponseFormat.builder()
          .type(ResponseFormatType.JSON)
          .jsonSchema(
              JsonSchema.builder()
                  .name("executive_summary")
                  .rootElement(
                      JsonObjectSchema.builder()
                          .addStringProperty("summary")
                          .addProperty("key_findings", stringArray())
                          .addProperty("recommendations", stringArray())
                          .addEnumProperty("priority", List.of("HIGH", "MEDIUM", "LOW"))
                          .required("summary", "key_findings", "recommendations", "priority")
                          .build())
                  .build())
          .build();

  private final ChatModel model;
  private final PromptTemplate prompt;

  ExecutiveSummaryNode(ChatModel model, PromptTemplate prompt) {
    this.model = model;
    this.prompt = prompt;
  }

  private static JsonArraySchema stringArray() {
    return JsonArraySchema.builder().items(new JsonStringSchema()).build();
  }

  @Override
  public Map<String, Object> apply(WorkflowState state) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(
        UserMessage.from(
            prompt.render(
                Map.of(
                    "analysis", state.getString(DocumentAnalysis.ANALYSIS),
                    "analysis_type", DocumentNodes.analysisType(state)))));
    String answer = ask(messages);
    SummaryAnswers.Reading reading = SummaryAnswers.read(answer);
    if (reading.summary() == null) {
      messages.add(AiMessage.from(answer));
      messages.add(
          UserMessage.from(
              "Your answer could not be used: "
                  + String.join("; ", reading.problems())
                  + ". Answer again with JSON only, in this shape: "
                  + SHAPE));
      answer = ask(messages);
      reading = SummaryAnswers.read(answer);
      if (reading.summary() == null) {
        throw new MalformedAnswerException("the executive summary", reading.problems(), answer);
      }
    }
    return Map.of(DocumentAnalysis.SUMMARY, reading.summary());
  }

  private String ask(List<ChatMessage> messages) {
    ChatRequest request = ChatRequest.builder().messages(messages).responseFormat(FORMAT).build();
    return ModelCalls.text(model, request, "the executive summary");
  }
}
