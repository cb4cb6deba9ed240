package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Args.requireText;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A verified Gmail notification: a user's mailbox changed. It carries only the mailbox's new
 * history id; call {@code users.history.list} with the last history id you processed as {@code
 * startHistoryId} to learn what changed.
 *
 * <pre>{@code
 * GooglePushHandler.builder()
 *     .gmailMailboxes(mailboxes)
 *     .gmailToken(secret)
 *     .onGmailChange(change -> inbox.syncLater(change.userId(), change.historyId()))
 *     .build();
 * }</pre>
 *
 * <p>The history id is a {@code String} of decimal digits, not a {@code long}: Gmail defines it as
 * an unsigned 64-bit number, which may not fit a {@code long}, and JSON readers in JavaScript lose
 * digits above 2<sup>53</sup>. The Gmail client takes it as {@code new
 * BigInteger(change.historyId())}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param userId the user the mailbox belongs to, from {@link GmailMailboxes}
 * @param emailAddress the mailbox's address, as the notification named it
 * @param historyId the mailbox's history id after the change, decimal digits
 * @param messageId the Pub/Sub message id; the same for every redelivery of one notification
 * @param publishTime when Pub/Sub received the notification from Gmail
 * @param subscription the Pub/Sub subscription that pushed it, such as {@code
 *     projects/myproject/subscriptions/mysubscription}
 */
public record GmailChange(
    String userId,
    String emailAddress,
    String historyId,
    String messageId,
    Instant publishTime,
    String subscription) {

  /** The value of {@code source} in {@link #toInput()}. */
  public static final String SOURCE = "gmail";

  private static final Pattern UNSIGNED_64 = Pattern.compile("[0-9]{1,20}");

  /** Validates the components: text must not be blank, the history id must be digits. */
  public GmailChange {
    requireText(userId, "userId");
    requireText(emailAddress, "emailAddress");
    if (!isHistoryId(requireNonNull(historyId, "historyId"))) {
      throw new IllegalArgumentException(
          "historyId must be 1 to 20 decimal digits but was '" + historyId + "'");
    }
    requireText(messageId, "messageId");
    requireNonNull(publishTime, "publishTime");
    requireText(subscription, "subscription");
  }

  static boolean isHistoryId(String text) {
    return UNSIGNED_64.matcher(text).matches();
  }

  /**
   * The input of a workflow started by this change: {@code source} ({@value #SOURCE}), {@code
   * userId}, {@code emailAddress}, {@code historyId} (a string of digits), {@code messageId},
   * {@code publishTime} (ISO-8601) and {@code subscription}. Only strings, so the state checkpoints
   * as JSON.
   *
   * @return the input, immutable
   */
  public Map<String, Object> toInput() {
    return Map.of(
        "source", SOURCE,
        "userId", userId,
        "emailAddress", emailAddress,
        "historyId", historyId,
        "messageId", messageId,
        "publishTime", publishTime.toString(),
        "subscription", subscription);
  }
}
