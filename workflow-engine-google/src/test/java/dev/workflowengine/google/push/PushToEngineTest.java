package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.PushFixtures.CALENDAR_ID;
import static dev.workflowengine.google.push.PushFixtures.CHANNEL_ID;
import static dev.workflowengine.google.push.PushFixtures.CLOCK;
import static dev.workflowengine.google.push.PushFixtures.EMAIL;
import static dev.workflowengine.google.push.PushFixtures.EXPIRATION;
import static dev.workflowengine.google.push.PushFixtures.GMAIL_TOKEN;
import static dev.workflowengine.google.push.PushFixtures.MESSAGE_ID;
import static dev.workflowengine.google.push.PushFixtures.RESOURCE_ID;
import static dev.workflowengine.google.push.PushFixtures.SUBSCRIPTION;
import static dev.workflowengine.google.push.PushFixtures.USER;
import static dev.workflowengine.google.push.PushFixtures.calendarHeaders;
import static dev.workflowengine.google.push.PushFixtures.channel;
import static dev.workflowengine.google.push.PushFixtures.gmailEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.NotFoundException;
import dev.workflowengine.api.execution.ExecutionQuery;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Accepted notifications start workflows on a real engine, for the right user, once each. */
class PushToEngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final WorkflowEngine engine = WorkflowEngine.builder().workers(2).build();
  private final Queue<Map<String, Object>> inputs = new ConcurrentLinkedQueue<>();
  private final CalendarChannels channels = new InMemoryCalendarChannels();
  private final GmailMailboxes mailboxes = new InMemoryGmailMailboxes();

  PushToEngineTest() {
    engine.register(recording("calendar-sync"));
    engine.register(recording("mail-triage"));
    channels.register(channel());
    mailboxes.register(EMAIL, "u2");
  }

  @AfterEach
  void close() {
    engine.close();
  }

  /** A workflow that records the state it starts with. */
  private Workflow recording(String id) {
    return Workflow.builder(id)
        .node(
            "record",
            state -> {
              inputs.add(state.asMap());
              return Map.of("recorded", true);
            })
        .start("record")
        .edge("record", Workflow.END)
        .build();
  }

  private GooglePushHandlerBuilder handler() {
    return GooglePushHandler.builder()
        .calendarChannels(channels)
        .gmailMailboxes(mailboxes)
        .gmailToken(GMAIL_TOKEN)
        .clock(CLOCK);
  }

  @Test
  void aCalendarChangeStartsTheWorkflowForTheChannelsUserWithTheChangeAsInput() {
    GooglePushHandler push = handler().startOnCalendarChange(engine, "calendar-sync").build();

    PushReceipt receipt = push.handleCalendar(calendarHeaders("exists", 4));

    ExecutionRecord record = awaitOnly(receipt, USER);
    assertThat(record.workflowId()).isEqualTo("calendar-sync");
    assertThat(inputs).hasSize(1);
    Map<String, Object> input = inputs.remove();
    assertThat(input)
        .hasSize(8)
        .containsEntry("source", "google-calendar")
        .containsEntry("userId", USER)
        .containsEntry("channelId", CHANNEL_ID)
        .containsEntry("calendarId", CALENDAR_ID)
        .containsEntry("resourceId", RESOURCE_ID)
        .containsEntry("resourceState", "exists")
        .containsEntry("channelExpiration", EXPIRATION.toString());
    // the state comes back from its JSON checkpoint, where a small long reads as an int
    assertThat(((Number) input.get("messageNumber")).longValue()).isEqualTo(4);
  }

  @Test
  void theSyncMessageStartsNothing() {
    GooglePushHandler push = handler().startOnCalendarChange(engine, "calendar-sync").build();

    PushReceipt receipt = push.handleCalendar(calendarHeaders("sync", 1));

    assertThat(receipt.dispatched()).isFalse();
    assertThat(receipt.executionIds()).isEmpty();
    assertThat(engine.history(USER, ExecutionQuery.recent(10)).executions()).isEmpty();
  }

  @Test
  void aGmailChangeStartsTheWorkflowForTheMailboxesUser() {
    GooglePushHandler push = handler().startOnGmailChange(engine, "mail-triage").build();

    PushReceipt receipt =
        push.handleGmail(gmailEnvelope(EMAIL, 9876543210L, MESSAGE_ID), GMAIL_TOKEN);

    assertThat(awaitOnly(receipt, "u2").workflowId()).isEqualTo("mail-triage");
    assertThat(inputs.peek())
        .containsEntry("userId", "u2")
        .containsEntry("emailAddress", EMAIL)
        .containsEntry("historyId", "9876543210")
        .containsEntry("messageId", MESSAGE_ID)
        .containsEntry("publishTime", "2021-02-26T19:13:55.749Z")
        .containsEntry("subscription", SUBSCRIPTION);
  }

  @Test
  void aRedeliveredPubSubMessageFindsTheExecutionItStartedInsteadOfStartingAnother() {
    GooglePushHandler push = handler().startOnGmailChange(engine, "mail-triage").build();

    PushReceipt first = push.handleGmail(gmailEnvelope(EMAIL, 10, MESSAGE_ID), GMAIL_TOKEN);
    PushReceipt again = push.handleGmail(gmailEnvelope(EMAIL, 10, MESSAGE_ID), GMAIL_TOKEN);
    PushReceipt next = push.handleGmail(gmailEnvelope(EMAIL, 11, "2070443601311541"), GMAIL_TOKEN);

    assertThat(again.executionIds()).isEqualTo(first.executionIds());
    assertThat(next.executionIds()).doesNotContainAnyElementsOf(first.executionIds());
    awaitOnly(first, "u2");
    awaitOnly(next, "u2");
    assertThat(engine.history("u2", ExecutionQuery.recent(10)).executions()).hasSize(2);
  }

  @Test
  void concurrentDeliveriesOfOneCalendarMessageStartOneExecution() throws Exception {
    GooglePushHandler push = handler().startOnCalendarChange(engine, "calendar-sync").build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> started = new CopyOnWriteArrayList<>();
    try {
      List<Callable<Void>> deliveries =
          IntStream.range(0, 16)
              .<Callable<Void>>mapToObj(
                  i ->
                      () -> {
                        try {
                          started.addAll(
                              push.handleCalendar(calendarHeaders("exists", 2)).executionIds());
                        } catch (PushVerificationException replay) {
                          assertThat(replay.reason())
                              .isEqualTo(PushVerificationException.Reason.REPLAY);
                        }
                        return null;
                      })
              .toList();
      for (Future<Void> delivery : pool.invokeAll(deliveries)) {
        delivery.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(started).isNotEmpty().allMatch(started.get(0)::equals);
    assertThat(engine.history(USER, ExecutionQuery.recent(10)).executions()).hasSize(1);
  }

  @Test
  void aFailedStartLeavesTheMessageUnrecordedSoGooglesRetryStartsWhatIsMissing() {
    GooglePushHandler push =
        handler()
            .startOnCalendarChange(engine, "calendar-sync")
            .startOnCalendarChange(engine, "not-registered-yet")
            .build();

    assertThatThrownBy(() -> push.handleCalendar(calendarHeaders("exists", 3)))
        .isInstanceOf(NotFoundException.class);
    assertThat(channels.lastMessageNumber(CHANNEL_ID)).isZero();

    engine.register(recording("not-registered-yet"));
    PushReceipt retry = push.handleCalendar(calendarHeaders("exists", 3));

    assertThat(retry.executionIds()).hasSize(2);
    for (String id : retry.executionIds()) {
      assertThat(engine.handle(id, USER).await(PATIENCE).status())
          .isEqualTo(ExecutionStatus.COMPLETED);
    }
    assertThat(engine.history(USER, ExecutionQuery.recent(10)).executions()).hasSize(2);
    assertThat(channels.lastMessageNumber(CHANNEL_ID)).isEqualTo(3);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheOthersNorTheStarts() {
    List<Long> heard = new CopyOnWriteArrayList<>();
    GooglePushHandler push =
        handler()
            .startOnCalendarChange(engine, "calendar-sync")
            .onCalendarChange(change -> heard.add(-change.messageNumber()))
            .onCalendarChange(
                change -> {
                  throw new IllegalStateException("listener bug");
                })
            .onCalendarChange(change -> heard.add(change.messageNumber()))
            .build();

    PushReceipt receipt = push.handleCalendar(calendarHeaders("exists", 6));

    assertThat(heard).containsExactly(-6L, 6L);
    awaitOnly(receipt, USER);
    assertThat(channels.lastMessageNumber(CHANNEL_ID)).isEqualTo(6);
  }

  /** The receipt's one execution, once it completed, after checking it belongs to the user. */
  private ExecutionRecord awaitOnly(PushReceipt receipt, String userId) {
    assertThat(receipt.userId()).isEqualTo(userId);
    assertThat(receipt.executionIds()).hasSize(1);
    ExecutionRecord record = engine.handle(receipt.executionIds().get(0), userId).await(PATIENCE);
    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.userId()).isEqualTo(userId);
    return record;
  }
}
