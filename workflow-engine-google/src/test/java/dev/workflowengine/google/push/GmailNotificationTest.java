package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.PushFixtures.EMAIL;
import static dev.workflowengine.google.push.PushFixtures.GMAIL_TOKEN;
import static dev.workflowengine.google.push.PushFixtures.MESSAGE_ID;
import static dev.workflowengine.google.push.PushFixtures.SUBSCRIPTION;
import static dev.workflowengine.google.push.PushFixtures.USER;
import static dev.workflowengine.google.push.PushFixtures.gmailEnvelope;
import static dev.workflowengine.google.push.PushFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.google.push.PushVerificationException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Verifying Gmail notifications: the endpoint's secret, the envelope and the mailbox's user. */
class GmailNotificationTest {

  private final GmailMailboxes mailboxes = new InMemoryGmailMailboxes();
  private final List<GmailChange> changes = new CopyOnWriteArrayList<>();
  private final GooglePushHandler handler =
      GooglePushHandler.builder()
          .gmailMailboxes(mailboxes)
          .gmailToken(GMAIL_TOKEN)
          .onGmailChange(changes::add)
          .build();

  GmailNotificationTest() {
    mailboxes.register("User@Example.com", USER);
  }

  @Test
  void aNotificationWithTheSecretBecomesAChangeOfTheMailboxesUser() {
    PushReceipt receipt =
        handler.handleGmail(gmailEnvelope(EMAIL, 9876543210L, MESSAGE_ID), GMAIL_TOKEN);

    assertThat(receipt).isEqualTo(new PushReceipt(USER, true, List.of()));
    assertThat(changes)
        .containsExactly(
            new GmailChange(
                USER,
                EMAIL,
                "9876543210",
                MESSAGE_ID,
                Instant.parse("2021-02-26T19:13:55.749Z"),
                SUBSCRIPTION));
  }

  @Test
  void aWrongSecretIsRefusedBeforeTheBodyIsRead() {
    assertThatThrownBy(() -> handler.handleGmail(utf8("not even JSON"), "guessed-secret-123456"))
        .isInstanceOfSatisfying(
            PushVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_TOKEN))
        .hasMessageContaining("does not match")
        .hasMessageNotContaining(GMAIL_TOKEN)
        .hasMessageNotContaining("guessed-secret-123456");
    assertThat(changes).isEmpty();
  }

  @Test
  void aRequestWithoutTheSecretIsRefused() {
    assertThatThrownBy(() -> handler.handleGmail(gmailEnvelope(EMAIL, 1, MESSAGE_ID)))
        .isInstanceOfSatisfying(
            PushVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_TOKEN))
        .hasMessageContaining("carries no token");
  }

  @Test
  void anUnknownMailboxIsRefused() {
    byte[] body = gmailEnvelope("stranger@example.com", 1, MESSAGE_ID);

    assertThatThrownBy(() -> handler.handleGmail(body, GMAIL_TOKEN))
        .isInstanceOfSatisfying(
            PushVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MAILBOX))
        .hasMessageContaining("'stranger@example.com'")
        .hasMessageContaining("GmailMailboxes");
    assertThat(changes).isEmpty();
  }

  @Test
  void aRemovedMailboxIsUnknown() {
    assertThat(mailboxes.remove("USER@example.com")).isTrue();

    assertThatThrownBy(() -> handler.handleGmail(gmailEnvelope(EMAIL, 1, MESSAGE_ID), GMAIL_TOKEN))
        .isInstanceOfSatisfying(
            PushVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MAILBOX));
  }

  @Test
  void withoutAConfiguredSecretAnyTokenOrNoneIsAccepted() {
    GooglePushHandler open = GooglePushHandler.builder().gmailMailboxes(mailboxes).build();

    assertThat(open.handleGmail(gmailEnvelope(EMAIL, 1, "m1")).userId()).isEqualTo(USER);
    assertThat(open.handleGmail(gmailEnvelope(EMAIL, 2, "m2"), "anything").userId())
        .isEqualTo(USER);
  }

  @Test
  void aMalformedBodyWithTheRightSecretIsRefusedAsMalformed() {
    assertThatThrownBy(() -> handler.handleGmail(utf8("{}"), GMAIL_TOKEN))
        .isInstanceOfSatisfying(
            PushVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }
}
