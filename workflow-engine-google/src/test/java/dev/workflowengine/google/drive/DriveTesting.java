package dev.workflowengine.google.drive;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.workflowengine.google.GoogleWorkspace;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A workspace whose Google is WireMock, and the answers Drive gives. */
final class DriveTesting {

  static final String USER = "u1";

  /** The fields every file request of GoogleDrive asks for. */
  static final String FILE_FIELDS = "id,name,mimeType,size,modifiedTime,parents,webViewLink";

  private DriveTesting() {}

  static GoogleWorkspace workspace(WireMockRuntimeInfo wireMock) {
    Date farFuture = Date.from(Instant.parse("2100-01-01T00:00:00Z"));
    return GoogleWorkspace.builder()
        .credentials(
            userId -> GoogleCredentials.create(new AccessToken("token-" + userId, farFuture)))
        .rootUrl(wireMock.getHttpBaseUrl() + "/")
        .build();
  }

  /** A file as Drive's JSON has it: {@code size} is a string (int64). */
  static String fileJson(String id, String name, String mimeType, long size) {
    return """
        {"id": "%s", "name": "%s", "mimeType": "%s", "size": "%d",
         "modifiedTime": "2026-03-04T05:06:07.089Z", "parents": ["folder-1"],
         "webViewLink": "https://drive.google.com/file/d/%s/view"}"""
        .formatted(id, name, mimeType, size, id);
  }

  /** A Google Workspace file: no size. */
  static String workspaceFileJson(String id, String name, String mimeType) {
    return """
        {"id": "%s", "name": "%s", "mimeType": "%s",
         "modifiedTime": "2026-03-04T05:06:07.089Z", "parents": ["folder-1"],
         "webViewLink": "https://docs.google.com/document/d/%s/edit"}"""
        .formatted(id, name, mimeType, id);
  }

  /** Stubs the metadata request every download and export starts with. */
  static void stubMetadata(String fileId, String json) {
    WireMock.stubFor(
        WireMock.get(WireMock.urlPathEqualTo("/drive/v3/files/" + fileId))
            .withQueryParam("fields", WireMock.equalTo(FILE_FIELDS))
            .withQueryParam("alt", WireMock.absent())
            .willReturn(WireMock.okJson(json)));
  }

  /** The requests WireMock received, in the order they were sent. */
  static List<LoggedRequest> requests() {
    List<LoggedRequest> requests =
        new ArrayList<>(WireMock.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
    requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    return requests;
  }

  /** Every query parameter of a request, decoded; a repeated one would fail the test. */
  static Map<String, String> query(LoggedRequest request) {
    String raw = URI.create(request.getUrl()).getRawQuery();
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      String[] keyValue = pair.split("=", 2);
      String previous =
          query.put(
              URLDecoder.decode(keyValue[0], StandardCharsets.UTF_8),
              keyValue.length > 1 ? URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8) : "");
      if (previous != null) {
        throw new AssertionError("query parameter sent twice: " + request.getUrl());
      }
    }
    return query;
  }

  static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }
}
