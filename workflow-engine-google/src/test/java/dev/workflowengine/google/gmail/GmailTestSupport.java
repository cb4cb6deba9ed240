package dev.workflowengine.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.workflowengine.google.GoogleWorkspace;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/** What the Gmail tests share: a workspace on WireMock, and readers for what WireMock saw. */
final class GmailTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-03-05T09:07:02Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private GmailTestSupport() {}

  static GoogleWorkspace workspace(String baseUrl) {
    Date farFuture = Date.from(Instant.parse("2100-01-01T00:00:00Z"));
    return GoogleWorkspace.builder()
        .credentials(
            userId -> GoogleCredentials.create(new AccessToken("token-" + userId, farFuture)))
        .rootUrl(baseUrl + "/")
        .build();
  }

  /** A mailbox whose messages have a fixed Date and boundaries from a seeded random. */
  static GoogleGmail gmail(String baseUrl, String userId) {
    return new GoogleGmail(workspace(baseUrl), userId, new MimeWriter(CLOCK, new Random(7)));
  }

  /** The requests WireMock received, oldest first (WireMock lists the newest first). */
  static List<LoggedRequest> requests(WireMockRuntimeInfo wireMock) {
    List<LoggedRequest> requests =
        new ArrayList<>(
            wireMock.getWireMock().getServeEvents().stream().map(ServeEvent::getRequest).toList());
    Collections.reverse(requests);
    return requests;
  }

  /** Every query parameter of a request, decoded, with repeated ones in order. */
  static Map<String, List<String>> query(LoggedRequest request) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String query = URI.create(request.getUrl()).getRawQuery();
    if (query == null) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  static String path(LoggedRequest request) {
    return URI.create(request.getUrl()).getRawPath();
  }

  static JsonNode body(LoggedRequest request) throws Exception {
    return JSON.readTree(request.getBodyAsString());
  }

  /** Decodes a raw as Gmail would: base64url, which must come without padding. */
  static byte[] decodeRaw(String raw) {
    assertThat(raw).matches("[A-Za-z0-9_-]+");
    return Base64.getUrlDecoder().decode(raw);
  }

  static MimeMessage parse(byte[] mime) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
  }

  static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
