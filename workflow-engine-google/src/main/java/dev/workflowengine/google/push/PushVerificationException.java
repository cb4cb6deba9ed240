package dev.workflowengine.google.push;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.WorkflowException;

/**
 * A push notification was refused: {@link #reason()} says why, so an HTTP layer can choose its
 * answer; the message says what was wrong and never holds a token, neither the expected one nor the
 * one presented.
 *
 * <pre>{@code
 * try {
 *   return ok(handler.handleCalendar(request::header));
 * } catch (PushVerificationException e) {
 *   return status(e.reason() == Reason.REPLAY ? 200 : 403);
 * }
 * }</pre>
 *
 * <p>Not a kind of {@link dev.workflowengine.api.AccessDeniedException}: a malformed or replayed
 * notification is not an access decision, and each {@link Reason} deserves its own answer.
 */
public class PushVerificationException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  /**
   * Why a notification was refused, with the answer an HTTP endpoint should give. Google Calendar
   * treats 200, 201, 202, 204 and 102 as delivered, retries 500, 502, 503 and 504 with exponential
   * backoff, and counts anything else as a failed message it does not retry. Cloud Pub/Sub treats
   * the same 2xx and 102 as an acknowledgement and redelivers after any other answer until the
   * subscription's retention period (7 days by default) ends, so a permanent refusal of a Gmail
   * notification is better acknowledged with 204 and logged.
   */
  public enum Reason {
    /**
     * A required header or field is missing or unreadable. Answer 400 to Calendar; 204 to Pub/Sub,
     * which would otherwise redeliver the same bad message for days.
     */
    MALFORMED,
    /**
     * No channel with this id (and resource id) is registered. Answer 404: Google does not retry
     * it. The channel keeps sending until it expires; stop it with {@code channels.stop} if you
     * still know whose it is.
     */
    UNKNOWN_CHANNEL,
    /**
     * The channel's token, or the shared secret of the Gmail push endpoint, is missing or wrong:
     * the request did not come from the watch you created. Answer 403.
     */
    BAD_TOKEN,
    /**
     * The channel had expired when the notification arrived. Answer 404, as for an unknown channel,
     * and create a new watch if you still want notifications.
     */
    EXPIRED,
    /**
     * The message number is not above the last one accepted on this channel: a redelivery of a
     * notification already handled, or an old one sent again. Answer 200 so Google stops retrying.
     */
    REPLAY,
    /**
     * No user is registered for the Gmail address. Answer 204 so Pub/Sub stops redelivering; the
     * mailbox's watch keeps publishing until it expires or {@code users.stop} ends it.
     */
    UNKNOWN_MAILBOX
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the notification was refused
   * @param message what was wrong and what to do; must not hold a token
   */
  public PushVerificationException(Reason reason, String message) {
    super(message);
    this.reason = requireNonNull(reason, "reason");
  }

  /**
   * Why the notification was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
