package dev.workflowengine.google.push;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Google's push notifications: verifies each one, then starts the configured workflows for
 * the user it concerns and calls the listeners. An HTTP endpoint passes it the request and answers
 * with a 2xx when it returns; when it throws {@link PushVerificationException}, the exception's
 * {@link PushVerificationException.Reason reason} says which answer to give.
 *
 * <pre>{@code
 * GooglePushHandler push = GooglePushHandler.builder()
 *     .calendarChannels(channels)                      // filled when watches are created
 *     .gmailMailboxes(mailboxes)
 *     .gmailToken(secret)                              // also in the push endpoint's URL
 *     .startOnCalendarChange(engine, "calendar-sync")  // owned by the channel's user
 *     .onGmailChange(change -> log.info("mail for {}", change.userId()))
 *     .build();
 *
 * // POST /push/calendar: headers only, the body is empty
 * PushReceipt event = push.handleCalendar(name -> Optional.ofNullable(request.getHeader(name)));
 * // POST /push/gmail?token=...: the Pub/Sub envelope as the body
 * String token = request.getParameter("token");
 * PushReceipt mail = token == null ? push.handleGmail(body) : push.handleGmail(body, token);
 * }</pre>
 *
 * <p><b>Calendar</b> notifications are not signed: one is genuine when its channel is registered in
 * {@link CalendarChannels}, its {@code X-Goog-Channel-Token} matches (compared in constant time)
 * and its resource id is the registered one; it is new when its message number is above the last
 * accepted on the channel. The first message of a channel, {@code sync}, is accepted without
 * starting or calling anything. A message number is recorded only after the workflows started, so a
 * notification whose start failed is accepted again when Google retries it.
 *
 * <p><b>Gmail</b> notifications arrive through a Cloud Pub/Sub push subscription. Pub/Sub can
 * authenticate itself with an OIDC token signed by Google; checking that needs Google's public
 * certificates and is not done here (put it in front, or use the shared secret). Instead, the host
 * puts a secret in the push endpoint's URL and passes it back; without one configured anyone who
 * knows the URL can make the handler start workflows for registered mailboxes.
 *
 * <p><b>Duplicates</b>: every start carries an idempotency key (the channel id and message number,
 * or the Pub/Sub message id), so a redelivered notification never starts a workflow twice.
 * Listeners can see a change twice when Google delivers it twice at the same moment, or when
 * Pub/Sub redelivers one; make them idempotent, or let a workflow do the work.
 *
 * <p>Listeners run on the calling (HTTP) thread, after the starts: keep them short. One that throws
 * is logged and the others still run. Thread-safe and immutable; build one and share it.
 */
public final class GooglePushHandler {

  private static final Logger LOG = LoggerFactory.getLogger(GooglePushHandler.class);

  private final Optional<CalendarNotifications> calendar;
  private final Optional<GmailNotifications> gmail;
  private final Dispatch<CalendarChange> calendarDispatch;
  private final Dispatch<GmailChange> gmailDispatch;

  GooglePushHandler(
      Optional<CalendarNotifications> calendar,
      Optional<GmailNotifications> gmail,
      Dispatch<CalendarChange> calendarDispatch,
      Dispatch<GmailChange> gmailDispatch) {
    this.calendar = calendar;
    this.gmail = gmail;
    this.calendarDispatch = calendarDispatch;
    this.gmailDispatch = gmailDispatch;
  }

  /**
   * Starts building a handler.
   *
   * @return a new builder; not thread-safe
   */
  public static GooglePushHandlerBuilder builder() {
    return new GooglePushHandlerBuilder();
  }

  /**
   * Whether this handler takes Calendar notifications (it was built with {@link CalendarChannels}).
   * An HTTP endpoint asks before handling, so that only this answers "not configured".
   *
   * @return {@code true} if {@link #handleCalendar} can be called
   */
  public boolean takesCalendar() {
    return calendar.isPresent();
  }

  /**
   * Whether this handler takes Gmail notifications (it was built with {@link GmailMailboxes}).
   *
   * @return {@code true} if {@link #handleGmail} can be called
   */
  public boolean takesGmail() {
    return gmail.isPresent();
  }

  /**
   * Handles a Calendar notification.
   *
   * @param headers the request's headers by name; the lookup must ignore case, as HTTP does (a
   *     servlet's {@code getHeader} does)
   * @return what was done
   * @throws PushVerificationException if the notification is refused; nothing was started
   * @throws IllegalStateException if the handler was built without {@link CalendarChannels}
   * @throws dev.workflowengine.api.WorkflowException if a workflow could not be started (answer 503
   *     so Google retries; the notification was not recorded)
   */
  public PushReceipt handleCalendar(Function<String, Optional<String>> headers) {
    requireNonNull(headers, "headers");
    CalendarNotifications verifier =
        calendar.orElseThrow(
            () ->
                new IllegalStateException(
                    "this handler takes no Calendar notifications; build it with"
                        + " calendarChannels(...)"));
    CalendarChange change = refusalsLogged(() -> verifier.check(headers));
    boolean isChange = change.resourceState() != CalendarResourceState.SYNC;
    List<String> executionIds = isChange ? calendarDispatch.dispatch(change) : List.of();
    if (!verifier.record(change)) {
      LOG.debug(
          "Message {} on calendar channel {} was also handled by a concurrent delivery",
          change.messageNumber(),
          change.channelId());
    }
    return new PushReceipt(change.userId(), isChange, executionIds);
  }

  /**
   * Handles a Calendar notification whose headers are in a map, looked up without regard to case.
   *
   * @param headers the request's headers, one value each
   * @return what was done
   * @throws PushVerificationException if the notification is refused; nothing was started
   * @throws IllegalStateException if the handler was built without {@link CalendarChannels}
   */
  public PushReceipt handleCalendar(Map<String, String> headers) {
    requireNonNull(headers, "headers");
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            byName.put(name, value);
          }
        });
    return handleCalendar(name -> Optional.ofNullable(byName.get(name)));
  }

  /**
   * Handles a Gmail notification pushed by Pub/Sub to an endpoint whose URL holds no token. Refused
   * as {@link PushVerificationException.Reason#BAD_TOKEN} when the handler expects one.
   *
   * @param body the request's body, the Pub/Sub push envelope
   * @return what was done
   * @throws PushVerificationException if the notification is refused; nothing was started
   * @throws IllegalStateException if the handler was built without {@link GmailMailboxes}
   */
  public PushReceipt handleGmail(byte[] body) {
    return gmail(body, Optional.empty());
  }

  /**
   * Handles a Gmail notification pushed by Pub/Sub, with the token from the endpoint's URL.
   *
   * @param body the request's body, the Pub/Sub push envelope
   * @param token the secret the request's URL carried; ignored if the handler has no {@code
   *     gmailToken}
   * @return what was done
   * @throws PushVerificationException if the notification is refused; nothing was started
   * @throws IllegalStateException if the handler was built without {@link GmailMailboxes}
   */
  public PushReceipt handleGmail(byte[] body, String token) {
    return gmail(body, Optional.of(requireNonNull(token, "token")));
  }

  private PushReceipt gmail(byte[] body, Optional<String> token) {
    requireNonNull(body, "body");
    GmailNotifications verifier =
        gmail.orElseThrow(
            () ->
                new IllegalStateException(
                    "this handler takes no Gmail notifications; build it with"
                        + " gmailMailboxes(...)"));
    GmailChange change = refusalsLogged(() -> verifier.verify(body, token));
    return new PushReceipt(change.userId(), true, gmailDispatch.dispatch(change));
  }

  private static <T> T refusalsLogged(Supplier<T> verification) {
    try {
      return verification.get();
    } catch (PushVerificationException e) {
      // debug only: anyone can send requests that are refused, and the caller sees the exception
      LOG.debug("Refused a push notification ({}): {}", e.reason(), e.getMessage());
      throw e;
    }
  }

  @Override
  public String toString() {
    return "GooglePushHandler[calendar="
        + calendar.isPresent()
        + ", gmail="
        + gmail.isPresent()
        + ", calendarDispatch="
        + !calendarDispatch.isEmpty()
        + ", gmailDispatch="
        + !gmailDispatch.isEmpty()
        + "]";
  }
}
