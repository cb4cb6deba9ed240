package dev.workflowengine.google.gmail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.gmail.GmailTestSupport.ascii;
import static dev.workflowengine.google.gmail.GmailTestSupport.base64Url;
import static dev.workflowengine.google.gmail.GmailTestSupport.body;
import static dev.workflowengine.google.gmail.GmailTestSupport.decodeRaw;
import static dev.workflowengine.google.gmail.GmailTestSupport.gmail;
import static dev.workflowengine.google.gmail.GmailTestSupport.path;
import static dev.workflowengine.google.gmail.GmailTestSupport.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending and watching: the exact request WireMock sees, and the record the answer becomes. */
@WireMockTest
class GoogleGmailSendTest {

  private WireMockRuntimeInfo wireMock;
  private GoogleGmail gmail;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wireMock) {
    this.wireMock = wireMock;
    this.gmail = gmail(wireMock.getHttpBaseUrl(), "u1");
  }

  private List<LoggedRequest> requests() {
    return GmailTestSupport.requests(wireMock);
  }

  private LoggedRequest onlyRequest() {
    assertThat(requests()).hasSize(1);
    return requests().get(0);
  }

  @Test
  void sendPostsTheMimeMessageAsUnpaddedBase64Url() throws Exception {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .willReturn(
                    okJson("{\"id\": \"s1\", \"threadId\": \"t9\", \"labelIds\": [\"SENT\"]}")));
    String expectedMime =
        "Date: Thu, 5 Mar 2026 09:07:02 +0000\r\n"
            + "To: ada@example.com\r\n"
            + "Subject: Hello\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + "SGkgQWRhLA0KYnllIOKAkyBHcsO8w59l\r\n";
    assertThat(expectedMime.length() % 3).as("the MIME length needs padding in base64").isNotZero();

    SentMessage sent =
        gmail.send(
            OutgoingEmail.builder()
                .to("ada@example.com")
                .subject("Hello")
                .text("Hi Ada,\nbye – Grüße")
                .build());

    assertThat(sent).isEqualTo(new SentMessage("s1", "t9", List.of("SENT")));
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(path(request)).isEqualTo("/gmail/v1/users/me/messages/send");
    assertThat(query(request)).isEmpty();
    assertThat(body(request))
        .isEqualTo(
            GmailTestSupport.JSON.readTree("{\"raw\": \"" + base64Url(expectedMime) + "\"}"));
    String raw = body(request).get("raw").asText();
    assertThat(raw).doesNotContain("=");
    // The client gzips request bodies; WireMock un-gzips them, so gzip stays on as in production
    assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(ascii(decodeRaw(raw))).isEqualTo(expectedMime);
  }

  @Test
  void sendingAReplyPostsItsThreadIdAndThreadingHeaders() throws Exception {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/m1"))
                .willReturn(okJson(GmailFixtures.fullMessage())));
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .willReturn(
                    okJson("{\"id\": \"s2\", \"threadId\": \"t1\", \"labelIds\": [\"SENT\"]}")));
    EmailMessage original = gmail.readMessage("m1");

    gmail.send(OutgoingEmail.reply(original).text("Thanks!").build());

    LoggedRequest send = requests().get(1);
    assertThat(body(send).get("threadId").asText()).isEqualTo("t1");
    assertThat(body(send).size()).isEqualTo(2);
    var mime = GmailTestSupport.parse(decodeRaw(body(send).get("raw").asText()));
    assertThat(mime.getSubject()).isEqualTo("Re: Grüße aus Zürich");
    assertThat(mime.getHeader("To", ",")).isEqualTo("Ada Lovelace <ada@example.com>");
    assertThat(mime.getHeader("In-Reply-To", null)).isEqualTo("<CAF-m1@mail.example.com>");
    assertThat(mime.getHeader("References", null))
        .isEqualTo("<CAF-m0@mail.example.com> <CAF-m1@mail.example.com>");
  }

  @Test
  void watchPostsTheTopicAndLabelsAndMapsHistoryIdAndExpiration() throws Exception {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/watch"))
                .willReturn(
                    okJson(
                        "{\"historyId\": \"18446744073709551615\", \"expiration\": \"1767225600000\"}")));

    MailboxWatch watch = gmail.watch("projects/acme/topics/gmail", List.of("INBOX", "Label_7"));

    assertThat(watch)
        .isEqualTo(
            new MailboxWatch(
                new BigInteger("18446744073709551615"), Instant.ofEpochMilli(1767225600000L)));
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(path(request)).isEqualTo("/gmail/v1/users/me/watch");
    assertThat(body(request))
        .isEqualTo(
            GmailTestSupport.JSON.readTree(
                """
                {"topicName": "projects/acme/topics/gmail", "labelIds": ["INBOX", "Label_7"],
                 "labelFilterBehavior": "include"}"""));
  }

  @Test
  void watchWithoutLabelsSendsOnlyTheTopic() throws Exception {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/watch"))
                .willReturn(okJson("{\"historyId\": \"5\", \"expiration\": \"1767225600000\"}")));

    gmail.watch("projects/acme/topics/gmail", List.of());

    assertThat(body(onlyRequest()))
        .isEqualTo(
            GmailTestSupport.JSON.readTree("{\"topicName\": \"projects/acme/topics/gmail\"}"));
  }

  @Test
  void watchRefusesATopicThatIsNotAFullPubSubName() {
    assertThatThrownBy(() -> gmail.watch("gmail", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("projects/my-project/topics/gmail");
    assertThat(requests()).isEmpty();
  }

  @Test
  void stopWatchPostsToStop() {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/stop"))
                .willReturn(aResponse().withStatus(204)));

    gmail.stopWatch();

    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(path(request)).isEqualTo("/gmail/v1/users/me/stop");
    assertThat(query(request)).isEmpty();
  }
}
