package dev.workflowengine.google.drive;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.drive.DriveTesting.FILE_FIELDS;
import static dev.workflowengine.google.drive.DriveTesting.fileJson;
import static dev.workflowengine.google.drive.DriveTesting.query;
import static dev.workflowengine.google.drive.DriveTesting.requests;
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

/** Listing files and reading metadata: the exact requests and the mapping of the answers. */
@WireMockTest
class GoogleDriveListTest {

  private static final String FILES = "/drive/v3/files";
  private static final String LIST_FIELDS =
      "nextPageToken,files(id,name,mimeType,size,modifiedTime,parents,webViewLink)";

  private static final DriveFile REPORT =
      new DriveFile(
          "f1",
          "report.pdf",
          "application/pdf",
          Optional.of(2048L),
          Optional.of(Instant.parse("2026-03-04T05:06:07.089Z")),
          List.of("folder-1"),
          Optional.of("https://drive.google.com/file/d/f1/view"));

  private GoogleDrive drive;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wireMock) {
    drive = GoogleDrive.of(DriveTesting.workspace(wireMock), DriveTesting.USER);
  }

  @Test
  void listsOnePageOfUntrashedFilesWithTheDefaultFieldsAndMapsEveryField() {
    stubFor(
        get(urlPathEqualTo(FILES))
            .willReturn(
                okJson(
                    """
                    {"nextPageToken": "page-2", "files": [%s,
                     {"id": "doc-1", "name": "Plan", "mimeType": "application/vnd.google-apps.document"}]}
                    """
                        .formatted(fileJson("f1", "report.pdf", "application/pdf", 2048)))));

    FilePage page = drive.listFiles(FileQuery.all());

    assertThat(page.files())
        .containsExactly(
            REPORT,
            new DriveFile(
                "doc-1",
                "Plan",
                "application/vnd.google-apps.document",
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty()));
    assertThat(page.nextPageToken()).contains("page-2");
    LoggedRequest request = requests().get(0);
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    assertThat(request.getUrl()).startsWith(FILES + "?");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-u1");
    assertThat(query(request))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("q", "trashed = false", "pageSize", "100", "fields", LIST_FIELDS));
  }

  @Test
  void sendsEveryConditionOfTheQueryWithQuotesAndBackslashesEscaped() {
    stubFor(get(urlPathEqualTo(FILES)).willReturn(okJson("{}")));

    FilePage page =
        drive.listFiles(
            FileQuery.builder()
                .folderId("folder-1")
                .mimeTypes("application/pdf", "text/plain")
                .nameContains("O'Brien \\ notes")
                .pageSize(25)
                .pageToken("token-7")
                .orderBy("folder,modifiedTime desc")
                .fileFields("webViewLink", "size")
                .build());

    assertThat(page).isEqualTo(new FilePage(List.of(), Optional.empty()));
    assertThat(query(requests().get(0)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "q",
                "'folder-1' in parents and (mimeType = 'application/pdf' or mimeType ="
                    + " 'text/plain') and name contains 'O\\'Brien \\\\ notes' and trashed ="
                    + " false",
                "pageSize",
                "25",
                "pageToken",
                "token-7",
                "orderBy",
                "folder,modifiedTime desc",
                "fields",
                "nextPageToken,files(id,name,mimeType,size,webViewLink)"));
  }

  @Test
  void listAllFilesFollowsPageTokensAndAsksTheLastPageOnlyForWhatIsStillWanted() {
    stubPage(null, "page-2", "a", "b");
    stubPage("page-2", "page-3", "c", "d");
    stubPage("page-3", "page-4", "e");

    List<DriveFile> files =
        drive.listAllFiles(FileQuery.builder().folderId("folder-1").pageSize(2).build(), 5);

    assertThat(files).extracting(DriveFile::id).containsExactly("a", "b", "c", "d", "e");
    List<LoggedRequest> requests = requests();
    assertThat(requests).hasSize(3);
    assertThat(requests)
        .extracting(request -> query(request).get("pageToken"))
        .containsExactly(null, "page-2", "page-3");
    assertThat(requests)
        .extracting(request -> query(request).get("pageSize"))
        .containsExactly("2", "2", "1");
    assertThat(requests)
        .extracting(request -> query(request).get("q"))
        .containsOnly("'folder-1' in parents and trashed = false");
  }

  @Test
  void listAllFilesStopsAtTheLastPage() {
    stubPage(null, "page-2", "a", "b");
    stubPage("page-2", null, "c");

    List<DriveFile> files = drive.listAllFiles(FileQuery.all(), 100);

    assertThat(files).extracting(DriveFile::id).containsExactly("a", "b", "c");
    assertThat(requests())
        .extracting(request -> query(request).get("pageSize"))
        .containsExactly("100", "98");
  }

  @Test
  void readsOneFilesMetadataWithEveryField() {
    stubFor(
        get(urlPathEqualTo(FILES + "/f1"))
            .willReturn(okJson(fileJson("f1", "report.pdf", "application/pdf", 2048))));

    assertThat(drive.metadata("f1")).isEqualTo(REPORT);
    assertThat(query(requests().get(0))).containsExactlyEntriesOf(Map.of("fields", FILE_FIELDS));
  }

  @Test
  void aGoogleErrorArrivesAsGoogleApiExceptionOfDrive() {
    stubFor(
        get(urlPathEqualTo(FILES + "/missing"))
            .willReturn(
                notFound()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"error": {"code": 404, "message": "File not found: missing.",
                         "errors": [{"reason": "notFound", "message": "File not found: missing."}]}}
                        """)));

    assertThatThrownBy(() -> drive.metadata("missing"))
        .isInstanceOfSatisfying(
            GoogleApiException.class, e -> assertThat(e.service()).isEqualTo(GoogleService.DRIVE))
        .hasMessageContaining("File not found: missing.");
  }

  @Test
  void refusesLimitsAndIdsThatCannotBeRight() {
    assertThatThrownBy(() -> drive.listAllFiles(FileQuery.all(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFiles must be at least 1 but was 0");
    assertThatThrownBy(() -> drive.metadata(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fileId is blank; give a non-blank value");
    assertThat(requests()).isEmpty();
  }

  private static void stubPage(String token, String nextToken, String... ids) {
    StringBuilder files = new StringBuilder();
    for (String id : ids) {
      files.append(files.length() == 0 ? "" : ",").append(fileJson(id, id, "text/plain", 1));
    }
    String next = nextToken == null ? "" : "\"nextPageToken\": \"" + nextToken + "\", ";
    var request = get(urlPathEqualTo(FILES));
    request =
        token == null
            ? request.withQueryParam(
                "pageToken", com.github.tomakehurst.wiremock.client.WireMock.absent())
            : request.withQueryParam(
                "pageToken", com.github.tomakehurst.wiremock.client.WireMock.equalTo(token));
    stubFor(request.willReturn(okJson("{" + next + "\"files\": [" + files + "]}")));
  }
}
