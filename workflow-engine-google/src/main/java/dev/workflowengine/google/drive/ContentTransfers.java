package dev.workflowengine.google.drive;

import com.google.api.client.googleapis.media.MediaHttpDownloader;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import dev.workflowengine.google.GoogleCall;
import dev.workflowengine.google.GoogleService;
import dev.workflowengine.google.GoogleWorkspace;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content requests of one user's Drive: uploads, downloads and exports. Each is a {@link
 * GoogleCall} that {@link GoogleWorkspace#call} may run again: an upload reads its content afresh,
 * a download or export writes through a {@link DownloadSink} so the caller never gets a byte twice.
 * Thread-safe: every attempt builds its own request, uploader and downloader.
 */
final class ContentTransfers {

  private static final Logger log = LoggerFactory.getLogger(ContentTransfers.class);

  private final GoogleWorkspace workspace;
  private final String userId;
  private final Drive client;
  private final long simpleUploadLimit;
  private final int uploadChunkSize;
  private final int downloadChunkSize;

  ContentTransfers(
      GoogleWorkspace workspace,
      String userId,
      Drive client,
      long simpleUploadLimit,
      int uploadChunkSize,
      int downloadChunkSize) {
    this.workspace = workspace;
    this.userId = userId;
    this.client = client;
    this.simpleUploadLimit = simpleUploadLimit;
    this.uploadChunkSize = uploadChunkSize;
    this.downloadChunkSize = downloadChunkSize;
  }

  /**
   * One attempt at creating a file with content: in one multipart request up to the simple-upload
   * limit, else resumably in chunks. Each attempt opens new content, so a retry reads the bytes or
   * the file again, in a new session.
   */
  GoogleCall<File> uploadCall(Upload upload) {
    long size = upload.size();
    boolean simple = size <= simpleUploadLimit;
    log.debug("uploading {} ({} bytes) {}", upload.name(), size, simple ? "at once" : "resumably");
    return () -> {
      Drive.Files.Create create =
          client
              .files()
              .create(DriveMapping.toGoogleFile(upload), upload.newContent())
              .setFields(GoogleDrive.FILE_FIELDS);
      create.getMediaHttpUploader().setDirectUploadEnabled(simple).setChunkSize(uploadChunkSize);
      return create.execute();
    };
  }

  /**
   * Streams a file's bytes up to {@code lastByte} ({@code -1}: to its end) with {@code
   * files().get(id).executeMediaAndDownloadTo}: {@code GET /drive/v3/files/{id}?alt=media} with a
   * {@code Range} of one chunk per request. Each attempt starts where the bytes {@code out}
   * received end, since Drive honours ranges on {@code alt=media}.
   */
  void download(DriveFile file, long lastByte, OutputStream out) {
    workspace.call(
        GoogleService.DRIVE,
        userId,
        downloadCall(file, lastByte, new DownloadSink(out, file.id())));
  }

  /** Every attempt of one download, each from the first byte {@code sink} has not received. */
  GoogleCall<Void> downloadCall(DriveFile file, long lastByte, DownloadSink sink) {
    return () -> {
      long from = sink.delivered();
      // Nothing left: a range request past the end (or of an empty file) would get a 416.
      if (file.size().filter(size -> from >= size).isPresent()
          || (lastByte >= 0 && from > lastByte)) {
        return null;
      }
      if (from > 0) {
        log.debug("resuming the download of Drive file {} at byte {}", file.id(), from);
      }
      Drive.Files.Get get = client.files().get(file.id());
      MediaHttpDownloader downloader = get.getMediaHttpDownloader();
      downloader.setChunkSize(downloadChunkSize).setBytesDownloaded(from);
      if (lastByte >= 0) {
        // One request for the range: the chunked loop would go on asking past lastByte.
        downloader.setDirectDownloadEnabled(true).setContentRange(from, lastByte);
      }
      get.executeMediaAndDownloadTo(sink);
      return null;
    };
  }

  /**
   * Exports a Google Workspace file in one request ({@code GET
   * /drive/v3/files/{id}/export?mimeType=...&alt=media}). Drive does not promise ranges of exports,
   * so a retry downloads from the start and skips what the caller already has.
   */
  void export(DriveFile file, String mimeType, OutputStream out) {
    workspace.call(
        GoogleService.DRIVE, userId, exportCall(file, mimeType, new DownloadSink(out, file.id())));
  }

  /** Every attempt of one export, each from byte 0 with what {@code sink} has skipped. */
  GoogleCall<Void> exportCall(DriveFile file, String mimeType, DownloadSink sink) {
    return () -> {
      sink.replayFromStart();
      Drive.Files.Export export = client.files().export(file.id(), mimeType);
      export.getMediaHttpDownloader().setDirectDownloadEnabled(true);
      export.executeMediaAndDownloadTo(sink);
      return null;
    };
  }
}
