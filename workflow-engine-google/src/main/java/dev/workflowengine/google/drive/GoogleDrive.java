package dev.workflowengine.google.drive;

import static dev.workflowengine.google.drive.Checks.requireText;
import static java.util.Objects.requireNonNull;

import com.google.api.client.googleapis.media.MediaHttpDownloader;
import com.google.api.client.googleapis.media.MediaHttpUploader;
import com.google.api.services.drive.Drive;
import dev.workflowengine.google.GoogleApiException;
import dev.workflowengine.google.GoogleCall;
import dev.workflowengine.google.GoogleService;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.google.NotConnectedException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One user's Google Drive: list files, read their metadata, upload, download and export. Every
 * request runs through {@link GoogleWorkspace#call}, with its retries, rate limits and circuit
 * breaker; each builds its request afresh, so a retry sends it whole again.
 *
 * <pre>{@code
 * GoogleDrive drive = GoogleDrive.of(workspace, "u1");
 * FilePage page = drive.listFiles(FileQuery.builder().folderId(folderId).build());
 * DriveFile created = drive.upload(Upload.builder()
 *     .name("notes.txt").mimeType("text/plain").content(bytes).build());
 * try (OutputStream out = Files.newOutputStream(target)) {
 *   drive.download(created.id(), out);
 * }
 * }</pre>
 *
 * <p>Files up to {@link Builder#simpleUploadLimit(long)} bytes are uploaded in one multipart
 * request, larger ones resumably in chunks. Downloads stream: at most one small buffer of a file is
 * in memory, and a retried download continues where the failed one stopped.
 *
 * <p>Thread-safe; Google errors arrive as {@link GoogleApiException}, a user without a Google
 * connection as {@link NotConnectedException}.
 */
public final class GoogleDrive {

  /** Files up to this size go up in one request unless configured otherwise: 5 MiB. */
  public static final long DEFAULT_SIMPLE_UPLOAD_LIMIT = 5L * 1024 * 1024;

  /** Chunk size of resumable uploads unless configured otherwise: 10 MiB. */
  public static final int DEFAULT_UPLOAD_CHUNK_SIZE = MediaHttpUploader.DEFAULT_CHUNK_SIZE;

  /** Bytes a download asks for per request unless configured otherwise: 32 MiB. */
  public static final int DEFAULT_DOWNLOAD_CHUNK_SIZE = MediaHttpDownloader.MAXIMUM_CHUNK_SIZE;

  /** The fields of every file this class returns. */
  static final String FILE_FIELDS = String.join(",", FileQuery.KNOWN_FIELDS);

  private final GoogleWorkspace workspace;
  private final String userId;
  private final Drive client;
  private final ContentTransfers transfers;

  private GoogleDrive(Builder builder) {
    this.workspace = builder.workspace;
    this.userId = builder.userId;
    this.client =
        workspace
            .configure(
                new Drive.Builder(
                    workspace.transport(),
                    workspace.jsonFactory(),
                    workspace.requestInitializer(userId)))
            .build();
    this.transfers =
        new ContentTransfers(
            workspace,
            userId,
            client,
            builder.simpleUploadLimit,
            builder.uploadChunkSize,
            builder.downloadChunkSize);
  }

  /**
   * A user's Drive with the default upload and download settings.
   *
   * @param workspace the workspace whose credentials and policies the requests use
   * @param userId the user the requests act for
   * @return the user's Drive
   */
  public static GoogleDrive of(GoogleWorkspace workspace, String userId) {
    return builder(workspace, userId).build();
  }

  /**
   * Starts building a user's Drive with other upload or download settings.
   *
   * @param workspace the workspace whose credentials and policies the requests use
   * @param userId the user the requests act for
   * @return a new builder; not thread-safe
   */
  public static Builder builder(GoogleWorkspace workspace, String userId) {
    return new Builder(workspace, userId);
  }

  /**
   * The user whose Drive this is.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }

  /**
   * One page of files ({@code GET /drive/v3/files}); trashed files are never listed.
   *
   * @param query what to list
   * @return the page, with the token of the next one if there is one
   */
  public FilePage listFiles(FileQuery query) {
    requireNonNull(query, "query");
    return DriveMapping.toFilePage(
        call(
            () -> {
              Drive.Files.List list =
                  client
                      .files()
                      .list()
                      .setQ(query.q())
                      .setPageSize(query.pageSize())
                      .setFields(query.fields());
              query.pageToken().ifPresent(list::setPageToken);
              query.orderBy().ifPresent(list::setOrderBy);
              return list.execute();
            }));
  }

  /**
   * Files of every page until there are no more or {@code maxFiles} were listed. The last request
   * asks only for as many as are still wanted.
   *
   * @param query what to list, from its page token if it has one
   * @param maxFiles the most files to return, at least 1
   * @return the files, in Drive's order
   */
  public List<DriveFile> listAllFiles(FileQuery query, int maxFiles) {
    requireNonNull(query, "query");
    if (maxFiles < 1) {
      throw new IllegalArgumentException("maxFiles must be at least 1 but was " + maxFiles);
    }
    List<DriveFile> files = new ArrayList<>();
    FileQuery next = query;
    while (true) {
      int wanted = maxFiles - files.size();
      FilePage page = listFiles(next.withPageSize(Math.min(query.pageSize(), wanted)));
      files.addAll(page.files().subList(0, Math.min(wanted, page.files().size())));
      if (files.size() >= maxFiles || page.nextPageToken().isEmpty()) {
        return files;
      }
      next = next.withPageToken(page.nextPageToken().get());
    }
  }

  /**
   * A file's metadata ({@code GET /drive/v3/files/{id}}).
   *
   * @param fileId the file
   * @return the file
   */
  public DriveFile metadata(String fileId) {
    requireText(fileId, "fileId");
    return DriveMapping.toDriveFile(
        call(() -> client.files().get(fileId).setFields(FILE_FIELDS).execute()));
  }

  /**
   * Creates a file with content: in one multipart request ({@code uploadType=multipart}) up to the
   * simple-upload limit, else resumably ({@code uploadType=resumable}, then chunks sent with {@code
   * PUT} to the session Drive opened). A retried upload starts over with a new session.
   *
   * @param upload the file's name, type, folder and content
   * @return the created file
   */
  public DriveFile upload(Upload upload) {
    requireNonNull(upload, "upload");
    return DriveMapping.toDriveFile(call(transfers.uploadCall(upload)));
  }

  /**
   * Streams a file's content to {@code out} ({@code GET /drive/v3/files/{id}?alt=media}, in ranges
   * of the download chunk size) after reading its metadata. The stream is neither flushed nor
   * closed. A retry asks only for the bytes {@code out} has not received.
   *
   * @param fileId the file
   * @param out where the bytes go
   * @return the file downloaded
   * @throws NotDownloadableException for a Google Doc, Sheet, Slides deck, folder or other Google
   *     Workspace file; export those with {@link #export}
   * @throws java.io.UncheckedIOException if writing to {@code out} failed
   */
  public DriveFile download(String fileId, OutputStream out) {
    requireNonNull(out, "out");
    DriveFile file = metadata(fileId);
    if (file.isGoogleWorkspaceFile()) {
      throw NotDownloadableException.of(file);
    }
    transfers.download(file, -1, out);
    return file;
  }

  /**
   * Streams a Google Doc, Sheet, Slides deck or Drawing to {@code out} converted to another format
   * ({@code GET /drive/v3/files/{id}/export?mimeType=...}), after reading its metadata. Drive
   * exports at most 10 MB; a Sheet exports its first sheet to CSV.
   *
   * @param fileId the file
   * @param mimeType the format, such as {@code application/pdf}, {@code text/plain} or {@code
   *     text/csv}
   * @param out where the bytes go; neither flushed nor closed
   * @return the file exported, with its own MIME type
   * @throws IllegalArgumentException if the file is not a Google Workspace file; download it
   * @throws java.io.UncheckedIOException if writing to {@code out} failed
   */
  public DriveFile export(String fileId, String mimeType, OutputStream out) {
    requireText(mimeType, "mimeType");
    requireNonNull(out, "out");
    DriveFile file = metadata(fileId);
    if (!file.isGoogleWorkspaceFile()) {
      throw ExportFormats.notExportable(file);
    }
    transfers.export(file, mimeType, out);
    return file;
  }

  /** The content requests: uploads, downloads and exports. */
  ContentTransfers transfers() {
    return transfers;
  }

  private <T> T call(GoogleCall<T> call) {
    return workspace.call(GoogleService.DRIVE, userId, call);
  }

  /**
   * Builds a {@link GoogleDrive}; every setter checks its value at once. Not thread-safe.
   *
   * <pre>{@code
   * GoogleDrive drive = GoogleDrive.builder(workspace, "u1")
   *     .simpleUploadLimit(1024 * 1024)         // resumable above 1 MiB
   *     .uploadChunkSize(8 * 1024 * 1024)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final GoogleWorkspace workspace;
    private final String userId;
    private long simpleUploadLimit = DEFAULT_SIMPLE_UPLOAD_LIMIT;
    private int uploadChunkSize = DEFAULT_UPLOAD_CHUNK_SIZE;
    private int downloadChunkSize = DEFAULT_DOWNLOAD_CHUNK_SIZE;

    private Builder(GoogleWorkspace workspace, String userId) {
      this.workspace = requireNonNull(workspace, "workspace");
      this.userId = requireText(userId, "userId");
    }

    /**
     * The largest file uploaded in one request; larger ones are uploaded resumably, so a failure
     * costs one chunk rather than the whole file. 5 MiB by default, as Google advises.
     *
     * @param bytes 0 or more; 0 uploads every non-empty file resumably
     * @return this builder
     */
    public Builder simpleUploadLimit(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("simpleUploadLimit must be 0 or more but was " + bytes);
      }
      this.simpleUploadLimit = bytes;
      return this;
    }

    /**
     * How many bytes each request of a resumable upload sends; 10 MiB by default. Larger chunks
     * mean fewer requests and more to send again after a failure.
     *
     * @param bytes a positive multiple of 256 KiB (262,144), as Drive requires
     * @return this builder
     */
    public Builder uploadChunkSize(int bytes) {
      if (bytes <= 0 || bytes % MediaHttpUploader.MINIMUM_CHUNK_SIZE != 0) {
        throw new IllegalArgumentException(
            "uploadChunkSize must be a positive multiple of 256 KiB ("
                + MediaHttpUploader.MINIMUM_CHUNK_SIZE
                + ") but was "
                + bytes);
      }
      this.uploadChunkSize = bytes;
      return this;
    }

    /**
     * How many bytes each request of a download asks for; 32 MiB (the most) by default.
     *
     * @param bytes 1 to 32 MiB
     * @return this builder
     */
    public Builder downloadChunkSize(int bytes) {
      if (bytes < 1 || bytes > MediaHttpDownloader.MAXIMUM_CHUNK_SIZE) {
        throw new IllegalArgumentException(
            "downloadChunkSize must be 1 to "
                + MediaHttpDownloader.MAXIMUM_CHUNK_SIZE
                + " bytes but was "
                + bytes);
      }
      this.downloadChunkSize = bytes;
      return this;
    }

    /**
     * Builds the user's Drive, with its Drive client.
     *
     * @return the Drive
     */
    public GoogleDrive build() {
      return new GoogleDrive(this);
    }
  }
}
