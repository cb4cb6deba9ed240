package dev.workflowengine.core.patterns;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.WorkflowState;
import java.util.List;
import java.util.Map;

/** An expert's turn: the persona as system message, the discussion so far as the question. */
final class ExpertNode implements NodeAction {

  private final Expert expert;
  private final PromptTemplate prompt;

  ExpertNode(Expert expert, PromptTemplate prompt) {
    this.expert = expert;
    this.prompt = prompt;
  }

  /** A bare name or a "Next:" line comes without a reason; the prompt still needs a clause. */
  private static String reason(ManagerDecision decision) {
    return decision.reason().isBlank() ? "(no reason given)" : decision.reason();
  }

  @Override
  public Map<String, Object> apply(WorkflowState state) {
    List<Turn> transcript = Discussion.transcript(state);
    String question =
        prompt.render(
            Map.of(
                "topic", state.getString(ExpertGroup.TOPIC),
                "transcript", Discussion.render(transcript),
                "expert", expert.name(),
                "reason", reason(Discussion.lastDecision(state))));
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(expert.persona()), UserMessage.from(question))
            .build();
    String answer = ModelCalls.text(expert.model(), request, "expert '" + expert.name() + "'");
    return Map.of(
        ExpertGroup.TRANSCRIPT,
        new Turn(expert.name(), answer.strip()),
        ExpertGroup.ROUNDS,
        Discussion.rounds(state) + 1);
  }
}
