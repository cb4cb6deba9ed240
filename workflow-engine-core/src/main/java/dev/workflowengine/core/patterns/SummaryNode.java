package dev.workflowengine.core.patterns;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.WorkflowState;
import java.util.List;
import java.util.Map;

/** The manager's closing summary of the whole discussion, and why it ended. */
final class SummaryNode implements NodeAction {

  private final ChatModel model;
  private final PromptTemplate prompt;

  SummaryNode(ChatModel model, PromptTemplate prompt) {
    this.model = model;
    this.prompt = prompt;
  }

  @Override
  public Map<String, Object> apply(WorkflowState state) {
    List<Turn> transcript = Discussion.transcript(state);
    // The route came here either on a concluding decision or, after an expert, on the round cap.
    boolean concluded = Discussion.lastDecision(state).conclude();
    String endedBy = concluded ? ExpertGroup.ENDED_BY_MANAGER : ExpertGroup.ENDED_BY_ROUND_CAP;
    String question =
        prompt.render(
            Map.of(
                "topic", state.getString(ExpertGroup.TOPIC),
                "transcript", Discussion.render(transcript),
                "ending",
                    concluded
                        ? "The manager concluded the discussion."
                        : "The discussion reached its maximum number of rounds."));
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from(question)).build();
    String summary = ModelCalls.text(model, request, "the manager's summary");
    return Map.of(ExpertGroup.SUMMARY, summary.strip(), ExpertGroup.ENDED_BY, endedBy);
  }
}
