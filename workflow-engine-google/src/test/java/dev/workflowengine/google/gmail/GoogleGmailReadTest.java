package dev.workflowengine.google.gmail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.gmail.GmailTestSupport.gmail;
import static dev.workflowengine.google.gmail.GmailTestSupport.path;
import static dev.workflowengine.google.gmail.GmailTestSupport.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workflowengine.google.GoogleApiException;
import dev.workflowengine.google.GoogleService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listing and reading: the exact request WireMock sees, and the exact record the answer becomes.
 */
@WireMockTest
class GoogleGmailReadTest {

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
