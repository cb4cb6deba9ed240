package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Args.requireText;
import static java.util.Objects.requireNonNull;

import dev.workflowengine.core.engine.WorkflowEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link GooglePushHandler}. Each setter checks its argument at once; {@link #build()}
 * copies the configuration, so the builder can be reused without affecting handlers already built.
 *
 * <pre>{@code
 * GooglePushHandler push = GooglePushHandler.builder()
 *     .calendarChannels(channels)
 *     .startOnCalendarChange(engine, "calendar-sync")
 *     .build();
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class GooglePushHandlerBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(GooglePushHandler.class);

  /** Shorter secrets can be guessed by sending requests. */
  static final int MIN_TOKEN_LENGTH = 16;

  private CalendarChannels calendarChannels;
  private GmailMailboxes gmailMailboxes;
  private String gmailToken;
  private Clock clock = Clock.systemUTC();
  private final List<Consumer<? super CalendarChange>> calendarListeners = new ArrayList<>();
  private final List<Consumer<? super GmailChange>> gmailListeners = new ArrayList<>();
  private final List<Dispatch.Start> calendarStarts = new ArrayList<>();
  private final List<Dispatch.Start> gmailStarts = new ArrayList<>();

  GooglePushHandlerBuilder() {}

  /**
   * Where the Calendar channels are registered; required to handle Calendar notifications.
   *
   * @param channels the registry the host fills when it creates watches
   * @return this builder
   */
  public GooglePushHandlerBuilder calendarChannels(CalendarChannels channels) {
    this.calendarChannels = requireNonNull(channels, "channels");
    return this;
  }

  /**
   * Where watched Gmail addresses map to users; required to handle Gmail notifications.
   *
   * @param mailboxes the registry the host fills when it calls {@code users.watch}
   * @return this builder
   */
  public GooglePushHandlerBuilder gmailMailboxes(GmailMailboxes mailboxes) {
    this.gmailMailboxes = requireNonNull(mailboxes, "mailboxes");
    return this;
  }

  /**
   * A secret that every Gmail push request must carry, compared in constant time. Put it in the
   * Pub/Sub subscription's push endpoint URL (such as {@code https://example.com/push/gmail?token=
   * ...}) and pass it to {@link GooglePushHandler#handleGmail(byte[], String)}. Use at least 16
   * random characters that need no escaping in a URL.
   *
   * @param secret the secret
   * @return this builder
   * @throws IllegalArgumentException if it is shorter than 16 characters
   */
  public GooglePushHandlerBuilder gmailToken(String secret) {
    requireText(secret, "secret");
    if (secret.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "the Gmail push token must have at least "
              + MIN_TOKEN_LENGTH
              + " characters so that it cannot be guessed; generate a random one");
    }
    this.gmailToken = secret;
    return this;
  }

  /**
   * The clock that decides whether a channel has expired; the system's UTC clock by default.
   *
   * @param time the clock
   * @return this builder
   */
  public GooglePushHandlerBuilder clock(Clock time) {
    this.clock = requireNonNull(time, "time");
    return this;
  }

  /**
   * Calls a listener with every accepted Calendar change (not the {@code sync} message), after the
   * configured workflows started.
   *
   * @param listener the listener; it runs on the calling thread
   * @return this builder
   */
  public GooglePushHandlerBuilder onCalendarChange(Consumer<? super CalendarChange> listener) {
    calendarListeners.add(requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Calls a listener with every accepted Gmail change, after the configured workflows started.
   *
   * @param listener the listener; it runs on the calling thread
   * @return this builder
   */
  public GooglePushHandlerBuilder onGmailChange(Consumer<? super GmailChange> listener) {
    gmailListeners.add(requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Starts a workflow on every accepted Calendar change, owned by the channel's user, with {@link
   * CalendarChange#toInput()} as its input.
   *
   * @param engine the engine the workflow is registered with
   * @param workflowId the workflow
   * @return this builder
   * @throws IllegalArgumentException if this workflow of this engine is already configured
   */
  public GooglePushHandlerBuilder startOnCalendarChange(WorkflowEngine engine, String workflowId) {
    addStart(calendarStarts, engine, workflowId);
    return this;
  }

  /**
   * Starts a workflow on every accepted Gmail change, owned by the mailbox's user, with {@link
   * GmailChange#toInput()} as its input.
   *
   * @param engine the engine the workflow is registered with
   * @param workflowId the workflow
   * @return this builder
   * @throws IllegalArgumentException if this workflow of this engine is already configured
   */
  public GooglePushHandlerBuilder startOnGmailChange(WorkflowEngine engine, String workflowId) {
    addStart(gmailStarts, engine, workflowId);
    return this;
  }

  /**
   * Builds the handler.
   *
   * @return the handler
   * @throws IllegalStateException if neither registry is set, or listeners or workflows are
   *     configured for notifications whose registry is not set
   */
  public GooglePushHandler build() {
    if (calendarChannels == null && gmailMailboxes == null) {
      throw new IllegalStateException(
          "set calendarChannels(...), gmailMailboxes(...) or both: without them no notification"
              + " can be verified");
    }
    requireRegistry(calendarChannels, calendarListeners, calendarStarts, "calendar");
    requireRegistry(gmailMailboxes, gmailListeners, gmailStarts, "gmail");
    if (gmailMailboxes != null && gmailToken == null) {
      LOG.warn(
          "Gmail push notifications are accepted without a token: anyone who knows the endpoint"
              + " can start workflows for registered mailboxes; set gmailToken(...)");
    }
    return new GooglePushHandler(
        Optional.ofNullable(calendarChannels).map(c -> new CalendarNotifications(c, clock)),
        Optional.ofNullable(gmailMailboxes)
            .map(m -> new GmailNotifications(m, Optional.ofNullable(gmailToken))),
        new Dispatch<>(Mappings.CALENDAR, calendarStarts, calendarListeners),
        new Dispatch<>(Mappings.GMAIL, gmailStarts, gmailListeners));
  }

  private static void addStart(List<Dispatch.Start> starts, WorkflowEngine engine, String id) {
    Dispatch.Start start =
        new Dispatch.Start(requireNonNull(engine, "engine"), requireText(id, "workflowId"));
    if (starts.contains(start)) {
      throw new IllegalArgumentException(
          "workflow '" + id + "' of this engine is already started on these changes");
    }
    starts.add(start);
  }

  private static void requireRegistry(
      Object registry, List<?> listeners, List<?> starts, String kind) {
    if (registry == null && !(listeners.isEmpty() && starts.isEmpty())) {
      throw new IllegalStateException(
          "listeners or workflows are configured for "
              + kind
              + " changes, but no "
              + ("calendar".equals(kind) ? "calendarChannels(...)" : "gmailMailboxes(...)")
              + " to verify them; set it");
    }
  }

  /** How each kind of change becomes a start. */
  private static final class Mappings {
    static final Dispatch.Mapping<CalendarChange> CALENDAR =
        new Dispatch.Mapping<>(
            "Calendar change",
            CalendarChange::userId,
            CalendarChange::toInput,
            change -> "google-calendar:" + change.channelId() + ":" + change.messageNumber());
    static final Dispatch.Mapping<GmailChange> GMAIL =
        new Dispatch.Mapping<>(
            "Gmail change",
            GmailChange::userId,
            GmailChange::toInput,
            // Pub/Sub keeps a message's id on redelivery and across subscriptions of its topic
            change -> "gmail-pubsub:" + change.messageId());
  }
}
