package dev.workflowengine.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workflowengine.samples.CalendarAssistantSample.Outcome;
import dev.workflowengine.samples.CalendarAssistantSettings.GoogleEndpoints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calendar assistant explains itself without credentials, and with them signs in and reads the
 * week against WireMock standing in for Google: the test plays the browser coming back.
 */
class CalendarAssistantSampleTest {

  static final String CLIENT_ID = "client-7.apps.googleusercontent.com";
  static final String CLIENT_SECRET = "GOCSPX-sample-secret";
  static final String CODE = "4/0AX4XfW-code-from-google";
  static final String ACCESS_TOKEN = "ya29.access-token-for-the-sample";
  static final String READONLY = "https://www.googleapis.com/auth/calendar.readonly";
  static final String EVENTS_PATH = "/calendar/v3/calendars/primary/events";

  /** Monday 2 March 2026, 09:00 in Berlin: the coming week is Tuesday 3 to Monday 9 March. */
  static final Clock MONDAY =
      Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneId.of("Europe/Berlin"));

  /**
   * Tuesday is an all-day offsite; on Wednesday a night train arrives at 09:30, then meetings run
   * to 11:10, so the first free half hour on the hour or half hour is Wednesday 11:30.
   */
  static final String WEEK =
      """
      {"kind": "calendar#events", "timeZone": "Europe/Berlin", "items": [
        {"id": "offsite", "summary": "Team offsite",
         "start": {"date": "2026-03-03"}, "end": {"date": "2026-03-04"}},
        {"id": "train", "summary": "Night train home",
         "start": {"dateTime": "2026-03-03T22:00:00+01:00"},
         "end": {"dateTime": "2026-03-04T09:30:00+01:00"}},
        {"id": "review", "summary": "Design review", "location": "Room 4",
         "start": {"dateTime": "2026-03-04T09:30:00+01:00"},
         "end": {"dateTime": "2026-03-04T11:00:00+01:00"},
         "attendees": [{"email": "ada@example.com", "responseStatus": "accepted"}]},
        {"id": "one-on-one", "summary": "1:1 with Alan",
         "start": {"dateTime": "2026-03-04T11:00:00+01:00"},
         "end": {"dateTime": "2026-03-04T11:10:00+01:00"}}]}
      """;

  private final WireMockServer google = new WireMockServer(wireMockConfig().dynamicPort());
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, UTF_8);
  private final SampleModels scripted = SampleModels.scripted("Models: scripted (this test)");
  private final ExecutorService sample = Executors.newSingleThreadExecutor();
  private final HttpClient browser = HttpClient.newHttpClient();
  private String redirectUri;

  @BeforeEach
  void start() throws IOException {
    google.start();
    try (ServerSocket socket = new ServerSocket(0)) {
      redirectUri = "http://localhost:" + socket.getLocalPort() + "/oauth2/callback";
    }
  }

  @AfterEach
  void stop() {
    sample.shutdownNow();
    google.stop();
  }

  @Test
  void withoutCredentialsItSaysWhichVariablesToSetAndHowToRunIt() throws Exception {
    Outcome outcome =
        CalendarAssistantSample.run(
            out, scripted, CalendarAssistantSettings.fromEnvironment(Map.of()), List.of());

    assertThat(outcome).isEqualTo(Outcome.EXPLAINED);
    assertThat(text())
        .contains("Not run: GOOGLE_CLIENT_ID is not set; GOOGLE_CLIENT_SECRET is not set.\n")
        .contains("https://console.cloud.google.com/apis/credentials")
        .contains("   export GOOGLE_CLIENT_ID=<the client's ID")
        .contains("   export GOOGLE_CLIENT_SECRET=<the client's secret>")
        .contains("   export GOOGLE_REDIRECT_URI=http://localhost:8765/oauth2/callback\n")
        .contains(
            "   mvn -q -pl samples -am compile exec:java"
                + " -Dsample.main=dev.workflowengine.samples.CalendarAssistantSample"
                + " -Dexec.args=\"ada@example.com\"\n");
  }

  @Test
  void aRedirectUriItCannotListenOnIsExplainedBeforeAnyoneSignsIn() throws Exception {
    Map<String, String> environment =
        Map.of(
            "GOOGLE_CLIENT_ID", CLIENT_ID,
            "GOOGLE_CLIENT_SECRET", CLIENT_SECRET,
            "GOOGLE_REDIRECT_URI", "https://app.example.com/oauth2/callback");

    Outcome outcome =
        CalendarAssistantSample.run(
            out, scripted, CalendarAssistantSettings.fromEnvironment(environment), List.of());

    assertThat(outcome).isEqualTo(Outcome.EXPLAINED);
    assertThat(text())
        .contains(
            "Not run: GOOGLE_REDIRECT_URI is 'https://app.example.com/oauth2/callback', but must"
                + " be http://localhost (or 127.0.0.1) with a port and a path")
        .doesNotContain("GOOGLE_CLIENT_ID is not set");
  }

  @Test
  void signedInItReadsTheComingWeekAndProposesAFreeSlot() throws Exception {
    google.stubFor(
        post(urlEqualTo("/token"))
            .withFormParam("grant_type", equalTo("authorization_code"))
            .withFormParam("code", equalTo(CODE))
            .withFormParam("redirect_uri", equalTo(redirectUri))
            .willReturn(okJson(tokens())));
    google.stubFor(get(urlPathEqualTo(EVENTS_PATH)).willReturn(okJson(WEEK)));
    Future<Outcome> outcome = startSample(Duration.ofSeconds(30));

    Map<String, String> consent = query(awaitConsentUrl());
    assertThat(consent)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", redirectUri)
        .containsEntry("scope", READONLY);
    HttpResponse<String> page = comeBack("code=" + CODE + "&state=" + encoded(consent));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).startsWith("Connected.");
    assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.PROPOSED);
    List<LoggedRequest> reads = google.findAll(getRequestedFor(urlPathEqualTo(EVENTS_PATH)));
    assertThat(reads).hasSize(1);
    assertThat(reads.get(0).getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(query(URI.create(reads.get(0).getUrl())))
        .isEqualTo(
            Map.of(
                "timeMin", "2026-03-02T23:00:00.000Z",
                "timeMax", "2026-03-09T23:00:00.000Z",
                "singleEvents", "true",
                "orderBy", "startTime",
                "maxResults", "100"));
    assertThat(text())
        .contains("   > - 2026-03-03 (all day) Team offsite | id: offsite\n")
        .contains("   > - 2026-03-03 22:00 to 2026-03-04 09:30 Night train home | id: train\n")
        .contains(
            "   | Proposal: \"Project sync\" on Wednesday 2026-03-04 11:30-12:00 (Europe/Berlin)"
                + " with ada@example.com.\n")
        .contains(
            "{\"summary\": \"Project sync\", \"start\": \"2026-03-04T11:30\", \"end\":"
                + " \"2026-03-04T12:00\", \"timeZone\": \"Europe/Berlin\", \"attendees\":"
                + " [\"ada@example.com\"]}")
        .contains("Nothing was created");
  }

  @Test
  void aDeclinedConsentEndsTheSampleSayingWhyAndReadsNothing() throws Exception {
    Future<Outcome> outcome = startSample(Duration.ofSeconds(30));

    Map<String, String> consent = query(awaitConsentUrl());
    HttpResponse<String> page = comeBack("error=access_denied&state=" + encoded(consent));

    assertThat(page.body()).startsWith("Google did not grant access.");
    assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.FAILED);
    assertThat(text())
        .contains(
            "   Not connected: Google sent the browser back with error=access_denied: access was"
                + " not granted, so nothing was read. Run the sample again and choose Allow");
    assertThat(google.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aBrowserThatNeverComesBackEndsTheWaitSayingSo() throws Exception {
    Future<Outcome> outcome = startSample(Duration.ofSeconds(1));

    assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.FAILED);
    assertThat(text())
        .contains("   Not connected: Google did not send the browser back within 1 second;");
    assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).isEmpty();
  }

  private Future<Outcome> startSample(Duration callbackTimeout) {
    String base = google.baseUrl();
    CalendarAssistantSettings settings =
        new CalendarAssistantSettings(
            Optional.of(CLIENT_ID),
            Optional.of(CLIENT_SECRET),
            redirectUri,
            new GoogleEndpoints(
                URI.create(base + "/o/oauth2/v2/auth"),
                URI.create(base + "/token"),
                Optional.of(base + "/")),
            MONDAY,
            callbackTimeout);
    return sample.submit(
        () -> CalendarAssistantSample.run(out, scripted, settings, List.of("ada@example.com")));
  }

  /** The consent page's address, as the sample prints it for the user to open. */
  private URI awaitConsentUrl() {
    String prefix = "   " + google.baseUrl() + "/o/oauth2/v2/auth?";
    await().atMost(Duration.ofSeconds(30)).until(() -> text().contains(prefix));
    return text()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> URI.create(line.strip()))
        .findFirst()
        .orElseThrow();
  }

  /** What the browser does after the consent page: a GET of the redirect URI. */
  private HttpResponse<String> comeBack(String query) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(redirectUri + "?" + query)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String tokens() {
    return "{\"access_token\": \""
        + ACCESS_TOKEN
        + "\", \"expires_in\": 3599, \"refresh_token\": \"1//refresh-token\", \"scope\": \""
        + READONLY
        + "\", \"token_type\": \"Bearer\"}";
  }

  private static String encoded(Map<String, String> consent) {
    return URLEncoder.encode(consent.get("state"), UTF_8);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new TreeMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, eq), UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return parameters;
  }

  private String text() {
    return printed.toString(UTF_8);
  }
}
