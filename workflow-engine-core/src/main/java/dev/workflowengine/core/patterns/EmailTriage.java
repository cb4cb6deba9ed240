package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Template;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.agent.Agent;

/**
 * A prebuilt workflow that triages an email: it analyses the email, decides whether it needs a
 * reply, drafts one, waits for a person to approve (or edit) the draft, and then sends it through a
 * tool.
 *
 * <pre>{@code
 * Workflow triage = EmailTriage.builder()
 *     .model(ollama.chatModel("default"))
 *     .sendTool(gmailTools.sendEmailTool()) // any tool taking to, subject, body
 *     .build();
 * RunResult waiting = triage.invoke(Map.of("email",
 *     Map.of("from", "ada@example.com", "subject", "Broken order", "body", "…")));
 * // waiting.waiting().get().prompt() shows the draft
 * RunResult done = triage.resume(waiting, Map.of("approved", true));
 * }</pre>
 *
 * <p>The input is {@code email}, a map with {@code from}, {@code subject} and {@code body}. The
 * nodes and the state keys they write:
 *
 * <ul>
 *   <li>{@code analyse}: {@code analysis} (see {@link Analysis}); when no reply is needed the run
 *       ends here with {@code outcome} {@code "no_reply_needed"}.
 *   <li>{@code draft}: {@code draft}, the reply's text.
 *   <li>{@code approve}: a human step whose prompt shows the draft; it requires {@code approved} (a
 *       Boolean) and takes an optional {@code edited_reply}, which is sent instead of the draft.
 *   <li>{@code send}: calls the send tool with {@code to} (the sender), {@code subject} ({@code
 *       "Re: "} and the original subject) and {@code body}; writes {@code sent} (those three and
 *       the tool's {@code result}) and {@code outcome} {@code "sent"}.
 *   <li>{@code not_sent}: when the draft is rejected; writes {@code outcome} {@code "not_sent"}.
 * </ul>
 *
 * <p>The send node calls the tool itself rather than asking a model to: the person approved an
 * exact text, and a model retyping it could change it.
 *
 * <p>The built workflow is immutable and thread-safe; the builder is not.
 */
public final class EmailTriage {

  /** The workflow id unless told otherwise. */
  public static final String DEFAULT_ID = "email-triage";

  /** The default system prompt of the analysis. */
  public static final String DEFAULT_ANALYSIS_SYSTEM_PROMPT =
      "You triage incoming email. Classify it, judge its urgency, summarise it in one or two"
          + " sentences and decide whether it needs a personal reply. Newsletters, notifications"
          + " and marketing never need one. Answer with JSON only.";

  /** The default task of the analysis, a template over the state. */
  public static final String DEFAULT_ANALYSIS_PROMPT =
      "From: {{email.from}}\nSubject: {{email.subject}}\n\n{{email.body}}";

  /** The default system prompt of the drafting. */
  public static final String DEFAULT_DRAFT_SYSTEM_PROMPT =
      "You write courteous, concise email replies. Write only the reply's body: no subject line,"
          + " no placeholders.";

  /** The default task of the drafting, a template over the state. */
  public static final String DEFAULT_DRAFT_PROMPT =
      "Draft a reply to this email.\n\nFrom: {{email.from}}\nSubject: {{email.subject}}\n\n"
          + "{{email.body}}\n\nWhat it is about: {{analysis.summary}} (urgency:"
          + " {{analysis.urgency}})";

  /** The default prompt of the approval step, a template over the state. */
  public static final String DEFAULT_APPROVAL_PROMPT =
      "Send this reply to {{email.from}} (Re: {{email.subject}})?\n\n{{draft}}\n\n"
          + "Answer with approved = true or false; to send other text, add edited_reply.";

  private EmailTriage() {}

  /**
   * A builder for the triage workflow.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The analysis of an email as the workflow keeps it under {@code analysis}; read it with {@code
   * state.get("analysis", EmailTriage.Analysis.class)}.
   *
   * @param category what kind of email it is, such as {@code complaint} or {@code newsletter}
   * @param urgency {@code low}, {@code medium} or {@code high}
   * @param needsReply whether it needs a personal reply ({@code needs_reply} in JSON)
   * @param summary what it says, in a sentence or two
   */
  // Models add keys the schema does not forbid; they must not fail the triage.
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Analysis(
      String category,
      String urgency,
      @JsonProperty("needs_reply") boolean needsReply,
      String summary) {}

  /** The schema the analysis answers in: the JSON names of {@link Analysis}. */
  static final JsonObjectSchema ANALYSIS_SCHEMA =
      JsonObjectSchema.builder()
          .addStringProperty(
              "category", "complaint, question, request, newsletter, notification, …")
          .addEnumProperty("urgency", java.util.List.of("low", "medium", "high"))
          .addBooleanProperty("needs_reply", "whether a person should answer it")
          .addStringProperty("summary", "what the email says, in a sentence or two")
          .required("category", "urgency", "needs_reply", "summary")
          .build();

  /**
   * Builds the triage workflow. Each setter checks its argument at once; {@link #build()} fails
   * with a message naming what is missing. Not thread-safe.
   */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private ChatModel model;
    private AgentTool sendTool;
    private String analysisSystemPrompt = DEFAULT_ANALYSIS_SYSTEM_PROMPT;
    private String analysisPrompt = DEFAULT_ANALYSIS_PROMPT;
    private String draftSystemPrompt = DEFAULT_DRAFT_SYSTEM_PROMPT;
    private String draftPrompt = DEFAULT_DRAFT_PROMPT;
    private Template approvalPrompt = template("approvalPrompt", DEFAULT_APPROVAL_PROMPT);

    private Builder() {}

    /**
     * Sets the workflow id; default {@value EmailTriage#DEFAULT_ID}.
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = nonBlank("id", id);
      return this;
    }

    /**
     * Sets the chat model that analyses and drafts. Required.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(ChatModel model) {
      this.model = requireNonNull(model, "model");
      return this;
    }

    /**
     * Sets the tool that sends the approved reply: an {@link AgentTool}, or an object with exactly
     * one public {@code @Tool} method. Either must take {@code to}, {@code subject} and {@code
     * body}. Required.
     *
     * @param tool the tool
     * @return this builder
     * @throws IllegalArgumentException if it is not one tool taking those three parameters
     */
    public Builder sendTool(Object tool) {
      this.sendTool = EmailTriageTools.sendTool(requireNonNull(tool, "tool"));
      return this;
    }

    /**
     * Replaces the analysis's system prompt, a template over the state.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if the template is malformed
     */
    public Builder analysisSystemPrompt(String template) {
      this.analysisSystemPrompt = checked("analysisSystemPrompt", template);
      return this;
    }

    /**
     * Replaces the analysis's task, a template over the state.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if the template is malformed
     */
    public Builder analysisPrompt(String template) {
      this.analysisPrompt = checked("analysisPrompt", template);
      return this;
    }

    /**
     * Replaces the drafting's system prompt, a template over the state.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if the template is malformed
     */
    public Builder draftSystemPrompt(String template) {
      this.draftSystemPrompt = checked("draftSystemPrompt", template);
      return this;
    }

    /**
     * Replaces the drafting's task, a template over the state ({@code analysis} is there).
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if the template is malformed
     */
    public Builder draftPrompt(String template) {
      this.draftPrompt = checked("draftPrompt", template);
      return this;
    }

    /**
     * Replaces what the approval step asks, a template over the state ({@code draft} is there).
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if the template is malformed
     */
    public Builder approvalPrompt(String template) {
      this.approvalPrompt = template("approvalPrompt", template);
      return this;
    }

    /**
     * Builds the workflow.
     *
     * @return the workflow
     * @throws IllegalStateException if the model or the send tool is missing
     */
    public Workflow build() {
      if (model == null) {
        throw new IllegalStateException("EmailTriage needs a model; call model(...)");
      }
      if (sendTool == null) {
        throw new IllegalStateException(
            "EmailTriage needs a tool to send the reply; call sendTool(...)");
      }
      Agent analyst =
          Agent.builder("email_analyst")
              .model(model)
              .systemPrompt(analysisSystemPrompt)
              .prompt(analysisPrompt)
              .outputSchema(ANALYSIS_SCHEMA)
              .outputKey("analysis")
              .build();
      Agent drafter =
          Agent.builder("email_drafter")
              .model(model)
              .systemPrompt(draftSystemPrompt)
              .prompt(draftPrompt)
              .outputKey("draft")
              .build();
      Template approval = approvalPrompt;
      return EmailTriageGraph.build(
          id,
          analyst,
          drafter,
          HumanStep.builder()
              .prompt(approval::render)
              .requireInput("approved", Boolean.class)
              .build(),
          sendTool);
    }

    private static String checked(String what, String template) {
      template(what, template);
      return template;
    }

    private static Template template(String what, String source) {
      requireNonNull(source, what);
      try {
        return Template.parse(source);
      } catch (Template.InvalidTemplate e) {
        throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
      }
    }

    private static String nonBlank(String what, String value) {
      requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value;
    }
  }
}
