package dev.workflowengine.google.drive;

import com.google.api.client.util.DateTime;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place Google's Drive model classes become this package's records and back, so nothing of
 * the wire format reaches the public API.
 */
final class DriveMapping {

  private DriveMapping() {}

  /** A file Drive returned; fields the request did not ask for are absent or empty. */
  static DriveFile toDriveFile(File file) {
    return new DriveFile(
        Objects.requireNonNullElse(file.getId(), ""),
        Objects.requireNonNullElse(file.getName(), ""),
        Objects.requireNonNullElse(file.getMimeType(), ""),
        Optional.ofNullable(file.getSize()),
        Optional.ofNullable(file.getModifiedTime()).map(DriveMapping::toInstant),
        Objects.requireNonNullElse(file.getParents(), List.of()),
        Optional.ofNullable(file.getWebViewLink()));
  }

  /** One page of a listing; Drive leaves {@code files} out of an empty page. */
  static FilePage toFilePage(FileList list) {
    List<File> files = Objects.requireNonNullElse(list.getFiles(), List.of());
    return new FilePage(
        files.stream().map(DriveMapping::toDriveFile).toList(),
        Optional.ofNullable(list.getNextPageToken()).filter(token -> !token.isEmpty()));
  }

  /** The metadata Drive creates an uploaded file with. */
  static File toGoogleFile(Upload upload) {
    File file = new File().setName(upload.name()).setMimeType(upload.mimeType());
    upload.parentFolderId().ifPresent(folder -> file.setParents(List.of(folder)));
    return file;
  }

  private static Instant toInstant(DateTime time) {
    return Instant.ofEpochMilli(time.getValue());
  }
}
