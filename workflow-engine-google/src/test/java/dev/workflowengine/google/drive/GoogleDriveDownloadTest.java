package dev.workflowengine.google.drive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.drive.DriveTesting.FILE_FIELDS;
import static dev.workflowengine.google.drive.DriveTesting.fileJson;
import static dev.workflowengine.google.drive.DriveTesting.query;
import static dev.workflowengine.google.drive.DriveTesting.randomBytes;
import static dev.workflowengine.google.drive.DriveTesting.requests;
import static dev.workflowengine.google.drive.DriveTesting.stubMetadata;
import static dev.workflowengine.google.drive.DriveTesting.workspaceFileJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workflowengine.google.GoogleCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloads and exports: the exact requests, streaming, resuming, and what is refused. */
@WireMockTest
class GoogleDriveDownloadTest {

  private static final String MEDIA = "/drive/v3/files/f1";
  private static final int CHUNK = 256 * 1024;
  private static final int SIZE = 600 * 1024;

  private WireMockRuntimeInfo wireMock;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wireMock) {
    this.wireMock = wireMock;
  }

  @Test
  void streamsAMultiMegabyteFileThroughSmallWritesWithItsBytesIntact() throws Exception {
    int size = 8 * 1024 * 1024;
    byte[] content = randomBytes(size);
    stubMetadata("f1", fileJson("f1", "video.mp4", "video/mp4", size));
    stubFor(
        get(urlPathEqualTo(MEDIA))
            .withQueryParam("alt", equalTo("media"))
            .willReturn(
                aResponse()
                    .withStatus(206)
                    .withHeader("Content-Range", "bytes 0-" + (size - 1) + "/" + size)
                    .withBody(content)));
    CountingStream out = new CountingStream();

    DriveFile file = GoogleDrive.of(DriveTesting.workspace(wireMock), "u1").download("f1", out);

    assertThat(file.name()).isEqualTo("video.mp4");
    assertThat(out.total).isEqualTo(size);
    assertThat(out.digest()).isEqualTo(sha256(content));
    // A copy held whole would arrive in one write; a stream arrives buffer by buffer.
    assertThat(out.largestWrite).isLessThanOrEqualTo(64 * 1024);
    assertThat(out.writes).isGreaterThan(size / (64 * 1024));
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getUrl()).startsWith("/drive/v3/files/f1?");
    assertThat(query(requests.get(0))).containsExactlyEntriesOf(Map.of("fields", FILE_FIELDS));
    assertMediaRequest(requests.get(1), "bytes=0-33554431");
  }

  @Test
  void downloadsInRangesOfTheConfiguredChunkSize() {
    byte[] content = randomBytes(SIZE);
    stubMetadata("f1", fileJson("f1", "data.bin", "application/octet-stream", SIZE));
    stubFor(range(content, 0, CHUNK));
    stubFor(range(content, CHUNK, 2 * CHUNK));
    stubFor(range(content, 2 * CHUNK, SIZE));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    drive().download("f1", out);

    assertThat(out.toByteArray()).isEqualTo(content);
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(4);
    assertMediaRequest(requests.get(1), "bytes=0-262143");
    assertMediaRequest(requests.get(2), "bytes=262144-524287");
    assertMediaRequest(requests.get(3), "bytes=524288-786431");
  }

  @Test
  void aRetriedDownloadAsksOnlyForTheBytesTheStreamHasNotReceived() throws IOException {
    byte[] content = randomBytes(SIZE);
    stubFor(range(content, 0, CHUNK));
    stubFor(
        get(urlPathEqualTo(MEDIA))
            .withHeader("Range", equalTo("bytes=262144-524287"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(serviceUnavailable())
            .willSetStateTo("recovered"));
    stubFor(range(content, CHUNK, 2 * CHUNK).inScenario("flaky").whenScenarioStateIs("recovered"));
    stubFor(range(content, 2 * CHUNK, SIZE));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DriveFile file =
        DriveMapping.toDriveFile(
            new com.google.api.services.drive.model.File()
                .setId("f1")
                .setName("data.bin")
                .setMimeType("application/octet-stream")
                .setSize((long) SIZE));
    GoogleCall<Void> attempt =
        drive().transfers().downloadCall(file, -1, new DownloadSink(out, "f1"));

    assertThatThrownBy(attempt::execute)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("503");
    assertThat(out.size()).isEqualTo(CHUNK);
    attempt.execute();

    assertThat(out.toByteArray()).isEqualTo(content);
    assertThat(requests())
        .extracting(request -> request.getHeader("Range"))
        .containsExactly(
            "bytes=0-262143", "bytes=262144-524287", "bytes=262144-524287", "bytes=524288-786431");
  }

  @Test
  void anEmptyFileNeedsNoContentRequest() {
    stubMetadata("f1", fileJson("f1", "empty.txt", "text/plain", 0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    drive().download("f1", out);

    assertThat(out.size()).isZero();
    assertThat(requests()).hasSize(1);
  }

  @Test
  void refusesAGoogleDocAndSaysHowToExportIt() {
    stubMetadata(
        "doc-1", workspaceFileJson("doc-1", "Plan", "application/vnd.google-apps.document"));

    assertThatThrownBy(() -> drive().download("doc-1", new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(
            NotDownloadableException.class,
            e -> {
              assertThat(e.fileId()).isEqualTo("doc-1");
              assertThat(e.mimeType()).isEqualTo("application/vnd.google-apps.document");
            })
        .hasMessage(
            "Drive file 'doc-1' (Plan) is application/vnd.google-apps.document, a Google"
                + " Workspace file with no bytes of its own; export it with"
                + " GoogleDrive.export(fileId, mimeType, out) to one of [text/plain,"
                + " text/markdown, application/pdf,"
                + " application/vnd.openxmlformats-officedocument.wordprocessingml.document]");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void refusesAFolderWhichHasNothingToExport() {
    stubMetadata("dir", workspaceFileJson("dir", "Team", DriveFile.FOLDER_MIME_TYPE));

    assertThatThrownBy(() -> drive().download("dir", new ByteArrayOutputStream()))
        .isInstanceOf(NotDownloadableException.class)
        .hasMessage(
            "Drive file 'dir' (Team) is application/vnd.google-apps.folder, which has no content"
                + " to download or export");
  }

  @Test
  void exportsAGoogleDocToTheChosenFormatInOneRequest() {
    byte[] pdf = randomBytes(5000);
    stubMetadata(
        "doc-1", workspaceFileJson("doc-1", "Plan", "application/vnd.google-apps.document"));
    stubFor(
        get(urlPathEqualTo("/drive/v3/files/doc-1/export"))
            .willReturn(aResponse().withStatus(200).withBody(pdf)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    DriveFile file = drive().export("doc-1", "application/pdf", out);

    assertThat(file.mimeType()).isEqualTo("application/vnd.google-apps.document");
    assertThat(out.toByteArray()).isEqualTo(pdf);
    LoggedRequest export = requests().get(1);
    assertThat(export.getMethod().getName()).isEqualTo("GET");
    assertThat(export.getUrl()).startsWith("/drive/v3/files/doc-1/export?");
    assertThat(query(export))
        .containsExactlyInAnyOrderEntriesOf(Map.of("mimeType", "application/pdf", "alt", "media"));
    assertThat(export.containsHeader("Range")).isFalse();
    assertThat(export.getHeader("Authorization")).isEqualTo("Bearer token-u1");
  }

  @Test
  void refusesToExportAFileThatIsNotAGoogleWorkspaceFile() {
    stubMetadata("f1", fileJson("f1", "data.bin", "application/octet-stream", 10));

    assertThatThrownBy(() -> drive().export("f1", "application/pdf", new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Drive file 'f1' (data.bin) is application/octet-stream, not a Google Workspace file,"
                + " so it cannot be exported; download it with GoogleDrive.download(fileId, out)");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void aFailingOutputStreamIsReportedAsItsOwnFailureNotGooglesOne() {
    stubMetadata("f1", fileJson("f1", "data.bin", "application/octet-stream", 100));
    stubFor(
        get(urlPathEqualTo(MEDIA))
            .withQueryParam("alt", equalTo("media"))
            .willReturn(aResponse().withStatus(200).withBody(new byte[100])));
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
          }
        };

    assertThatThrownBy(() -> drive().download("f1", full))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "could not write the content of Drive file 'f1' to the given output stream after 0"
                + " bytes; check where the stream leads (disk full, closed socket)")
        .hasRootCauseMessage("No space left on device");
  }

  private GoogleDrive drive() {
    return GoogleDrive.builder(DriveTesting.workspace(wireMock), "u1")
        .downloadChunkSize(CHUNK)
        .build();
  }

  /** A chunk request and Drive's 206 answer with that part of the content. */
  private static com.github.tomakehurst.wiremock.client.MappingBuilder range(
      byte[] content, int from, int to) {
    var mapping =
        get(urlPathEqualTo(MEDIA))
            .withQueryParam("alt", equalTo("media"))
            .withHeader("Range", equalTo("bytes=" + from + "-" + (from + CHUNK - 1)))
            .willReturn(
                aResponse()
                    .withStatus(206)
                    .withHeader(
                        "Content-Range", "bytes " + from + "-" + (to - 1) + "/" + content.length)
                    .withBody(Arrays.copyOfRange(content, from, to)));
    return mapping;
  }

  private static void assertMediaRequest(LoggedRequest request, String range) {
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    // files().get(id).executeMediaAndDownloadTo goes through MediaHttpDownloader, which asks the
    // API path (not /download/drive/v3/...) with alt=media and a Range per chunk.
    assertThat(request.getUrl()).startsWith(MEDIA + "?");
    assertThat(query(request)).containsExactlyEntriesOf(Map.of("alt", "media"));
    assertThat(request.getHeader("Range")).isEqualTo(range);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-u1");
  }

  private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  /** Keeps a digest and the shape of the writes, never the bytes. */
  private static final class CountingStream extends OutputStream {
    private final MessageDigest digest;
    long total;
    int writes;
    int largestWrite;

    CountingStream() throws NoSuchAlgorithmException {
      digest = MessageDigest.getInstance("SHA-256");
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      digest.update(bytes, offset, length);
      total += length;
      writes++;
      largestWrite = Math.max(largestWrite, length);
    }

    byte[] digest() {
      return digest.digest();
    }
  }
}
