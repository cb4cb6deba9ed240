package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message read from a mailbox with {@link GoogleGmail#readMessage}: its main headers, labels,
 * Gmail's snippet and its body as plain text.
 *
 * <pre>{@code
 * EmailMessage message = gmail.readMessage(id);
 * if (message.labelIds().contains("UNREAD")) {
 *   triage(message.from(), message.subject(), message.bodyText());
 * }
 * message.header("List-Unsubscribe").ifPresent(this::offerUnsubscribe);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id Gmail's message id
 * @param threadId the id of the thread it belongs to
 * @param labelIds its labels, such as {@code INBOX}, {@code UNREAD} or a user label's id
 * @param from the {@code From} header, such as {@code Ada Lovelace <ada@example.com>}; empty if
 *     absent
 * @param to the {@code To} addresses, one per element
 * @param cc the {@code Cc} addresses, one per element
 * @param subject the subject; empty if absent
 * @param date when Gmail received the message (its internal date), else the {@code Date} header
 *     when that parses; Gmail documents the internal date as the more reliable of the two
 * @param snippet Gmail's short extract of the body
 * @param bodyText the body as plain text: the first {@code text/plain} part, else the first {@code
 *     text/html} part with its tags stripped; empty when there is neither, or when the message was
 *     read with {@link GoogleGmail#readHeaders} which does not fetch bodies
 * @param headers every header by name, in message order, each with its values in order
 */
public record EmailMessage(
    String id,
    String threadId,
    List<String> labelIds,
    String from,
    List<String> to,
    List<String> cc,
    String subject,
    Optional<Instant> date,
    String snippet,
    String bodyText,
    Map<String, List<String>> headers) {

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if a value is null
   */
  public EmailMessage {
    requireNonNull(id, "id");
    requireNonNull(threadId, "threadId");
    labelIds = List.copyOf(labelIds);
    requireNonNull(from, "from");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    requireNonNull(subject, "subject");
    requireNonNull(date, "date");
    requireNonNull(snippet, "snippet");
    requireNonNull(bodyText, "bodyText");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * The first value of a header, by its name in any case.
   *
   * @param name such as {@code "Message-ID"} or {@code "message-id"}
   * @return the value, when the message has the header
   */
  public Optional<String> header(String name) {
    requireNonNull(name, "name");
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .findFirst();
  }
}
