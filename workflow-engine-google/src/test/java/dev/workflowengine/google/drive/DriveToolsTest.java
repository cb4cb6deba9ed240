package dev.workflowengine.google.drive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.drive.DriveTesting.fileJson;
import static dev.workflowengine.google.drive.DriveTesting.query;
import static dev.workflowengine.google.drive.DriveTesting.requests;
import static dev.workflowengine.google.drive.DriveTesting.stubMetadata;
import static dev.workflowengine.google.drive.DriveTesting.workspaceFileJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.agent.MethodTools;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Drive tools as agents see them: through MethodTools, against WireMock. */
@WireMockTest
class DriveToolsTest {

  private static final String DOC = "application/vnd.google-apps.document";

  private GoogleDrive drive;
  private Map<String, AgentTool> tools;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wireMock) {
    drive = GoogleDrive.of(DriveTesting.workspace(wireMock), "u1");
    tools = toolsOf(new DriveTools(drive));
  }

  @Test
  void offersThreeToolsUnderTheirCatalogNamesWithTheirParameters() {
    assertThat(tools)
        .containsOnlyKeys(
            "google.drive.list_files", "google.drive.upload_file", "google.drive.download_file");
    assertParameters(
        "google.drive.list_files",
        List.of(),
        Map.of(
            "folder_id", JsonStringSchema.class,
            "name_contains", JsonStringSchema.class,
            "mime_type", JsonStringSchema.class,
            "max", JsonIntegerSchema.class));
    assertParameters(
        "google.drive.upload_file",
        List.of("name", "content"),
        Map.of(
            "name", JsonStringSchema.class,
            "content", JsonStringSchema.class,
            "mime_type", JsonStringSchema.class,
            "folder_id", JsonStringSchema.class));
    assertParameters(
        "google.drive.download_file",
        List.of("file_id"),
        Map.of("file_id", JsonStringSchema.class));
    assertThat(tools.values())
        .allSatisfy(tool -> assertThat(tool.specification().description()).hasSizeGreaterThan(60));
  }

  @Test
  void listFilesSendsEachFilterNewestFirstAndReturnsWhatAModelNeeds() throws Exception {
    stubFor(
        get(urlPathEqualTo("/drive/v3/files"))
            .willReturn(
                okJson(
                    "{\"files\": [%s, {\"id\": \"d\", \"name\": \"Plan\", \"mimeType\": \"%s\"}]}"
                        .formatted(fileJson("f1", "O'Brien.pdf", "application/pdf", 2048), DOC))));

    Object result =
        tools
            .get("google.drive.list_files")
            .execute(
                Map.of(
                    "folder_id", "folder-1",
                    "name_contains", "O'Brien",
                    "mime_type", "application/pdf",
                    "max", 2));

    assertThat(result)
        .isEqualTo(
            List.of(
                Map.of(
                    "id", "f1",
                    "name", "O'Brien.pdf",
                    "mimeType", "application/pdf",
                    "size", 2048L,
                    "modifiedTime", "2026-03-04T05:06:07.089Z",
                    "webViewLink", "https://drive.google.com/file/d/f1/view"),
                Map.of("id", "d", "name", "Plan", "mimeType", DOC)));
    assertThat(query(requests().get(0)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "q",
                "'folder-1' in parents and (mimeType = 'application/pdf') and name contains"
                    + " 'O\\'Brien' and trashed = false",
                "pageSize",
                "2",
                "orderBy",
                "modifiedTime desc",
                "fields",
                "nextPageToken,files(id,name,mimeType,size,modifiedTime,parents,webViewLink)"));
  }

  @Test
  void listFilesTreatsEmptyArgumentsAsAbsentAndRefusesAnOutOfRangeMax() throws Exception {
    stubFor(get(urlPathEqualTo("/drive/v3/files")).willReturn(okJson("{}")));
    AgentTool list = tools.get("google.drive.list_files");

    assertThat(list.execute(Map.of("folder_id", "", "name_contains", " "))).isEqualTo(List.of());
    assertThat(query(requests().get(0)))
        .containsEntry("q", "trashed = false")
        .containsEntry("pageSize", "20");
    assertThatThrownBy(() -> list.execute(Map.of("max", 101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be 1 to 100 but was 101");
  }

  @Test
  void uploadFileStoresTheTextAsUtf8AndReturnsIdNameAndLink() throws Exception {
    stubFor(
        post(urlPathEqualTo("/upload/drive/v3/files"))
            .willReturn(okJson(fileJson("new-1", "Grüße.md", "text/markdown", 7))));

    Object result =
        tools
            .get("google.drive.upload_file")
            .execute(
                Map.of(
                    "name", "Grüße.md",
                    "content", "# Grüße",
                    "mime_type", "text/markdown",
                    "folder_id", "folder-1"));

    assertThat(result)
        .isEqualTo(
            Map.of(
                "id", "new-1",
                "name", "Grüße.md",
                "webViewLink", "https://drive.google.com/file/d/new-1/view"));
    LoggedRequest request = requests().get(0);
    assertThat(query(request)).containsEntry("uploadType", "multipart");
    List<GoogleDriveUploadTest.Part> parts = GoogleDriveUploadTest.multipartParts(request);
    assertThat(new ObjectMapper().readTree(parts.get(0).body()))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"name\":\"Grüße.md\",\"mimeType\":\"text/markdown\","
                        + "\"parents\":[\"folder-1\"]}"));
    assertThat(parts.get(1).headers()).containsEntry("content-type", "text/markdown");
    assertThat(parts.get(1).body()).isEqualTo("# Grüße".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void uploadFileIsPlainTextByDefaultAndRefusesBinaryTypes() throws Exception {
    stubFor(
        post(urlPathEqualTo("/upload/drive/v3/files"))
            .willReturn(okJson(fileJson("new-1", "a.txt", "text/plain", 1))));
    AgentTool upload = tools.get("google.drive.upload_file");

    upload.execute(Map.of("name", "a.txt", "content", "x"));

    List<GoogleDriveUploadTest.Part> parts =
        GoogleDriveUploadTest.multipartParts(requests().get(0));
    assertThat(new String(parts.get(0).body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"mimeType\":\"text/plain\",\"name\":\"a.txt\"}");
    assertThatThrownBy(
            () ->
                upload.execute(
                    Map.of("name", "a.pdf", "content", "x", "mime_type", "application/pdf")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "upload_file stores text, so mime_type must be a text type such as text/plain,"
                + " text/markdown, text/csv or application/json, but was application/pdf");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void downloadFileReadsATextFileInOneBoundedRange() throws Exception {
    stubMetadata("t1", fileJson("t1", "notes.txt", "text/plain", 13));
    stubFor(
        get(urlPathEqualTo("/drive/v3/files/t1"))
            .withQueryParam("alt", equalTo("media"))
            .willReturn(aResponse().withStatus(200).withBody("Grüße, Welt")));

    Object text = tools.get("google.drive.download_file").execute(Map.of("file_id", "t1"));

    assertThat(text).isEqualTo("Grüße, Welt");
    LoggedRequest media = requests().get(1);
    assertThat(query(media)).containsExactlyEntriesOf(Map.of("alt", "media"));
    // 20,000 characters take at most 80,000 bytes of UTF-8.
    assertThat(media.getHeader("Range")).isEqualTo("bytes=0-79999");
  }

  @Test
  void downloadFileCutsALongFileAtTheCharacterBoundWithANote() throws Exception {
    tools = toolsOf(new DriveTools(drive, 10));
    stubMetadata("t1", fileJson("t1", "log.txt", "text/plain", 1000));
    stubFor(
        get(urlPathEqualTo("/drive/v3/files/t1"))
            .withQueryParam("alt", equalTo("media"))
            .withHeader("Range", equalTo("bytes=0-39"))
            .willReturn(
                aResponse()
                    .withStatus(206)
                    .withHeader("Content-Range", "bytes 0-39/1000")
                    .withBody("0123456789".repeat(4))));

    Object text = tools.get("google.drive.download_file").execute(Map.of("file_id", "t1"));

    assertThat(text)
        .isEqualTo(
            "0123456789\n\n[Truncated: this is the first 10 characters of log.txt (1000 bytes).]");
  }

  @Test
  void downloadFileExportsAGoogleDocAsPlainTextWithoutItsByteOrderMark() throws Exception {
    stubMetadata("doc-1", workspaceFileJson("doc-1", "Plan", DOC));
    stubFor(
        get(urlPathEqualTo("/drive/v3/files/doc-1/export"))
            .willReturn(aResponse().withStatus(200).withBody("\uFEFFStep one\r\nStep two")));

    Object text = tools.get("google.drive.download_file").execute(Map.of("file_id", "doc-1"));

    assertThat(text).isEqualTo("Step one\r\nStep two");
    assertThat(query(requests().get(1)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("mimeType", "text/plain", "alt", "media"));
  }

  @Test
  void downloadFileExportsASheetAsCsvAndCutsAnExportPastTheBound() throws Exception {
    tools = toolsOf(new DriveTools(drive, 5));
    stubMetadata(
        "s1", workspaceFileJson("s1", "Budget", "application/vnd.google-apps.spreadsheet"));
    stubFor(
        get(urlPathEqualTo("/drive/v3/files/s1/export"))
            .willReturn(aResponse().withStatus(200).withBody("a,b\n1,2\n".repeat(10))));

    Object text = tools.get("google.drive.download_file").execute(Map.of("file_id", "s1"));

    assertThat(text).isEqualTo("a,b\n1\n\n[Truncated: this is the first 5 characters of Budget.]");
    assertThat(query(requests().get(1))).containsEntry("mimeType", "text/csv");
  }

  @Test
  void downloadFileRefusesFilesWithoutText() {
    stubMetadata("p1", fileJson("p1", "scan.pdf", "application/pdf", 5000));
    stubMetadata("dr", workspaceFileJson("dr", "Sketch", "application/vnd.google-apps.drawing"));
    AgentTool download = tools.get("google.drive.download_file");

    assertThatThrownBy(() -> download.execute(Map.of("file_id", "p1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Drive file 'p1' (scan.pdf) is application/pdf, which has no text to read;"
                + " google.drive.download_file reads text files, Google Docs, Sheets and Slides");
    assertThatThrownBy(() -> download.execute(Map.of("file_id", "dr")))
        .hasMessageStartingWith("Drive file 'dr' (Sketch) is application/vnd.google-apps.drawing");
    assertThat(requests()).hasSize(2);
  }

  @Test
  void theCharacterBoundMustBeOneToAMillion() {
    assertThatThrownBy(() -> new DriveTools(drive, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCharacters must be 1 to 1000000 but was 0");
    assertThatThrownBy(() -> new DriveTools(drive, 1_000_001))
        .hasMessage("maxCharacters must be 1 to 1000000 but was 1000001");
  }

  private static Map<String, AgentTool> toolsOf(DriveTools driveTools) {
    return MethodTools.of(driveTools).stream()
        .collect(Collectors.toMap(AgentTool::name, Function.identity()));
  }

  private void assertParameters(
      String tool, List<String> required, Map<String, Class<?>> propertyTypes) {
    JsonObjectSchema parameters = tools.get(tool).specification().parameters();
    assertThat(parameters.required()).containsExactlyInAnyOrderElementsOf(required);
    assertThat(parameters.properties()).containsOnlyKeys(propertyTypes.keySet());
    propertyTypes.forEach(
        (name, type) -> assertThat(parameters.properties().get(name)).isInstanceOf(type));
  }
}
