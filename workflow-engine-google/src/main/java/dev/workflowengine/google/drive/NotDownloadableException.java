package dev.workflowengine.google.drive;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.WorkflowException;
import java.util.List;

/**
 * {@link GoogleDrive#download} was asked for a file that has no bytes of its own: a Google Doc,
 * Sheet, Slides deck or Drawing (export it instead with {@link GoogleDrive#export}), or a folder,
 * form or shortcut (which has no content at all).
 *
 * <pre>{@code
 * try {
 *   drive.download(fileId, out);
 * } catch (NotDownloadableException e) {
 *   drive.export(fileId, "application/pdf", out);
 * }
 * }</pre>
 */
public class NotDownloadableException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String fileId;
  private final String mimeType;

  /**
   * Creates the exception.
   *
   * @param fileId the file
   * @param mimeType its {@code application/vnd.google-apps.*} type
   * @param message what was wrong and what to do
   */
  public NotDownloadableException(String fileId, String mimeType, String message) {
    super(message);
    this.fileId = requireNonNull(fileId, "fileId");
    this.mimeType = requireNonNull(mimeType, "mimeType");
  }

  /** The exception for a Google Workspace file, naming the formats it exports to if any. */
  static NotDownloadableException of(DriveFile file) {
    List<String> formats = ExportFormats.exportFormats(file.mimeType());
    String what = "Drive file '" + file.id() + "' (" + file.name() + ") is " + file.mimeType();
    String message =
        formats.isEmpty()
            ? what + ", which has no content to download or export"
            : what
                + ", a Google Workspace file with no bytes of its own; export it with"
                + " GoogleDrive.export(fileId, mimeType, out) to one of "
                + formats;
    return new NotDownloadableException(file.id(), file.mimeType(), message);
  }

  /**
   * The file that could not be downloaded.
   *
   * @return its id
   */
  public String fileId() {
    return fileId;
  }

  /**
   * Its MIME type.
   *
   * @return an {@code application/vnd.google-apps.*} type
   */
  public String mimeType() {
    return mimeType;
  }
}
