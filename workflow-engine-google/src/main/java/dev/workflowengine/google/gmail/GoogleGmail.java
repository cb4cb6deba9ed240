package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.WatchRequest;
import dev.workflowengine.google.GoogleApiException;
import dev.workflowengine.google.GoogleCall;
import dev.workflowengine.google.GoogleService;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.google.NotConnectedException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's Gmail mailbox: list, read and send messages, and watch the mailbox for changes. Every
 * call runs through {@link GoogleWorkspace#call}, with its retries, rate limits and circuit
 * breaker, as the user.
 *
 * <pre>{@code
 * GoogleGmail gmail = GoogleGmail.of(workspace, "u1");
 * for (MessageSummary summary : gmail.listMessages(MessageQuery.of("is:unread")).messages()) {
 *   EmailMessage message = gmail.readMessage(summary.id());
 *   gmail.send(OutgoingEmail.reply(message).text("Thanks, we are on it.").build());
 * }
 * }</pre>
 *
 * <p>Every method throws {@link GoogleApiException} when Gmail answers with an error (404 for an
 * unknown message id, 403 {@code insufficientPermissions} when the user granted no Gmail scope) and
 * {@link NotConnectedException} when the user has not connected a Google account.
 *
 * <p>Thread-safe; one instance per user may be shared.
 */
public final class GoogleGmail {

  private static final Logger LOG = LoggerFactory.getLogger(GoogleGmail.class);

  /** Gmail's alias for the user whose credentials sign the request. */
  private static final String ME = "me";

  /** The headers {@link #readHeaders} asks for: those {@link EmailMessage} has fields for. */
  private static final List<String> METADATA_HEADERS =
      List.of("From", "To", "Cc", "Subject", "Date", "Message-ID");

  private static final Pattern TOPIC = Pattern.compile("projects/[^/\\s]+/topics/[^/\\s]+");

  private final GoogleWorkspace workspace;
  private final String userId;
  private final Gmail client;
  private final MimeWriter mime;

  GoogleGmail(GoogleWorkspace workspace, String userId, MimeWriter mime) {
    this.workspace = requireNonNull(workspace, "workspace");
    this.userId = requireNonNull(userId, "userId");
    this.mime = mime;
    this.client =
        workspace
            .configure(
                new Gmail.Builder(
                    workspace.transport(),
                    workspace.jsonFactory(),
                    workspace.requestInitializer(userId)))
            .build();
  }

  /**
   * The mailbox of a user.
   *
   * @param workspace the workspace whose credentials and policies the calls use
   * @param userId the user, as the workspace's credential source knows them
   * @return the mailbox
   */
  public static GoogleGmail of(GoogleWorkspace workspace, String userId) {
    return new GoogleGmail(workspace, userId, MimeWriter.standard());
  }

  /**
   * The user whose mailbox this is.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }

  /**
   * Lists one page of messages, newest first: {@code GET /gmail/v1/users/me/messages}.
   *
   * @param query the search, labels, page size and page
   * @return the messages' ids and the next page's token
   */
  public MessagePage listMessages(MessageQuery query) {
    requireNonNull(query, "query");
    return GmailMapping.page(
        call(
            () -> {
              Gmail.Users.Messages.List list = client.users().messages().list(ME);
              query.query().ifPresent(list::setQ);
              if (!query.labelIds().isEmpty()) {
                list.setLabelIds(query.labelIds());
              }
              query.maxResults().ifPresent(max -> list.setMaxResults((long) max));
              query.pageToken().ifPresent(list::setPageToken);
              if (query.includeSpamTrash()) {
                list.setIncludeSpamTrash(true);
              }
              return list.execute();
            }));
  }

  /**
   * Lists one page and reads every message on it, one request each: for small pages.
   *
   * @param query the search; its {@link MessageQuery#maxResults()} bounds the requests
   * @return the messages, newest first
   */
  public List<EmailMessage> readMessages(MessageQuery query) {
    List<EmailMessage> messages = new ArrayList<>();
    for (MessageSummary summary : listMessages(query).messages()) {
      messages.add(readMessage(summary.id()));
    }
    return messages;
  }

  /**
   * Reads a message with its body: {@code GET /gmail/v1/users/me/messages/{id}?format=full}.
   *
   * @param id the message id, as listed
   * @return the message
   */
  public EmailMessage readMessage(String id) {
    String messageId = nonBlank("id", id);
    return GmailMapping.message(
        call(() -> client.users().messages().get(ME, messageId).setFormat("full").execute()));
  }

  /**
   * Reads a message's headers, labels and snippet without its body, which is lighter for listings:
   * {@code GET /gmail/v1/users/me/messages/{id}?format=metadata} with {@code metadataHeaders} From,
   * To, Cc, Subject, Date and Message-ID. The {@link EmailMessage#bodyText()} is empty.
   *
   * @param id the message id, as listed
   * @return the message without body
   */
  public EmailMessage readHeaders(String id) {
    String messageId = nonBlank("id", id);
    return GmailMapping.message(
        call(
            () ->
                client
                    .users()
                    .messages()
                    .get(ME, messageId)
                    .setFormat("metadata")
                    .setMetadataHeaders(METADATA_HEADERS)
                    .execute()));
  }

  /**
   * Sends an e-mail as the user: {@code POST /gmail/v1/users/me/messages/send} with the MIME
   * message as unpadded base64url {@code raw}, and the {@code threadId} of a reply. Gmail stores it
   * under {@code SENT}. Not idempotent: a retry after an answer was lost may send it twice.
   *
   * @param email the e-mail
   * @return the sent message's id and thread
   */
  public SentMessage send(OutgoingEmail email) {
    requireNonNull(email, "email");
    String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(mime.write(email));
    LOG.debug("Sending e-mail for user {}: {}", userId, email);
    return GmailMapping.sent(
        call(
            () -> {
              Message message = new Message().setRaw(raw);
              email.threadId().ifPresent(message::setThreadId);
              return client.users().messages().send(ME, message).execute();
            }));
  }

  /**
   * Asks Gmail to publish the mailbox's changes to a Cloud Pub/Sub topic: {@code POST
   * /gmail/v1/users/me/watch}. Gmail must be allowed to publish to the topic (grant {@code
   * gmail-api-push@system.gserviceaccount.com} the Publisher role). A new watch replaces the old.
   *
   * @param topicName such as {@code projects/my-project/topics/gmail}
   * @param labelIds only changes to messages with one of these labels are published; all when empty
   * @return the starting history id and when the watch expires
   * @throws IllegalArgumentException if the topic is not {@code projects/<p>/topics/<t>}
   */
  public MailboxWatch watch(String topicName, List<String> labelIds) {
    requireNonNull(topicName, "topicName");
    if (!TOPIC.matcher(topicName).matches()) {
      throw new IllegalArgumentException(
          "topicName must be a full Pub/Sub topic name such as projects/my-project/topics/gmail"
              + " but was '"
              + topicName
              + "'");
    }
    List<String> labels = List.copyOf(requireNonNull(labelIds, "labelIds"));
    labels.forEach(label -> nonBlank("labelIds", label));
    WatchRequest request = new WatchRequest().setTopicName(topicName);
    if (!labels.isEmpty()) {
      request.setLabelIds(labels).setLabelFilterBehavior("include");
    }
    return GmailMapping.watch(call(() -> client.users().watch(ME, request).execute()));
  }

  /** Stops the mailbox's watch, if any: {@code POST /gmail/v1/users/me/stop}. */
  public void stopWatch() {
    call(() -> client.users().stop(ME).execute());
  }

  private <T> T call(GoogleCall<T> request) {
    return workspace.call(GoogleService.GMAIL, userId, request);
  }

  private static String nonBlank(String field, String value) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "GoogleGmail[" + userId + "]";
  }
}
