package dev.workflowengine.google.gmail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workflowengine.google.GoogleApiException;
import dev.workflowengine.google.GoogleService;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Gmail call: the exact request WireMock sees, and the exact record the answer becomes. */
@WireMockTest
class GoogleGmailTest {

  private WireMockRuntimeInfo wireMock;
  private GoogleGmail gmail;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wireMock) {
    this.wireMock = wireMock;
    this.gmail = gmail(wireMock.getHttpBaseUrl(), "u1");
  }

  /** The requests WireMock received, oldest first. */
  private List<LoggedRequest> requests() {
    // WireMock lists the newest first
    List<LoggedRequest> requests =
        new ArrayList<>(
            wireMock.getWireMock().getServeEvents().stream().map(ServeEvent::getRequest).toList());
    Collections.reverse(requests);
    return requests;
  }

  private LoggedRequest onlyRequest() {
    assertThat(requests()).hasSize(1);
    return requests().get(0);
  }

  @Test
  void listMessagesSendsEveryQueryParameterAndMapsThePage() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages"))
                .willReturn(
                    okJson(
                        """
                        {"messages": [{"id": "m1", "threadId": "t1"}, {"id": "m2", "threadId": "t2"}],
                         "nextPageToken": "page-2", "resultSizeEstimate": 42}""")));

    MessagePage page =
        gmail.listMessages(
            MessageQuery.builder()
                .query("is:unread newer_than:2d")
                .labelIds("INBOX", "IMPORTANT")
                .maxResults(2)
                .includeSpamTrash(true)
                .build());

    assertThat(page)
        .isEqualTo(
            new MessagePage(
                List.of(new MessageSummary("m1", "t1"), new MessageSummary("m2", "t2")),
                Optional.of("page-2"),
                42));
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    assertThat(path(request)).isEqualTo("/gmail/v1/users/me/messages");
    assertThat(query(request))
        .isEqualTo(
            Map.of(
                "q", List.of("is:unread newer_than:2d"),
                "labelIds", List.of("INBOX", "IMPORTANT"),
                "maxResults", List.of("2"),
                "includeSpamTrash", List.of("true")));
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-u1");
  }

  @Test
  void listMessagesPagesWithTheTokenOfThePreviousPage() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages"))
                .withQueryParam("pageToken", absent())
                .willReturn(
                    okJson(
                        """
                        {"messages": [{"id": "m1", "threadId": "t1"}], "nextPageToken": "page-2",
                         "resultSizeEstimate": 2}""")));
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages"))
                .withQueryParam("pageToken", equalTo("page-2"))
                .willReturn(
                    okJson(
                        """
                        {"messages": [{"id": "m2", "threadId": "t1"}], "resultSizeEstimate": 2}""")));
    MessageQuery query = MessageQuery.builder().query("from:ada").maxResults(1).build();

    MessagePage first = gmail.listMessages(query);
    MessagePage second =
        gmail.listMessages(query.withPageToken(first.nextPageToken().orElseThrow()));

    assertThat(first.messages()).containsExactly(new MessageSummary("m1", "t1"));
    assertThat(second)
        .isEqualTo(new MessagePage(List.of(new MessageSummary("m2", "t1")), Optional.empty(), 2));
    assertThat(requests())
        .extracting(GmailTestSupport::query)
        .containsExactly(
            Map.of("q", List.of("from:ada"), "maxResults", List.of("1")),
            Map.of(
                "q",
                List.of("from:ada"),
                "maxResults",
                List.of("1"),
                "pageToken",
                List.of("page-2")));
  }

  @Test
  void listingEverythingSendsNoParametersAndAnEmptyMailboxIsAnEmptyPage() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages"))
                .willReturn(okJson("{\"resultSizeEstimate\": 0}")));

    MessagePage page = gmail.listMessages(MessageQuery.all());

    assertThat(page).isEqualTo(new MessagePage(List.of(), Optional.empty(), 0));
    assertThat(query(onlyRequest())).isEmpty();
  }

  @Test
  void readMessageAsksForTheFullFormatAndMapsHeadersLabelsAndThePlainTextBody() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/m1"))
                .willReturn(okJson(GmailFixtures.fullMessage())));

    EmailMessage message = gmail.readMessage("m1");

    assertThat(message)
        .isEqualTo(
            new EmailMessage(
                "m1",
                "t1",
                List.of("INBOX", "UNREAD"),
                "Ada Lovelace <ada@example.com>",
                List.of("\"Babbage, Charles\" <charles@example.com>", "bob@example.com"),
                List.of("carol@example.com"),
                "Grüße aus Zürich",
                Optional.of(Instant.ofEpochMilli(1767225600000L)),
                "Hello Charles, the engine",
                "Hello Charles,\r\nthe engine runs. Café €5.",
                GmailFixtures.fullMessageHeaders()));
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    assertThat(path(request)).isEqualTo("/gmail/v1/users/me/messages/m1");
    assertThat(query(request)).isEqualTo(Map.of("format", List.of("full")));
  }

  @Test
  void readMessageFallsBackToTheHtmlPartWithItsTagsStripped() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/m2"))
                .willReturn(okJson(GmailFixtures.htmlOnlyMessage())));

    EmailMessage message = gmail.readMessage("m2");

    assertThat(message.bodyText()).isEqualTo("Invoice\nTotal: 5 € & no more\nThanks");
    assertThat(message.date()).isEqualTo(Optional.of(Instant.parse("2026-01-02T10:00:00Z")));
    assertThat(message.subject()).isEqualTo("Rechnung für März");
  }

  @Test
  void readHeadersAsksForMetadataWithTheHeadersTheRecordNeeds() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/m1"))
                .willReturn(okJson(GmailFixtures.metadataMessage())));

    EmailMessage message = gmail.readHeaders("m1");

    assertThat(query(onlyRequest()))
        .isEqualTo(
            Map.of(
                "format", List.of("metadata"),
                "metadataHeaders", List.of("From", "To", "Cc", "Subject", "Date", "Message-ID")));
    assertThat(message.from()).isEqualTo("Ada <ada@example.com>");
    assertThat(message.subject()).isEqualTo("Status");
    assertThat(message.snippet()).isEqualTo("All good");
    assertThat(message.bodyText()).isEmpty();
  }

  @Test
  void readMessagesListsOnePageAndReadsEachMessage() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages"))
                .willReturn(okJson("{\"messages\": [{\"id\": \"m2\", \"threadId\": \"t2\"}]}")));
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/m2"))
                .willReturn(okJson(GmailFixtures.htmlOnlyMessage())));

    List<EmailMessage> messages = gmail.readMessages(MessageQuery.builder().maxResults(5).build());

    assertThat(messages).extracting(EmailMessage::id).containsExactly("m2");
    assertThat(requests())
        .extracting(GmailTestSupport::path)
        .containsExactly("/gmail/v1/users/me/messages", "/gmail/v1/users/me/messages/m2");
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

  @Test
  void anUnknownMessageIsAGoogleApiExceptionOfGmail() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/nope"))
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
                            {"error": {"code": 404, "message": "Requested entity was not found.",
                             "errors": [{"reason": "notFound"}]}}""")));

    assertThatThrownBy(() -> gmail.readMessage("nope"))
        .isInstanceOfSatisfying(
            GoogleApiException.class, e -> assertThat(e.service()).isEqualTo(GoogleService.GMAIL));
  }
}
