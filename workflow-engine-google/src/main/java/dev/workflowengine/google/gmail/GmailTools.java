package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.agent.MethodTools;
import dev.workflowengine.google.GoogleWorkspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gmail as agent tools, bound to one user's mailbox: {@value #LIST_MESSAGES}, {@value
 * #READ_MESSAGE} and {@value #SEND_EMAIL}.
 *
 * <pre>{@code
 * GmailTools gmail = new GmailTools(GoogleGmail.of(workspace, "u1"));
 * Agent assistant = Agent.builder("assistant").model(model).tools(gmail).build();
 * Catalog.Builder catalog = Catalog.builder();
 * MethodTools.of(gmail).forEach(catalog::tool);      // for JSON definitions, by name
 * }</pre>
 *
 * <p>Sending mail is a side effect an agent cannot take back, so {@value #SEND_EMAIL} logs every
 * send at INFO (recipients and subject, never the body), and inside a workflow node it sends a
 * given e-mail at most once per {@link NodeContext#idempotencyKey()}: a model that asks twice for
 * the same mail in one step, or a repeat of the same attempt in this process, gets the first
 * message's id instead of a second mail. That memory does not survive the process; a durable guard
 * needs a store outside it.
 *
 * <p>Thread-safe.
 */
public final class GmailTools {

  /** The name of the tool that lists messages. */
  public static final String LIST_MESSAGES = "google.gmail.list_messages";

  /** The name of the tool that reads one message with its body. */
  public static final String READ_MESSAGE = "google.gmail.read_message";

  /** The name of the tool that sends an e-mail. */
  public static final String SEND_EMAIL = "google.gmail.send_email";

  static final int DEFAULT_MAX = 10;
  static final int MAX = 50;

  /** Bodies longer than this are cut, so one long mail cannot fill a model's context. */
  static final int MAX_BODY = 20_000;

  private static final Logger LOG = LoggerFactory.getLogger(GmailTools.class);

  private final Supplier<GoogleGmail> gmail;
  private final SendOnce sendOnce = new SendOnce(1_000);

  /**
   * Tools on a user's mailbox.
   *
   * @param gmail the mailbox
   */
  public GmailTools(GoogleGmail gmail) {
    requireNonNull(gmail, "gmail");
    this.gmail = () -> gmail;
  }

  private GmailTools(Supplier<GoogleGmail> gmail) {
    this.gmail = gmail;
  }

  /**
   * Tools acting on the mailbox of the user each workflow run acts for ({@link
   * NodeContext#userId()}), so one instance can sit in an application's catalog. Called outside a
   * run, or in a run started without a user, a tool fails saying so.
   *
   * @param workspace the workspace to reach Google through
   * @return the tools
   */
  public static GmailTools forRunUser(GoogleWorkspace workspace) {
    requireNonNull(workspace, "workspace");
    return new GmailTools(() -> workspace.gmail(NodeContext.requireUserId("the Gmail tools")));
  }

  /**
   * The {@value #SEND_EMAIL} tool alone, for code that takes exactly one send tool, such as {@code
   * EmailTriage.Builder.sendTool}.
   *
   * @return the tool
   */
  public AgentTool sendEmailTool() {
    return MethodTools.of(this).stream()
        .filter(tool -> tool.name().equals(SEND_EMAIL))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Lists messages with their sender, subject, date and snippet. Each message is read with {@code
   * format=metadata}: the listing shows no bodies, so downloading them (and their attachments)
   * would cost time and quota for nothing; {@link #readMessage} reads one body when it matters.
   *
   * @param query a Gmail search, or null or blank for the newest messages
   * @param max how many, default {@value #DEFAULT_MAX}, at most {@value #MAX}
   * @return per message: id, from, subject, date (ISO-8601, or empty) and snippet
   */
  @Tool(
      name = LIST_MESSAGES,
      value =
          "Lists e-mails in the user's Gmail mailbox, newest first. Returns for each message its"
              + " id, from, subject, date and a short snippet of the body. Use read_message with an"
              + " id to get the full text.")
  public List<Map<String, Object>> listMessages(
      @P(
              name = "query",
              value =
                  "Gmail search, as typed in Gmail's search box, such as \"is:unread"
                      + " newer_than:2d\" or \"from:ada@example.com subject:invoice\"; omit for"
                      + " the newest messages",
              required = false)
          String query,
      @P(name = "max", value = "How many messages to return, 1 to 50; default 10", required = false)
          Integer max) {
    int count = max == null ? DEFAULT_MAX : Math.max(1, Math.min(MAX, max));
    MessageQuery.Builder search = MessageQuery.builder().maxResults(count);
    if (query != null && !query.isBlank()) {
      search.query(query.strip());
    }
    GoogleGmail mailbox = gmail.get();
    List<Map<String, Object>> listed = new ArrayList<>();
    for (MessageSummary summary : mailbox.listMessages(search.build()).messages()) {
      EmailMessage message = mailbox.readHeaders(summary.id());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", message.id());
      entry.put("from", message.from());
      entry.put("subject", message.subject());
      entry.put("date", message.date().map(Object::toString).orElse(""));
      entry.put("snippet", message.snippet());
      listed.add(entry);
    }
    return listed;
  }

  /**
   * Reads one message with its body as plain text, cut at {@value #MAX_BODY} characters.
   *
   * @param id a message id from {@link #listMessages}
   * @return id, thread_id, from, to, cc, subject, date, labels and body
   */
  @Tool(
      name = READ_MESSAGE,
      value =
          "Reads one e-mail from the user's Gmail mailbox by its id (from list_messages): its"
              + " sender, recipients, subject, date, labels and body as plain text.")
  public Map<String, Object> readMessage(
      @P(name = "id", value = "The message id, as list_messages returned it") String id) {
    EmailMessage message = gmail.get().readMessage(id);
    String body = message.bodyText();
    Map<String, Object> read = new LinkedHashMap<>();
    read.put("id", message.id());
    read.put("thread_id", message.threadId());
    read.put("from", message.from());
    read.put("to", message.to());
    read.put("cc", message.cc());
    read.put("subject", message.subject());
    read.put("date", message.date().map(Object::toString).orElse(""));
    read.put("labels", message.labelIds());
    read.put("body", body.length() <= MAX_BODY ? body : cut(body) + "\n[truncated]");
    return read;
  }

  /**
   * Sends a plain-text e-mail from the user's account.
   *
   * @param to one address, or several separated by commas
   * @param subject the subject
   * @param body the text
   * @param cc addresses to copy, separated by commas; may be null or blank
   * @return a sentence with the sent message's id, saying whether it was sent just now
   */
  @Tool(
      name = SEND_EMAIL,
      value =
          "Sends a plain-text e-mail from the user's Gmail account. The mail goes out at once and"
              + " cannot be recalled: send only what the user asked for. Returns the sent"
              + " message's id.")
  public String sendEmail(
      @P(name = "to", value = "Recipient address, or several separated by commas") String to,
      @P(name = "subject", value = "Subject line") String subject,
      @P(name = "body", value = "The message text") String body,
      @P(name = "cc", value = "Addresses to copy, separated by commas", required = false)
          String cc) {
    OutgoingEmail.Builder builder =
        OutgoingEmail.builder()
            .to(Addresses.split(requireNonNull(to, "to")))
            .subject(requireNonNull(subject, "subject"))
            .text(requireNonNull(body, "body"));
    if (cc != null && !cc.isBlank()) {
      builder.cc(Addresses.split(cc).toArray(String[]::new));
    }
    OutgoingEmail email = builder.build();
    Optional<String> key = NodeContext.current().map(NodeContext::idempotencyKey);
    if (key.isEmpty()) {
      return sentText(sendLogged(email, "none"));
    }
    SendOnce.Outcome outcome =
        sendOnce.send(key.get() + ":" + digest(email), () -> sendLogged(email, key.get()));
    if (outcome.repeated()) {
      LOG.info("Tool {} did not send again: same e-mail, same step ({})", SEND_EMAIL, key.get());
      return "Not sent again: this step already sent the same e-mail as message "
          + outcome.message().id();
    }
    return sentText(outcome.message());
  }

  private SentMessage sendLogged(OutgoingEmail email, String key) {
    GoogleGmail mailbox = gmail.get();
    LOG.info(
        "Tool {} sending e-mail for user {} to {}, cc {}, subject '{}' (idempotency key {})",
        SEND_EMAIL,
        mailbox.userId(),
        email.to(),
        email.cc(),
        email.subject(),
        key);
    return mailbox.send(email);
  }

  private static String sentText(SentMessage sent) {
    return "Sent as message " + sent.id() + " in thread " + sent.threadId();
  }

  /** What makes two sends the same e-mail: recipients, subject and body. */
  private static String digest(OutgoingEmail email) {
    String content =
        String.join(
            "\u0000", email.to().toString(), email.cc().toString(), email.subject(), email.text());
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The first {@value #MAX_BODY} characters, less one if that would split a surrogate pair. */
  private static String cut(String body) {
    int end = Character.isHighSurrogate(body.charAt(MAX_BODY - 1)) ? MAX_BODY - 1 : MAX_BODY;
    return body.substring(0, end);
  }

  @Override
  public String toString() {
    return "GmailTools[" + LIST_MESSAGES + ", " + READ_MESSAGE + ", " + SEND_EMAIL + "]";
  }
}
