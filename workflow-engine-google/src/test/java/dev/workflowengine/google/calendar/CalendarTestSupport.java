package dev.workflowengine.google.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.workflowengine.google.GoogleWorkspace;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A workspace pointed at WireMock, a fixed clock, and exact views of the requests WireMock saw. */
final class CalendarTestSupport {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Monday 2 March 2026, 09:00 in Berlin. */
  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  static final Clock CLOCK = Clock.fixed(NOW, BERLIN);

  private static final Date FAR_FUTURE = Date.from(Instant.parse("2100-01-01T00:00:00Z"));

  private CalendarTestSupport() {}

  static GoogleWorkspace workspace(WireMockRuntimeInfo wireMock) {
    return GoogleWorkspace.builder()
        .credentials(
            userId -> GoogleCredentials.create(new AccessToken("token-" + userId, FAR_FUTURE)))
        .rootUrl(wireMock.getHttpBaseUrl() + "/")
        .build();
  }

  static GoogleCalendar calendar(WireMockRuntimeInfo wireMock) {
    return GoogleCalendar.of(workspace(wireMock), "u1", CLOCK);
  }

  /** Every request WireMock received, in order. */
  static List<LoggedRequest> requests() {
    return findAll(anyRequestedFor(anyUrl()));
  }

  /** The request's path exactly as sent, still percent-encoded. */
  static String rawPath(LoggedRequest request) {
    return URI.create(request.getUrl()).getRawPath();
  }

  /** Every query parameter of the request, decoded; a repeated one fails the test. */
  static Map<String, String> query(LoggedRequest request) {
    Map<String, String> params = new TreeMap<>();
    String raw = URI.create(request.getUrl()).getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (params.put(name, value) != null) {
        throw new AssertionError("query parameter " + name + " sent twice: " + request.getUrl());
      }
    }
    return params;
  }

  /** Fails unless the request's body is exactly this JSON (any order of fields, no extra ones). */
  static void assertBody(LoggedRequest request, String json) {
    if (!equalToJson(json).match(request.getBodyAsString()).isExactMatch()) {
      throw new AssertionError("expected body " + json + " but was " + request.getBodyAsString());
    }
  }
}
