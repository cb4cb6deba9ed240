package dev.workflowengine.google.drive;

import static dev.workflowengine.google.drive.Checks.requireText;
import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.google.GoogleWorkspace;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Google Drive tools for agents, bound to one user's {@link GoogleDrive}: {@code
 * google.drive.list_files}, {@code google.drive.upload_file} and {@code
 * google.drive.download_file}. Their results are small JSON-friendly maps and text, never whole
 * files: a download returns at most {@code maxCharacters} characters, read from a bounded range of
 * the file.
 *
 * <pre>{@code
 * DriveTools tools = new DriveTools(GoogleDrive.of(workspace, "u1"));
 * Agent filer = Agent.builder("filer").model(model).tools(tools).build();
 * // or, for JSON definitions:
 * Catalog.Builder catalog = Catalog.builder();
 * MethodTools.of(tools).forEach(catalog::tool);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class DriveTools {

  /** Characters {@code download_file} returns at most unless configured otherwise. */
  public static final int DEFAULT_MAX_CHARACTERS = 20_000;

  /** The largest bound {@code download_file} accepts. */
  public static final int MAX_CHARACTERS = 1_000_000;

  static final int DEFAULT_LIST_SIZE = 20;
  static final int MAX_LIST_SIZE = 100;

  private final Supplier<GoogleDrive> drive;
  private final int maxCharacters;

  /**
   * Tools over a user's Drive that read at most {@value #DEFAULT_MAX_CHARACTERS} characters of a
   * file.
   *
   * @param drive the user's Drive
   */
  public DriveTools(GoogleDrive drive) {
    this(drive, DEFAULT_MAX_CHARACTERS);
  }

  /**
   * Tools over a user's Drive with a bound of their own on the text a download returns.
   *
   * @param drive the user's Drive
   * @param maxCharacters the most characters {@code download_file} returns, 1 to {@value
   *     #MAX_CHARACTERS}
   */
  public DriveTools(GoogleDrive drive, int maxCharacters) {
    this(constant(requireNonNull(drive, "drive")), maxCharacters);
  }

  private DriveTools(Supplier<GoogleDrive> drive, int maxCharacters) {
    this.drive = drive;
    // A million characters is past any model's context; the bound also caps the bytes held.
    if (maxCharacters < 1 || maxCharacters > MAX_CHARACTERS) {
      throw new IllegalArgumentException(
          "maxCharacters must be 1 to " + MAX_CHARACTERS + " but was " + maxCharacters);
    }
    this.maxCharacters = maxCharacters;
  }

  /**
   * Tools acting on the Drive of the user each workflow run acts for ({@link
   * NodeContext#userId()}), so one instance can sit in an application's catalog. Called outside a
   * run, or in a run started without a user, a tool fails saying so.
   *
   * @param workspace the workspace to reach Google through
   * @return the tools, reading at most {@value #DEFAULT_MAX_CHARACTERS} characters of a file
   */
  public static DriveTools forRunUser(GoogleWorkspace workspace) {
    requireNonNull(workspace, "workspace");
    return new DriveTools(
        () -> workspace.drive(NodeContext.requireUserId("the Google Drive tools")),
        DEFAULT_MAX_CHARACTERS);
  }

  private static Supplier<GoogleDrive> constant(GoogleDrive drive) {
    return () -> drive;
  }

  /**
   * Lists files, most recently changed first.
   *
   * @param folderId only files in this folder, when given
   * @param nameContains only files whose name contains this, when given
   * @param mimeType only files of this type, when given
   * @param max at most this many files, 1 to 100; 20 when absent
   * @return one map per file: id, name, mimeType, and size, modifiedTime and webViewLink when known
   */
  @Tool(
      name = "google.drive.list_files",
      value =
          "Lists files in the user's Google Drive, most recently modified first, never trashed"
              + " ones. Returns for each file its id (to pass to google.drive.download_file),"
              + " name, mimeType, size in bytes, modifiedTime and webViewLink.")
  public List<Map<String, Object>> listFiles(
      @P(name = "folder_id", value = "Only list files in the folder with this id", required = false)
          String folderId,
      @P(
              name = "name_contains",
              value = "Only list files whose name contains this text",
              required = false)
          String nameContains,
      @P(
              name = "mime_type",
              value =
                  "Only list files of this MIME type, such as application/pdf, text/plain or"
                      + " application/vnd.google-apps.document for Google Docs",
              required = false)
          String mimeType,
      @P(
              name = "max",
              value = "List at most this many files, 1 to 100; 20 if omitted",
              required = false)
          Integer max) {
    int limit = max == null ? DEFAULT_LIST_SIZE : max;
    if (limit < 1 || limit > MAX_LIST_SIZE) {
      throw new IllegalArgumentException("max must be 1 to " + MAX_LIST_SIZE + " but was " + max);
    }
    FileQuery.Builder query = FileQuery.builder().orderBy("modifiedTime desc").pageSize(limit);
    present(folderId).ifPresent(query::folderId);
    present(nameContains).ifPresent(query::nameContains);
    present(mimeType).ifPresent(query::mimeTypes);
    return drive.get().listAllFiles(query.build(), limit).stream()
        .map(DriveTools::describe)
        .toList();
  }

  /**
   * Creates a text file.
   *
   * @param name the file's name
   * @param content its text, stored as UTF-8
   * @param mimeType its text type; {@code text/plain} when absent
   * @param folderId the folder it goes into; My Drive when absent
   * @return the new file's id, name and webViewLink
   */
  @Tool(
      name = "google.drive.upload_file",
      value =
          "Creates a text file in the user's Google Drive with the given name and content."
              + " Returns the new file's id, name and webViewLink.")
  public Map<String, Object> uploadFile(
      @P(name = "name", value = "The file name, such as notes.txt") String name,
      @P(name = "content", value = "The text the file contains") String content,
      @P(
              name = "mime_type",
              value =
                  "The text MIME type, such as text/markdown or text/csv; text/plain if omitted",
              required = false)
          String mimeType,
      @P(
              name = "folder_id",
              value = "The id of the folder to create it in; the user's My Drive if omitted",
              required = false)
          String folderId) {
    String type = present(mimeType).orElse("text/plain");
    if (!TextTypes.isText(type)) {
      throw new IllegalArgumentException(
          "upload_file stores text, so mime_type must be a text type such as text/plain,"
              + " text/markdown, text/csv or application/json, but was "
              + type);
    }
    Upload.Builder upload =
        Upload.builder()
            .name(requireText(name, "name"))
            .mimeType(type)
            .content(requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8));
    present(folderId).ifPresent(upload::parentFolderId);
    DriveFile created = drive.get().upload(upload.build());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", created.id());
    result.put("name", created.name());
    created.webViewLink().ifPresent(link -> result.put("webViewLink", link));
    return result;
  }

  /**
   * Reads a text file, Google Doc, Sheet or Slides deck as text.
   *
   * @param fileId the file's id
   * @return its text, cut at the character bound with a note saying so
   * @throws IllegalArgumentException for binary files and Google files with no text form
   */
  @Tool(
      name = "google.drive.download_file",
      value =
          "Reads a file from the user's Google Drive and returns its text: text files (plain"
              + " text, Markdown, CSV, JSON, HTML...), Google Docs and Slides as plain text, Google"
              + " Sheets as CSV of their first sheet. Binary files such as PDFs and images cannot"
              + " be read. Long files are cut, with a note saying so.")
  public String downloadFile(
      @P(name = "file_id", value = "The id of the file, as google.drive.list_files returns it")
          String fileId) {
    GoogleDrive userDrive = drive.get();
    DriveFile file = userDrive.metadata(requireText(fileId, "file_id"));
    return new TextReader(userDrive, maxCharacters).read(file);
  }

  private static Map<String, Object> describe(DriveFile file) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("id", file.id());
    described.put("name", file.name());
    described.put("mimeType", file.mimeType());
    file.size().ifPresent(size -> described.put("size", size));
    file.modifiedTime().ifPresent(time -> described.put("modifiedTime", time.toString()));
    file.webViewLink().ifPresent(link -> described.put("webViewLink", link));
    return described;
  }

  /** A model often sends an empty string for an argument it means to leave out. */
  private static Optional<String> present(String value) {
    return Optional.ofNullable(value).filter(text -> !text.isBlank());
  }
}
