package dev.workflowengine.google.drive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.drive.DriveTesting.FILE_FIELDS;
import static dev.workflowengine.google.drive.DriveTesting.fileJson;
import static dev.workflowengine.google.drive.DriveTesting.query;
import static dev.workflowengine.google.drive.DriveTesting.randomBytes;
import static dev.workflowengine.google.drive.DriveTesting.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workflowengine.google.GoogleCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simple and resumable uploads: every request Drive sees, and the created file. */
@WireMockTest
class GoogleDriveUploadTest {

  private static final String UPLOAD = "/upload/drive/v3/files";
  private static final int CHUNK = 256 * 1024;
  private static final int LARGE = 600 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;
  private WireMockRuntimeInfo wireMock;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wireMock) {
    this.wireMock = wireMock;
  }

  @Test
  void aSmallFileGoesUpInOneMultipartRequestOfMetadataAndContent() throws IOException {
    stubFor(
        post(urlPathEqualTo(UPLOAD))
            .willReturn(okJson(fileJson("f1", "notes.txt", "text/plain", 11))));
    GoogleDrive drive = GoogleDrive.of(DriveTesting.workspace(wireMock), "u1");

    DriveFile created =
        drive.upload(
            Upload.builder()
                .name("notes.txt")
                .mimeType("text/plain")
                .parentFolderId("folder-1")
                .content("hello world".getBytes())
                .build());

    assertThat(created.id()).isEqualTo("f1");
    assertThat(created.size()).contains(11L);
    assertThat(requests()).hasSize(1);
    LoggedRequest request = requests().get(0);
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(request.getUrl()).startsWith(UPLOAD + "?");
    assertThat(query(request))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("uploadType", "multipart", "fields", FILE_FIELDS));
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-u1");
    // The client gzips small uploads (its default, kept: Drive accepts it); WireMock inflates the
    // body before we read it, so the parts below are what Drive gets after decoding.
    assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
    List<Part> parts = multipartParts(request);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).headers())
        .containsEntry("content-type", "application/json; charset=UTF-8");
    assertThat(JSON.readTree(parts.get(0).body()))
        .isEqualTo(
            JSON.readTree(
                "{\"name\":\"notes.txt\",\"mimeType\":\"text/plain\",\"parents\":[\"folder-1\"]}"));
    assertThat(parts.get(1).headers()).containsEntry("content-type", "text/plain");
    assertThat(parts.get(1).body()).isEqualTo("hello world".getBytes());
  }

  @Test
  void aLargeFileGoesUpResumablyInChunksOfTheConfiguredSize() throws IOException {
    byte[] content = randomBytes(LARGE);
    Path file = Files.write(directory.resolve("big.bin"), content);
    stubResumableSession("session-1");
    GoogleDrive drive =
        GoogleDrive.builder(DriveTesting.workspace(wireMock), "u1")
            .simpleUploadLimit(CHUNK)
            .uploadChunkSize(CHUNK)
            .build();

    DriveFile created =
        drive.upload(
            Upload.builder()
                .name("big.bin")
                .mimeType("application/octet-stream")
                .parentFolderId("folder-1")
                .content(file)
                .build());

    assertThat(created.id()).isEqualTo("big-1");
    assertThat(created.size()).contains((long) LARGE);
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(4);
    assertInitiation(requests.get(0));
    assertChunk(requests.get(1), "session-1", content, 0, CHUNK);
    assertChunk(requests.get(2), "session-1", content, CHUNK, 2 * CHUNK);
    assertChunk(requests.get(3), "session-1", content, 2 * CHUNK, LARGE);
  }

  @Test
  void theSimpleUploadLimitIsTheLargestSizeSentInOneRequest() {
    stubFor(
        post(urlPathEqualTo(UPLOAD))
            .withQueryParam("uploadType", equalTo("multipart"))
            .willReturn(okJson(fileJson("f1", "a", "text/plain", 1))));
    stubFor(
        post(urlPathEqualTo(UPLOAD))
            .withQueryParam("uploadType", equalTo("resumable"))
            .willReturn(aResponse().withStatus(200).withHeader("Location", sessionUrl("s"))));
    stubFor(put(urlPathEqualTo(UPLOAD)).willReturn(okJson(fileJson("f2", "a", "text/plain", 1))));
    GoogleDrive drive =
        GoogleDrive.builder(DriveTesting.workspace(wireMock), "u1").simpleUploadLimit(1000).build();

    drive.upload(upload(randomBytes(1000)));
    drive.upload(upload(randomBytes(1001)));

    assertThat(requests())
        .extracting(
            request -> request.getMethod().getName() + " " + query(request).get("uploadType"))
        .containsExactly("POST multipart", "POST resumable", "PUT resumable");
    assertThat(requests().get(2).getHeader("Content-Range")).isEqualTo("bytes 0-1000/1001");
  }

  @Test
  void aRetriedUploadReadsTheFileAgainAndStartsANewSession() throws IOException {
    byte[] content = randomBytes(LARGE);
    Path file = Files.write(directory.resolve("big.bin"), content);
    stubFor(
        post(urlPathEqualTo(UPLOAD))
            .inScenario("sessions")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(200).withHeader("Location", sessionUrl("broken")))
            .willSetStateTo("second"));
    stubFor(
        put(urlPathEqualTo(UPLOAD))
            .withQueryParam("upload_id", equalTo("broken"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": {\"code\": 503, \"message\": \"Backend Error\"}}")));
    stubResumableSession("session-2");
    GoogleDrive drive =
        GoogleDrive.builder(DriveTesting.workspace(wireMock), "u1")
            .simpleUploadLimit(0)
            .uploadChunkSize(CHUNK)
            .build();
    GoogleCall<com.google.api.services.drive.model.File> attempt =
        drive
            .transfers()
            .uploadCall(
                Upload.builder()
                    .name("big.bin")
                    .mimeType("application/octet-stream")
                    .parentFolderId("folder-1")
                    .content(file)
                    .build());

    assertThatThrownBy(attempt::execute)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("503");
    assertThat(attempt.execute().getId()).isEqualTo("big-1");

    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(6);
    assertInitiation(requests.get(0));
    assertChunk(requests.get(1), "broken", content, 0, CHUNK);
    assertInitiation(requests.get(2));
    assertChunk(requests.get(3), "session-2", content, 0, CHUNK);
    assertChunk(requests.get(4), "session-2", content, CHUNK, 2 * CHUNK);
    assertChunk(requests.get(5), "session-2", content, 2 * CHUNK, LARGE);
  }

  @Test
  void checksTheUploadSettings() {
    var builder = GoogleDrive.builder(DriveTesting.workspace(wireMock), "u1");
    assertThatThrownBy(() -> builder.uploadChunkSize(CHUNK + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "uploadChunkSize must be a positive multiple of 256 KiB (262144) but was 262145");
    assertThatThrownBy(() -> builder.simpleUploadLimit(-1))
        .hasMessage("simpleUploadLimit must be 0 or more but was -1");
    assertThatThrownBy(() -> builder.downloadChunkSize(0))
        .hasMessage("downloadChunkSize must be 1 to 33554432 bytes but was 0");
    assertThatThrownBy(() -> Upload.builder().name("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "an Upload needs a name, a mimeType and content (bytes or a file); set [mimeType,"
                + " content]");
    assertThatThrownBy(() -> Upload.builder().content(directory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            directory + " is not a readable regular file; give the path of a file to upload");
  }

  private String sessionUrl(String session) {
    return wireMock.getHttpBaseUrl() + UPLOAD + "?uploadType=resumable&upload_id=" + session;
  }

  /** A session that takes the large file in three chunks, as Drive answers them. */
  private void stubResumableSession(String session) {
    String state = session.equals("session-1") ? Scenario.STARTED : "second";
    stubFor(
        post(urlPathEqualTo(UPLOAD))
            .withQueryParam("uploadType", equalTo("resumable"))
            .inScenario("sessions")
            .whenScenarioStateIs(state)
            .willReturn(aResponse().withStatus(200).withHeader("Location", sessionUrl(session))));
    stubChunk(
        session,
        "bytes 0-262143/614400",
        aResponse().withStatus(308).withHeader("Range", "bytes=0-262143"));
    stubChunk(
        session,
        "bytes 262144-524287/614400",
        aResponse().withStatus(308).withHeader("Range", "bytes=0-524287"));
    stubChunk(
        session,
        "bytes 524288-614399/614400",
        okJson(fileJson("big-1", "big.bin", "application/octet-stream", LARGE)));
  }

  private static void stubChunk(
      String session,
      String contentRange,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    stubFor(
        put(urlPathEqualTo(UPLOAD))
            .withQueryParam("upload_id", equalTo(session))
            .withHeader("Content-Range", equalTo(contentRange))
            .willReturn(response));
  }

  private static void assertInitiation(LoggedRequest request) throws IOException {
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(request.getUrl()).startsWith(UPLOAD + "?");
    assertThat(query(request))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("uploadType", "resumable", "fields", FILE_FIELDS));
    assertThat(request.getHeader("X-Upload-Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.getHeader("X-Upload-Content-Length")).isEqualTo(String.valueOf(LARGE));
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(JSON.readTree(request.getBody()))
        .isEqualTo(
            JSON.readTree(
                "{\"name\":\"big.bin\",\"mimeType\":\"application/octet-stream\","
                    + "\"parents\":[\"folder-1\"]}"));
  }

  private static void assertChunk(
      LoggedRequest request, String session, byte[] content, int from, int to) {
    assertThat(request.getMethod().getName()).isEqualTo("PUT");
    assertThat(query(request))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("uploadType", "resumable", "upload_id", session));
    assertThat(request.getHeader("Content-Range"))
        .isEqualTo("bytes " + from + "-" + (to - 1) + "/" + LARGE);
    // Chunks of known length are never gzipped by the client, so this is the bytes as sent.
    assertThat(request.containsHeader("Content-Encoding")).isFalse();
    assertThat(request.getBody()).isEqualTo(Arrays.copyOfRange(content, from, to));
  }

  private static Upload upload(byte[] content) {
    return Upload.builder().name("a").mimeType("application/octet-stream").content(content).build();
  }

  /** One part of a multipart body: its headers (names in lower case) and its bytes. */
  record Part(Map<String, String> headers, byte[] body) {}

  /** Splits a multipart body at the boundary its Content-Type names. */
  static List<Part> multipartParts(LoggedRequest request) {
    String contentType = request.getHeader("Content-Type");
    assertThat(contentType).startsWith("multipart/related; boundary=");
    String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
    // ISO-8859-1 maps every byte to one char, so the content's bytes survive the split.
    String body = new String(request.getBody(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(body).startsWith(boundary + "\r\n").endsWith("\r\n" + boundary + "--\r\n");
    String inner = body.substring(boundary.length() + 2, body.length() - boundary.length() - 6);
    List<Part> parts = new java.util.ArrayList<>();
    for (String raw : inner.split("\r\n" + java.util.regex.Pattern.quote(boundary) + "\r\n")) {
      int split = raw.indexOf("\r\n\r\n");
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (String line : raw.substring(0, split).split("\r\n")) {
        String[] nameValue = line.split(": ", 2);
        headers.put(nameValue[0].toLowerCase(java.util.Locale.ROOT), nameValue[1]);
      }
      String partBody = raw.substring(split + 4);
      parts.add(new Part(headers, partBody.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }
    return parts;
  }
}
