package dev.workflowengine.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** EmailTriage end to end on a model that answers by rule and a send tool that records. */
class EmailTriageTest {

  static final String DRAFT =
      "Dear Ada, we are sorry your order arrived broken; a new one ships today.";

  /**
   * Analyses by the email's words (the newsletter's analysis has a key the schema does not name, as
   * models add); drafts a fixed reply. Records every request.
   */
  static final class RuleModel implements ChatModel {
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      String task = lastUserText(request);
      String answer;
      if (request.responseFormat() != null
          && request.responseFormat().type() == ResponseFormatType.JSON) {
        answer =
            task.contains("Weekly digest")
                ? "{\"category\":\"newsletter\",\"urgency\":\"low\",\"needs_reply\":false,"
                    + "\"summary\":\"This week's news\",\"language\":\"en\"}"
                : "{\"category\":\"complaint\",\"urgency\":\"high\",\"needs_reply\":true,"
                    + "\"summary\":\"The order arrived broken\"}";
      } else {
        answer = DRAFT;
      }
      return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
    }

    boolean drafted() {
      return requests.stream().anyMatch(r -> lastUserText(r).startsWith("Draft a reply"));
    }
  }

  static String lastUserText(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user) {
        return user.singleText();
      }
    }
    return "";
  }

  /** A mail gateway as a LangChain4j tool object. */
  static final class Outbox {
    final List<Map<String, String>> sent = new CopyOnWriteArrayList<>();

    @Tool("Sends an email")
    public String send(@P("to") String to, @P("subject") String subject, @P("body") String body) {
      sent.add(Map.of("to", to, "subject", subject, "body", body));
      return "queued #" + sent.size();
    }
  }

  static final Map<String, Object> COMPLAINT =
      Map.of(
          "email",
          Map.of(
              "from", "ada@example.com",
              "subject", "My order arrived broken",
              "body", "The vase was in pieces. I want a replacement."));

  static final Map<String, Object> NEWSLETTER =
      Map.of(
          "email",
          Map.of(
              "from", "news@example.com",
              "subject", "Weekly digest",
              "body", "Weekly digest: ten things that happened."));

  private final RuleModel model = new RuleModel();
  private final Outbox outbox = new Outbox();

  private Workflow triage() {
    return EmailTriage.builder().model(model).sendTool(outbox).build();
  }

  @Test
  void aNewsletterNeedsNoReplySoNothingIsDraftedAskedOrSent() {
    RunResult result = triage().invoke(NEWSLETTER);

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.path()).containsExactly("analyse");
    assertThat(result.state().get("analysis", EmailTriage.Analysis.class))
        .isEqualTo(new EmailTriage.Analysis("newsletter", "low", false, "This week's news"));
    assertThat(result.state().getString("outcome")).isEqualTo("no_reply_needed");
    assertThat(result.state().has("draft")).isFalse();
    assertThat(model.requests).hasSize(1);
    assertThat(model.drafted()).isFalse();
    assertThat(outbox.sent).isEmpty();
  }

  @Test
  void aComplaintIsDraftedAndWaitsForApprovalWithTheDraftInThePrompt() {
    RunResult waiting = triage().invoke(COMPLAINT);

    assertThat(waiting.status()).isEqualTo(RunResult.Status.WAITING);
    assertThat(waiting.path()).containsExactly("analyse", "draft");
    RunResult.Waiting ask = waiting.waiting().orElseThrow();
    assertThat(ask.nodeId()).isEqualTo("approve");
    assertThat(ask.prompt())
        .contains(DRAFT)
        .contains("ada@example.com")
        .contains("Re: My order arrived broken");
    assertThat(ask.requiredInput()).isEqualTo(Map.of("approved", Boolean.class));
    // the analysis reached the drafting
    assertThat(lastUserText(model.requests.get(1)))
        .contains("The vase was in pieces")
        .contains("The order arrived broken");
    assertThat(outbox.sent).isEmpty();
  }

  @Test
  void approvedSendsTheDraftToTheSenderWithAReplySubject() {
    Workflow triage = triage();

    RunResult done = triage.resume(triage.invoke(COMPLAINT), Map.of("approved", true));

    assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(done.path()).containsExactly("approve", "send");
    assertThat(outbox.sent)
        .containsExactly(
            Map.of(
                "to", "ada@example.com", "subject", "Re: My order arrived broken", "body", DRAFT));
    assertThat(done.state().getString("outcome")).isEqualTo("sent");
    assertThat(done.state().getMap("sent")).containsEntry("result", "queued #1");
  }

  @Test
  void rejectedIsNotSent() {
    Workflow triage = triage();

    RunResult done = triage.resume(triage.invoke(COMPLAINT), Map.of("approved", false));

    assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(done.path()).containsExactly("approve", "not_sent");
    assertThat(done.state().getString("outcome")).isEqualTo("not_sent");
    assertThat(done.state().has("sent")).isFalse();
    assertThat(outbox.sent).isEmpty();
  }

  @Test
  void anEditedReplyIsWhatGetsSent() {
    Workflow triage = triage();

    triage.resume(
        triage.invoke(COMPLAINT),
        Map.of("approved", true, "edited_reply", "Hi Ada, a new vase is on its way. Bo"));

    assertThat(outbox.sent)
        .singleElement()
        .satisfies(
            mail -> assertThat(mail).containsEntry("body", "Hi Ada, a new vase is on its way. Bo"));
  }

  @Test
  void anAgentToolAndOverriddenPromptsAreUsed() {
    List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();
    AgentTool send =
        AgentTool.of(
            ToolSpecification.builder()
                .name("mail.send")
                .parameters(
                    JsonObjectSchema.builder()
                        .addStringProperty("to")
                        .addStringProperty("subject")
                        .addStringProperty("body")
                        .build())
                .build(),
            arguments -> {
              calls.add(arguments);
              return "ok";
            });
    Workflow triage =
        EmailTriage.builder()
            .id("support-mail")
            .model(model)
            .sendTool(send)
            .analysisSystemPrompt("Triage for {{team}}.")
            .approvalPrompt("OK to send? {{draft}}")
            .build();

    RunResult waiting = triage.invoke(Map.of("email", COMPLAINT.get("email"), "team", "support"));
    triage.resume(waiting, Map.of("approved", true));

    assertThat(triage.id()).isEqualTo("support-mail");
    assertThat(model.requests.get(0).messages().get(0).toString()).contains("Triage for support.");
    assertThat(waiting.waiting().orElseThrow().prompt()).isEqualTo("OK to send? " + DRAFT);
    assertThat(calls).singleElement().satisfies(c -> assertThat(c).containsEntry("body", DRAFT));
  }

  @Test
  void badConfigurationFailsAtOnceOrAtBuild() {
    assertThatThrownBy(() -> EmailTriage.builder().sendTool(outbox).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a model");
    assertThatThrownBy(() -> EmailTriage.builder().model(model).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sendTool(...)");
    AgentTool noBody =
        AgentTool.of(
            ToolSpecification.builder()
                .name("half")
                .parameters(JsonObjectSchema.builder().addStringProperty("to").build())
                .build(),
            arguments -> "never");
    assertThatThrownBy(() -> EmailTriage.builder().sendTool(noBody))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must take parameters to, subject and body");
    assertThatThrownBy(() -> EmailTriage.builder().sendTool(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> EmailTriage.builder().draftPrompt("{{unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("draftPrompt");
  }
}
