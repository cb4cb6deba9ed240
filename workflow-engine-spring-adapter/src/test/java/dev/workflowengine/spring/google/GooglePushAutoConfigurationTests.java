package dev.workflowengine.spring.google;

import static dev.workflowengine.spring.google.GoogleTesting.CLIENT;
import static dev.workflowengine.spring.google.GoogleTesting.GMAIL_TOKEN;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.google.push.CalendarChannel;
import dev.workflowengine.google.push.CalendarChannels;
import dev.workflowengine.google.push.GmailMailboxes;
import dev.workflowengine.google.push.GooglePushHandler;
import dev.workflowengine.google.push.InMemoryCalendarChannels;
import dev.workflowengine.google.push.PushReceipt;
import dev.workflowengine.google.push.PushVerificationException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The push handler bean: its registries, the Gmail token, and the workflows it starts. */
class GooglePushAutoConfigurationTests {

  private static final String CHANNEL_ID = "01234567-89ab-cdef-0123-456789abcdef";
  private static final String CHANNEL_TOKEN = "channel-token-7f3a9c2e41b8d6f0";
  private static final String EMAIL = "ada@example.com";

  @Test
  void aCalendarChangeOnAChannelOfTheApplicationsRegistryStartsTheConfiguredWorkflow() {
    InMemoryCalendarChannels channels = new InMemoryCalendarChannels();
    channels.register(CalendarChannel.of("ada", CHANNEL_ID, CHANNEL_TOKEN, "primary"));
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues("workflow-engine.google.push.calendar-workflows=calendar-sync")
        .withBean(CalendarChannels.class, () -> channels)
        .withBean("calendarSync", Workflow.class, () -> seen("calendar-sync"))
        .run(
            context -> {
              GooglePushHandler push = context.getBean(GooglePushHandler.class);

              PushReceipt receipt = push.handleCalendar(calendarHeaders(CHANNEL_TOKEN));

              assertThat(receipt.userId()).isEqualTo("ada");
              assertThat(receipt.executionIds()).hasSize(1);
              ExecutionRecord run =
                  context
                      .getBean(WorkflowEngine.class)
                      .handle(receipt.executionIds().get(0), "ada")
                      .await(Duration.ofSeconds(10));
              assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
              assertThat(run.output()).containsEntry("seen", "calendar-sync");
            });
  }

  @Test
  void aCalendarNotificationWithTheWrongTokenIsRefused() {
    InMemoryCalendarChannels channels = new InMemoryCalendarChannels();
    channels.register(CalendarChannel.of("ada", CHANNEL_ID, CHANNEL_TOKEN, "primary"));
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withBean(CalendarChannels.class, () -> channels)
        .run(
            context ->
                assertThatThrownBy(
                        () ->
                            context
                                .getBean(GooglePushHandler.class)
                                .handleCalendar(calendarHeaders("a-guessed-token-123456")))
                    .isInstanceOf(PushVerificationException.class));
  }

  @Test
  void withoutAGmailTokenGmailPushesAreRefused() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .run(
            context -> {
              context.getBean(GmailMailboxes.class).register(EMAIL, "ada");

              assertThatThrownBy(
                      () -> context.getBean(GooglePushHandler.class).handleGmail(gmailPush("m1")))
                  .isInstanceOf(IllegalStateException.class);
            });
  }

  @Test
  void withAGmailTokenAPushCarryingItStartsTheConfiguredWorkflowAndOneWithoutIsRefused() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues(
            "workflow-engine.google.push.gmail-token=" + GMAIL_TOKEN,
            "workflow-engine.google.push.gmail-workflows=inbox")
        .withBean("inbox", Workflow.class, () -> seen("inbox"))
        .run(
            context -> {
              context.getBean(GmailMailboxes.class).register(EMAIL, "ada");
              GooglePushHandler push = context.getBean(GooglePushHandler.class);

              assertThatThrownBy(() -> push.handleGmail(gmailPush("m1"), "wrong-token-0123456789"))
                  .isInstanceOf(PushVerificationException.class);
              PushReceipt receipt = push.handleGmail(gmailPush("m2"), GMAIL_TOKEN);

              assertThat(receipt.userId()).isEqualTo("ada");
              assertThat(
                      context
                          .getBean(WorkflowEngine.class)
                          .handle(receipt.executionIds().get(0), "ada")
                          .await(Duration.ofSeconds(10))
                          .status())
                  .isEqualTo(ExecutionStatus.COMPLETED);
            });
  }

  /** Writes the workflow's id to "seen". */
  private static Workflow seen(String id) {
    return Workflow.builder(id)
        .node("seen", state -> Map.of("seen", id))
        .edge(Workflow.START, "seen")
        .edge("seen", Workflow.END)
        .build();
  }

  private static Map<String, String> calendarHeaders(String token) {
    return Map.of(
        "X-Goog-Channel-ID", CHANNEL_ID,
        "X-Goog-Channel-Token", token,
        "X-Goog-Resource-ID", "o3hgv1538sdjfh",
        "X-Goog-Resource-State", "exists",
        "X-Goog-Message-Number", "2");
  }

  /** A Pub/Sub push envelope around a Gmail notification for {@link #EMAIL}. */
  private static byte[] gmailPush(String messageId) {
    String data =
        Base64.getEncoder()
            .encodeToString(
                ("{\"emailAddress\":\"" + EMAIL + "\",\"historyId\":\"9876\"}").getBytes(UTF_8));
    return ("{\"message\":{\"data\":\""
            + data
            + "\",\"messageId\":\""
            + messageId
            + "\",\"publishTime\":\"2026-03-01T10:00:00Z\"},"
            + "\"subscription\":\"projects/p/subscriptions/s\"}")
        .getBytes(UTF_8);
  }
}
