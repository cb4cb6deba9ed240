package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.PushFixtures.EMAIL;
import static dev.workflowengine.google.push.PushFixtures.MESSAGE_ID;
import static dev.workflowengine.google.push.PushFixtures.SUBSCRIPTION;
import static dev.workflowengine.google.push.PushFixtures.envelope;
import static dev.workflowengine.google.push.PushFixtures.gmailEnvelope;
import static dev.workflowengine.google.push.PushFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.google.push.PushVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the Pub/Sub push envelope of a Gmail notification, and refusing what is not one. */
class GmailPushEnvelopeTest {

  private static final String REAL_SHAPED =
      "{\"message\":{\"data\":\"eyJlbWFpbEFkZHJlc3MiOiJ1c2VyQGV4YW1wbGUuY29tIiwiaGlzdG9yeUlkIjoiOTg3NjU0MzIxMCJ9\","
          + "\"messageId\":\"2070443601311540\",\"message_id\":\"2070443601311540\","
          + "\"publishTime\":\"2021-02-26T19:13:55.749Z\",\"publish_time\":\"2021-02-26T19:13:55.749Z\"},"
          + "\"subscription\":\"projects/myproject/subscriptions/mysubscription\"}";

  @Test
  void aRealShapedEnvelopeIsRead() {
    // the data is base64 of {"emailAddress":"user@example.com","historyId":"9876543210"}
    GmailPushEnvelope envelope = GmailPushEnvelope.parse(utf8(REAL_SHAPED));

    assertThat(envelope)
        .isEqualTo(
            new GmailPushEnvelope(
                EMAIL,
                "9876543210",
                MESSAGE_ID,
                Instant.parse("2021-02-26T19:13:55.749Z"),
                SUBSCRIPTION));
  }

  @Test
  void aHistoryIdSentAsANumberIsReadAsItsDigits() {
    byte[] body =
        gmailEnvelope(
            "{\"emailAddress\":\"user@example.com\",\"historyId\":18446744073709551615}", "1");

    assertThat(GmailPushEnvelope.parse(body).historyId()).isEqualTo("18446744073709551615");
  }

  @Test
  void theSnakeCaseFieldsAloneAreEnough() {
    String data =
        Base64.getEncoder()
            .encodeToString(utf8("{\"emailAddress\":\"user@example.com\",\"historyId\":\"42\"}"));
    String json =
        "{\"message\":{\"data\":\""
            + data
            + "\",\"message_id\":\"77\","
            + "\"publish_time\":\"2021-02-26T19:13:55Z\"},\"subscription\":\"projects/p/subscriptions/s\"}";

    GmailPushEnvelope envelope = GmailPushEnvelope.parse(utf8(json));

    assertThat(envelope.messageId()).isEqualTo("77");
    assertThat(envelope.publishTime()).isEqualTo(Instant.parse("2021-02-26T19:13:55Z"));
  }

  @Test
  void urlSafeBase64IsAcceptedToo() {
    String json = "{\"emailAddress\":\"~~~@example.com\",\"historyId\":\"1\"}";
    String data = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    assertThat(data).contains("-"); // which the standard alphabet does not have

    assertThat(GmailPushEnvelope.parse(envelope(data, "5")).emailAddress())
        .isEqualTo("~~~@example.com");
  }

  @Test
  void malformedJsonIsRefused() {
    assertMalformed(utf8("{\"message\": {\"data\": "))
        .hasMessageContaining("the request body is not JSON");
  }

  @Test
  void trailingGarbageIsRefused() {
    assertMalformed(utf8(REAL_SHAPED + " {}")).hasMessageContaining("not JSON");
  }

  @Test
  void anEmptyBodyIsRefused() {
    assertMalformed(new byte[0]).hasMessageContaining("the request body is not a JSON object");
  }

  @Test
  void aBodyWithoutAMessageIsRefused() {
    assertMalformed(utf8("{\"subscription\":\"projects/p/subscriptions/s\"}"))
        .hasMessageContaining("no \"message\" object");
  }

  @Test
  void dataThatIsNotBase64IsRefused() {
    assertMalformed(envelope("not*base64!", "5"))
        .hasMessageContaining("message.data is not base64");
  }

  @Test
  void dataThatIsNotJsonIsRefused() {
    String data = Base64.getEncoder().encodeToString(utf8("emailAddress=user@example.com"));

    assertMalformed(envelope(data, "5")).hasMessageContaining("message.data is not JSON");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"historyId\":\"1\"}|emailAddress is missing",
        "{\"emailAddress\":\"user@example.com\"}|has no historyId",
        "{\"emailAddress\":\"user@example.com\",\"historyId\":\"-4\"}|is not a number",
        "{\"emailAddress\":\"user@example.com\",\"historyId\":1.5}|is not a number",
        "{\"emailAddress\":\"user@example.com\",\"historyId\":{}}|is not a number",
        "{\"emailAddress\":42,\"historyId\":\"1\"}|emailAddress is missing or not a string"
      })
  void dataWithoutAUsableFieldIsRefused(String data, String problem) {
    assertMalformed(gmailEnvelope(data, "5")).hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"messageId\":\"1\",\"message_id\":\"1\",|message.publishTime is missing",
        "\"publishTime\":\"2021-02-26T19:13:55Z\",|message.messageId is missing",
        "\"messageId\":\"1\",\"publishTime\":\"yesterday\",|'yesterday' is not an RFC 3339 time"
      })
  void aMessageWithoutAUsableFieldIsRefused(String fields, String problem) {
    String data = Base64.getEncoder().encodeToString(utf8("{}"));
    String json = "{\"message\":{" + fields + "\"data\":\"" + data + "\"},\"subscription\":\"s\"}";

    assertMalformed(utf8(json)).hasMessageContaining(problem);
  }

  @Test
  void anEnvelopeWithoutSubscriptionIsRefused() {
    String json = new String(gmailEnvelope(EMAIL, 1, "5"), StandardCharsets.UTF_8);
    String withoutSubscription = json.replace("\"subscription\"", "\"other\"");

    assertMalformed(utf8(withoutSubscription)).hasMessageContaining("subscription is missing");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(byte[] body) {
    return assertThatThrownBy(() -> GmailPushEnvelope.parse(body))
        .isInstanceOfSatisfying(
            PushVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageStartingWith("not a Gmail push notification: ");
  }
}
