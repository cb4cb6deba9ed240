package dev.workflowengine.core.patterns;

import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowState;
import dev.workflowengine.core.agent.Agent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The nodes and edges of {@link EmailTriage}, once its parts are built. */
final class EmailTriageGraph {

  private EmailTriageGraph() {}

  static Workflow build(
      String id, Agent analyst, Agent drafter, HumanStep approval, AgentTool sendTool) {
    return Workflow.builder(id)
        .description("Analyse an email, draft a reply if it needs one, send it once approved")
        .requireInput("email")
        .node("analyse", state -> analyse(analyst, state))
        .node("draft", drafter)
        .human("approve", approval)
        .node("send", state -> send(sendTool, state))
        .node("not_sent", state -> Map.of("outcome", "not_sent"))
        .start("analyse")
        .route("analyse", EmailTriageGraph::needsReply, "draft", Workflow.END)
        .edge("draft", "approve")
        .route(
            "approve",
            state -> state.getBoolean("approved") ? "send" : "not_sent",
            "send",
            "not_sent")
        .edge("send", Workflow.END)
        .edge("not_sent", Workflow.END)
        .build();
  }

  private static Map<String, Object> analyse(Agent analyst, WorkflowState state) throws Exception {
    Map<String, Object> update = new HashMap<>(analyst.apply(state));
    if (!WorkflowState.of(update).get("analysis", EmailTriage.Analysis.class).needsReply()) {
      update.put("outcome", "no_reply_needed");
    }
    return update;
  }

  private static String needsReply(WorkflowState state) {
    return state.get("analysis", EmailTriage.Analysis.class).needsReply() ? "draft" : Workflow.END;
  }

  private static Map<String, Object> send(AgentTool sendTool, WorkflowState state)
      throws Exception {
    Map<String, Object> email = state.getMap("email");
    String subject = String.valueOf(email.get("subject"));
    String edited = state.getString("edited_reply", "");
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("to", String.valueOf(email.get("from")));
    message.put(
        "subject", subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject);
    message.put("body", edited.isBlank() ? state.getString("draft") : edited);
    Object result = sendTool.execute(Map.copyOf(message));
    Map<String, Object> sent = new LinkedHashMap<>(message);
    sent.put("result", result == null ? "" : String.valueOf(result));
    return Map.of("sent", sent, "outcome", "sent");
  }
}
