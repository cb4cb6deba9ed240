package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Secrets.quote;

import dev.workflowengine.google.push.PushVerificationException.Reason;
import java.util.Optional;

/**
 * Verifies Gmail notifications pushed by Cloud Pub/Sub: the shared secret the host put in the push
 * endpoint's URL (when one is configured), the envelope, and the mailbox's user.
 */
final class GmailNotifications {

  private final GmailMailboxes mailboxes;
  private final Optional<String> secret;

  GmailNotifications(GmailMailboxes mailboxes, Optional<String> secret) {
    this.mailboxes = mailboxes;
    this.secret = secret;
  }

  /**
   * Verifies a push request.
   *
   * @throws PushVerificationException if the secret is missing or wrong, the body is malformed or
   *     the mailbox is not registered
   */
  GmailChange verify(byte[] body, Optional<String> presentedToken) {
    // the secret first: a caller without it learns nothing about the body or the mailboxes
    secret.ifPresent(expected -> checkToken(expected, presentedToken));
    GmailPushEnvelope envelope = GmailPushEnvelope.parse(body);
    String userId =
        mailboxes
            .userOf(envelope.emailAddress())
            .orElseThrow(
                () ->
                    new PushVerificationException(
                        Reason.UNKNOWN_MAILBOX,
                        "no user is registered for Gmail address "
                            + quote(envelope.emailAddress())
                            + "; register it in GmailMailboxes when you call users.watch for"
                            + " its user"));
    return new GmailChange(
        userId,
        envelope.emailAddress(),
        envelope.historyId(),
        envelope.messageId(),
        envelope.publishTime(),
        envelope.subscription());
  }

  private static void checkToken(String expected, Optional<String> presented) {
    if (presented.filter(token -> Secrets.matches(expected, token)).isEmpty()) {
      throw new PushVerificationException(
          Reason.BAD_TOKEN,
          "the Gmail push request "
              + (presented.isEmpty() ? "carries no token" : "carries a token that does not match")
              + "; the Pub/Sub subscription's push endpoint URL must hold the configured gmailToken");
    }
  }
}
