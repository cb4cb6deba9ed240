package dev.workflowengine.core.patterns;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.WorkflowState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's turn: asks who speaks next, or whether to conclude. An answer that names no known
 * expert is sent back once with the valid names; if the second answer is no better, the expert with
 * the fewest turns speaks (the first declared among equals), so a confused manager neither ends the
 * discussion early nor stalls it, and the round cap still bounds it.
 */
final class ManagerNode implements NodeAction {

  private static final Logger log = LoggerFactory.getLogger(ManagerNode.class);

  private final ChatModel model;
  private final PromptTemplate prompt;
  private final List<Expert> experts;
  private final List<String> names;
  private final int maxRounds;
  private final ResponseFormat format;

  ManagerNode(ChatModel model, PromptTemplate prompt, List<Expert> experts, int maxRounds) {
    this.model = model;
    this.prompt = prompt;
    this.experts = experts;
    this.names = experts.stream().map(Expert::name).toList();
    this.maxRounds = maxRounds;
    List<String> choices = new ArrayList<>(names);
    choices.add(ManagerAnswers.CONCLUDE);
    this.format =
        ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(
                JsonSchema.builder()
                    .name("manager_decision")
                    .rootElement(
                        JsonObjectSchema.builder()
                            .addEnumProperty("next", choices)
                            .addStringProperty("reason")
                            .required("next", "reason")
                            .build())
                    .build())
            .build();
  }

  @Override
  public Map<String, Object> apply(WorkflowState state) {
    List<Turn> transcript = Discussion.transcript(state);
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(UserMessage.from(prompt.render(values(state, transcript))));
    String answer = ask(messages);
    ManagerAnswers.Reading reading = ManagerAnswers.read(answer, names);
    if (reading.decision() == null) {
      messages.add(AiMessage.from(answer));
      messages.add(UserMessage.from(correction(reading.problem())));
      String second = ask(messages);
      ManagerAnswers.Reading again = ManagerAnswers.read(second, names);
      reading = again.decision() == null ? byRule(transcript, reading, again) : again;
    }
    return Map.of(ExpertGroup.DECISIONS, reading.decision());
  }

  private String ask(List<ChatMessage> messages) {
    ChatRequest request = ChatRequest.builder().messages(messages).responseFormat(format).build();
    return ModelCalls.text(model, request, "the manager");
  }

  private Map<String, String> values(WorkflowState state, List<Turn> transcript) {
    Map<String, String> values = new HashMap<>();
    values.put("topic", state.getString(ExpertGroup.TOPIC));
    values.put(
        "experts",
        experts.stream()
            .map(e -> "- " + e.name() + ": " + e.headline())
            .collect(Collectors.joining("\n")));
    values.put("transcript", Discussion.render(transcript));
    values.put("round", String.valueOf(Discussion.rounds(state) + 1));
    values.put("max_rounds", String.valueOf(maxRounds));
    return values;
  }

  private String correction(String problem) {
    return problem
        + ". Choose exactly one of "
        + String.join(", ", names)
        + ", or "
        + ManagerAnswers.CONCLUDE
        + " to end the discussion. Answer with JSON only: "
        + "{\"next\": \"<name or CONCLUDE>\", \"reason\": \"<one sentence>\"}";
  }

  private ManagerAnswers.Reading byRule(
      List<Turn> transcript, ManagerAnswers.Reading first, ManagerAnswers.Reading second) {
    Map<String, Long> turns =
        transcript.stream().collect(Collectors.groupingBy(Turn::speaker, Collectors.counting()));
    // min() keeps the first of equal elements, so ties go to the first declared expert.
    Expert quietest =
        experts.stream()
            .min(Comparator.comparingLong(e -> turns.getOrDefault(e.name(), 0L)))
            .orElseThrow();
    String reason =
        "the manager's answers named no expert ("
            + first.problem()
            + "; asked again: "
            + second.problem()
            + "), so the expert with the fewest turns speaks";
    log.warn("Expert group manager: {}", reason);
    return new ManagerAnswers.Reading(
        new ManagerDecision(false, quietest.name(), reason, true), null);
  }
}
