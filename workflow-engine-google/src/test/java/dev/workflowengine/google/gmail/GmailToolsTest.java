package dev.workflowengine.google.gmail;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.gmail.GmailTestSupport.base64Url;
import static dev.workflowengine.google.gmail.GmailTestSupport.body;
import static dev.workflowengine.google.gmail.GmailTestSupport.decodeRaw;
import static dev.workflowengine.google.gmail.GmailTestSupport.parse;
import static dev.workflowengine.google.gmail.GmailTestSupport.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.agent.MethodTools;
import dev.workflowengine.core.patterns.EmailTriage;
import dev.workflowengine.testing.ScriptedChatModel;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tools as a model sees them, and what each call asks of Gmail. */
@WireMockTest
class GmailToolsTest {

  private WireMockRuntimeInfo wireMock;
  private GmailTools tools;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wireMock) {
    this.wireMock = wireMock;
    this.tools = new GmailTools(GmailTestSupport.gmail(wireMock.getHttpBaseUrl(), "u1"));
  }

  private List<LoggedRequest> requests() {
    return GmailTestSupport.requests(wireMock);
  }

  @Test
  void theToolsAreNamedForTheCatalogAndDeclareWhichArgumentsAreRequired() {
    Map<String, ToolSpecification> specifications =
        MethodTools.of(tools).stream()
            .map(AgentTool::specification)
            .collect(Collectors.toMap(ToolSpecification::name, s -> s));

    assertThat(specifications)
        .containsOnlyKeys(
            "google.gmail.list_messages", "google.gmail.read_message", "google.gmail.send_email");
    assertThat(specifications.values()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
    ToolSpecification send = specifications.get(GmailTools.SEND_EMAIL);
    assertThat(send.parameters().properties()).containsOnlyKeys("to", "subject", "body", "cc");
    assertThat(send.parameters().required()).containsExactlyInAnyOrder("to", "subject", "body");
    ToolSpecification list = specifications.get(GmailTools.LIST_MESSAGES);
    assertThat(list.parameters().properties()).containsOnlyKeys("query", "max");
    assertThat(list.parameters().required()).isNullOrEmpty();
  }

  @Test
  void listMessagesDefaultsToTenCapsAtFiftyAndLeavesABlankQueryOut() {
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages"))
                .willReturn(okJson("{\"resultSizeEstimate\": 0}")));

    assertThat(tools.listMessages(null, null)).isEmpty();
    tools.listMessages("  ", 500);
    tools.listMessages(" is:starred ", 0);

    assertThat(requests())
        .extracting(GmailTestSupport::query)
        .containsExactly(
            Map.of("maxResults", List.of("10")),
            Map.of("maxResults", List.of("50")),
            Map.of("q", List.of("is:starred"), "maxResults", List.of("1")));
  }

  @Test
  void readMessageNeverCutsACharacterInHalf() {
    // An emoji (two UTF-16 chars) straddling the cut is left out whole.
    String text = "a".repeat(GmailTools.MAX_BODY - 1) + "\uD83D\uDE00" + "tail";
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/m2"))
                .willReturn(
                    okJson(
                        "{\"id\": \"m2\", \"threadId\": \"t2\", \"payload\": {\"mimeType\":"
                            + " \"text/plain\", \"headers\": [], \"body\": {\"data\": \""
                            + base64Url(text)
                            + "\"}}}")));

    Object body = tools.readMessage("m2").get("body");

    assertThat(body).isEqualTo("a".repeat(GmailTools.MAX_BODY - 1) + "\n[truncated]");
  }

  @Test
  void readMessageCutsALongBody() {
    String text = "a".repeat(GmailTools.MAX_BODY + 5);
    wireMock
        .getWireMock()
        .register(
            get(urlPathEqualTo("/gmail/v1/users/me/messages/m1"))
                .willReturn(
                    okJson(
                        "{\"id\": \"m1\", \"threadId\": \"t1\", \"labelIds\": [\"INBOX\"],"
                            + " \"payload\": {\"mimeType\": \"text/plain\", \"headers\": [],"
                            + " \"body\": {\"data\": \""
                            + base64Url(text)
                            + "\"}}}")));

    Map<String, Object> read = tools.readMessage("m1");

    assertThat(read)
        .containsEntry("id", "m1")
        .containsEntry("thread_id", "t1")
        .containsEntry("labels", List.of("INBOX"))
        .containsEntry("date", "")
        .containsEntry("body", "a".repeat(GmailTools.MAX_BODY) + "\n[truncated]");
    assertThat(query(requests().get(0))).isEqualTo(Map.of("format", List.of("full")));
  }

  @Test
  void sendEmailSplitsCommaSeparatedRecipientsAndOutsideANodeSendsEveryCall() throws Exception {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .willReturn(okJson("{\"id\": \"s1\", \"threadId\": \"t1\"}")));

    String first =
        tools.sendEmail(
            "ada@example.com, \"Babbage, Charles\" <cb@example.com>",
            "Hi",
            "Text",
            "carol@example.com");
    tools.sendEmail("ada@example.com", "Hi", "Text", null);

    assertThat(first).isEqualTo("Sent as message s1 in thread t1");
    assertThat(requests()).hasSize(2);
    MimeMessage sent = parse(decodeRaw(body(requests().get(0)).get("raw").asText()));
    assertThat(Arrays.stream(sent.getRecipients(RecipientType.TO)).map(Object::toString))
        .containsExactly("ada@example.com", "\"Babbage, Charles\" <cb@example.com>");
    assertThat(Arrays.stream(sent.getRecipients(RecipientType.CC)).map(Object::toString))
        .containsExactly("carol@example.com");
  }

  @Test
  void theSendToolAloneIsWhatEmailTriageTakesAndSendsThroughGmail() throws Exception {
    wireMock
        .getWireMock()
        .register(
            post(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .willReturn(okJson("{\"id\": \"s2\", \"threadId\": \"t2\"}")));
    AgentTool send = tools.sendEmailTool();

    EmailTriage.builder().model(ScriptedChatModel.of("unused")).sendTool(send).build();
    Object result =
        send.execute(Map.of("to", "ada@example.com", "subject", "Re: refund", "body", "Done."));

    assertThat(send.name()).isEqualTo(GmailTools.SEND_EMAIL);
    assertThat(result).isEqualTo("Sent as message s2 in thread t2");
    assertThat(parse(decodeRaw(body(requests().get(0)).get("raw").asText())).getSubject())
        .isEqualTo("Re: refund");
  }

  @Test
  void sendEmailRefusesAMalformedAddressWithoutCallingGmail() {
    assertThatThrownBy(() -> tools.sendEmail("ada at example", "Hi", "Text", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("to must be one e-mail address");
    assertThat(requests()).isEmpty();
  }
}
