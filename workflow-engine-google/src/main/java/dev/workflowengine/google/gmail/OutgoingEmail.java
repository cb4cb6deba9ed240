package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * An e-mail to send with {@link GoogleGmail#send}: recipients, subject, a plain-text body with an
 * optional HTML alternative, attachments, and the headers that thread a reply.
 *
 * <pre>{@code
 * OutgoingEmail email = OutgoingEmail.builder()
 *     .to("Ada Lovelace <ada@example.com>")
 *     .cc("charles@example.com")
 *     .subject("Grüße aus Zürich")
 *     .text("Hello Ada,\nthe report is attached.")
 *     .attach(new Attachment("report.pdf", "application/pdf", pdf))
 *     .build();
 * OutgoingEmail answer = OutgoingEmail.reply(received).text("Thanks!").build();
 * }</pre>
 *
 * <p>Addresses are {@code ada@example.com} or {@code Name <ada@example.com>}; display names and the
 * subject may hold any Unicode. Every value is checked when set: CR, LF and other control
 * characters are refused everywhere but in the bodies, so no value can add headers of its own.
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param to the {@code To} recipients, possibly empty when there are others
 * @param cc the {@code Cc} recipients
 * @param bcc the {@code Bcc} recipients; Gmail delivers to them and removes the header
 * @param from the sender; when absent Gmail uses the account's address
 * @param replyTo where replies should go
 * @param subject the subject, possibly empty
 * @param text the plain-text body, possibly empty
 * @param html an HTML alternative to the text, which mail readers show instead when they can
 * @param attachments the attached files, in order
 * @param inReplyTo the {@code Message-ID} of the message this one answers, in angle brackets
 * @param references the {@code Message-ID}s of the conversation so far, oldest first
 * @param threadId the Gmail thread the message joins
 */
public record OutgoingEmail(
    List<String> to,
    List<String> cc,
    List<String> bcc,
    Optional<String> from,
    List<String> replyTo,
    String subject,
    String text,
    Optional<String> html,
    List<Attachment> attachments,
    Optional<String> inReplyTo,
    List<String> references,
    Optional<String> threadId) {

  /** One {@code <id>} of a {@code References} header: printable ASCII in angle brackets. */
  private static final Pattern MESSAGE_ID = Pattern.compile("<[!-;=?-~]+>");

  /**
   * Checks and copies the values; {@link #builder()} is the readable way to call this.
   *
   * @throws NullPointerException if a value is null
   * @throws IllegalArgumentException if a value is malformed or holds CR or LF (see {@link
   *     Builder})
   * @throws IllegalStateException if there is no recipient
   */
  public OutgoingEmail {
    to = HeaderValues.addresses("to", to);
    cc = HeaderValues.addresses("cc", cc);
    bcc = HeaderValues.addresses("bcc", bcc);
    from.ifPresent(address -> Addresses.require("from", address));
    replyTo = HeaderValues.addresses("replyTo", replyTo);
    HeaderValues.requireNoControlCharacters("subject", requireNonNull(subject, "subject"));
    requireNonNull(text, "text");
    requireNonNull(html, "html");
    attachments = List.copyOf(attachments);
    inReplyTo = inReplyTo.map(id -> HeaderValues.messageId("inReplyTo", id));
    references = references.stream().map(id -> HeaderValues.messageId("references", id)).toList();
    threadId.ifPresent(id -> HeaderValues.threadId(id));
    if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
      throw new IllegalStateException(
          "an e-mail needs at least one recipient; call to(...), cc(...) or bcc(...)");
    }
  }

  /**
   * Starts an e-mail.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a reply to a message read from the mailbox: addressed to its {@code Reply-To}, else its
   * sender; subject {@code "Re: "} and its subject (unless it already starts so); {@code
   * In-Reply-To} and {@code References} from its {@code Message-ID}; and its thread, so Gmail files
   * the reply with it.
   *
   * @param original the message replied to
   * @return a builder to add the body to
   */
  public static Builder reply(EmailMessage original) {
    requireNonNull(original, "original");
    Builder builder = builder().threadId(original.threadId());
    List<String> replyTo = original.header("Reply-To").map(Addresses::split).orElse(List.of());
    builder.to(replyTo.isEmpty() ? Addresses.split(original.from()) : replyTo);
    String subject = original.subject();
    builder.subject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject);
    original
        .header("Message-ID")
        .ifPresent(
            id -> {
              List<String> references = new ArrayList<>();
              original.header("References").ifPresent(r -> references.addAll(messageIds(r)));
              references.add(id.strip());
              builder.inReplyTo(id.strip()).references(references);
            });
    return builder;
  }

  /**
   * The message ids in a {@code References} header. RFC 5322 §3.6.4 lets ids follow each other
   * without whitespace and be surrounded by comments, so they are found by their angle brackets
   * rather than by splitting at spaces.
   */
  private static List<String> messageIds(String header) {
    return MESSAGE_ID.matcher(header).results().map(MatchResult::group).toList();
  }

  /** Recipients, subject and attachment count; never the bodies. */
  @Override
  public String toString() {
    return "OutgoingEmail[to="
        + to
        + ", cc="
        + cc
        + ", bcc="
        + bcc.size()
        + ", subject="
        + subject
        + ", attachments="
        + attachments.size()
        + "]";
  }

  /** Builds an {@link OutgoingEmail}, checking each value when set. Not thread-safe. */
  public static final class Builder {
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private final List<String> bcc = new ArrayList<>();
    private String from;
    private final List<String> replyTo = new ArrayList<>();
    private String subject = "";
    private String text = "";
    private String html;
    private final List<Attachment> attachments = new ArrayList<>();
    private String inReplyTo;
    private final List<String> references = new ArrayList<>();
    private String threadId;

    private Builder() {}

    /**
     * Adds {@code To} recipients.
     *
     * @param addresses each {@code ada@example.com} or {@code Ada <ada@example.com>}
     * @return this builder
     * @throws IllegalArgumentException if an address is blank, malformed or holds CR or LF
     */
    public Builder to(String... addresses) {
      return to(List.of(requireNonNull(addresses, "addresses")));
    }

    /**
     * Adds {@code To} recipients.
     *
     * @param addresses the addresses
     * @return this builder
     * @throws IllegalArgumentException if an address is blank, malformed or holds CR or LF
     */
    public Builder to(List<String> addresses) {
      addAddresses("to", addresses, to);
      return this;
    }

    /**
     * Adds {@code Cc} recipients.
     *
     * @param addresses the addresses
     * @return this builder
     * @throws IllegalArgumentException if an address is blank, malformed or holds CR or LF
     */
    public Builder cc(String... addresses) {
      addAddresses("cc", List.of(requireNonNull(addresses, "addresses")), cc);
      return this;
    }

    /**
     * Adds {@code Bcc} recipients.
     *
     * @param addresses the addresses
     * @return this builder
     * @throws IllegalArgumentException if an address is blank, malformed or holds CR or LF
     */
    public Builder bcc(String... addresses) {
      addAddresses("bcc", List.of(requireNonNull(addresses, "addresses")), bcc);
      return this;
    }

    /**
     * Sets the sender: the account's address or one of its "send mail as" aliases. Optional.
     *
     * @param address the address
     * @return this builder
     * @throws IllegalArgumentException if the address is blank, malformed or holds CR or LF
     */
    public Builder from(String address) {
      this.from = Addresses.require("from", address);
      return this;
    }

    /**
     * Adds {@code Reply-To} addresses.
     *
     * @param addresses the addresses
     * @return this builder
     * @throws IllegalArgumentException if an address is blank, malformed or holds CR or LF
     */
    public Builder replyTo(String... addresses) {
      addAddresses("replyTo", List.of(requireNonNull(addresses, "addresses")), replyTo);
      return this;
    }

    /**
     * Sets the subject; empty by default.
     *
     * @param subject any Unicode text on one line
     * @return this builder
     * @throws IllegalArgumentException if it holds CR, LF or another control character
     */
    public Builder subject(String subject) {
      requireNonNull(subject, "subject");
      this.subject = HeaderValues.requireNoControlCharacters("subject", subject);
      return this;
    }

    /**
     * Sets the plain-text body; empty by default. Line breaks are sent as CRLF, as MIME requires.
     *
     * @param text the text
     * @return this builder
     */
    public Builder text(String text) {
      this.text = requireNonNull(text, "text");
      return this;
    }

    /**
     * Adds an HTML alternative to the text body.
     *
     * @param html the HTML document or fragment
     * @return this builder
     */
    public Builder html(String html) {
      this.html = requireNonNull(html, "html");
      return this;
    }

    /**
     * Attaches a file.
     *
     * @param attachment the file
     * @return this builder
     */
    public Builder attach(Attachment attachment) {
      attachments.add(requireNonNull(attachment, "attachment"));
      return this;
    }

    /**
     * Marks the message as a reply to another, by its {@code Message-ID} header.
     *
     * @param messageId such as {@code <CAF123@mail.gmail.com>}; angle brackets are added if missing
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds spaces or control characters
     */
    public Builder inReplyTo(String messageId) {
      this.inReplyTo = HeaderValues.messageId("inReplyTo", messageId);
      return this;
    }

    /**
     * Sets the {@code References} header: the conversation's {@code Message-ID}s, oldest first.
     *
     * @param messageIds the ids; angle brackets are added if missing
     * @return this builder
     * @throws IllegalArgumentException if an id is blank or holds spaces or control characters
     */
    public Builder references(List<String> messageIds) {
      requireNonNull(messageIds, "messageIds");
      List<String> checked =
          messageIds.stream().map(id -> HeaderValues.messageId("references", id)).toList();
      references.clear();
      references.addAll(checked);
      return this;
    }

    /**
     * Files the message in a Gmail thread, as replies should be. Gmail also needs matching {@code
     * References} and subject to keep it there.
     *
     * @param threadId the thread's id, as in {@link EmailMessage#threadId()}
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds control characters
     */
    public Builder threadId(String threadId) {
      this.threadId = HeaderValues.threadId(threadId);
      return this;
    }

    /**
     * Builds the e-mail.
     *
     * @return the e-mail
     * @throws IllegalStateException if it has no recipient
     */
    public OutgoingEmail build() {
      return new OutgoingEmail(
          to,
          cc,
          bcc,
          Optional.ofNullable(from),
          replyTo,
          subject,
          text,
          Optional.ofNullable(html),
          attachments,
          Optional.ofNullable(inReplyTo),
          references,
          Optional.ofNullable(threadId));
    }

    private static void addAddresses(String field, List<String> addresses, List<String> target) {
      target.addAll(HeaderValues.addresses(field, addresses));
    }
  }
}
