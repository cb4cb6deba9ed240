package dev.workflowengine.google.drive;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A file or folder in Google Drive, as {@link GoogleDrive} returns it. Immutable.
 *
 * <pre>{@code
 * DriveFile file = drive.metadata("1AbC");
 * if (!file.isGoogleWorkspaceFile()) {
 *   drive.download(file.id(), out);
 * }
 * }</pre>
 *
 * @param id Drive's id of the file
 * @param name the file's name, such as {@code report.pdf}
 * @param mimeType its MIME type; Google Docs, Sheets, Slides and folders have {@code
 *     application/vnd.google-apps.*} types
 * @param size its size in bytes; absent for Google Docs, Sheets, Slides and folders, and when the
 *     listing did not ask for it
 * @param modifiedTime when it was last changed, when known
 * @param parents the ids of the folders it is in; empty when unknown
 * @param webViewLink the link that opens it in a browser, when known
 */
public record DriveFile(
    String id,
    String name,
    String mimeType,
    Optional<Long> size,
    Optional<Instant> modifiedTime,
    List<String> parents,
    Optional<String> webViewLink) {

  /** The MIME type prefix of files that exist only inside Google Workspace. */
  static final String GOOGLE_APPS_PREFIX = "application/vnd.google-apps.";

  /** The MIME type of a folder. */
  public static final String FOLDER_MIME_TYPE = GOOGLE_APPS_PREFIX + "folder";

  /** Validates and copies the components; absent optionals become {@code Optional.empty()}. */
  public DriveFile {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(mimeType, "mimeType");
    size = requireNonNullElse(size, Optional.empty());
    modifiedTime = requireNonNullElse(modifiedTime, Optional.empty());
    parents = List.copyOf(requireNonNullElse(parents, List.of()));
    webViewLink = requireNonNullElse(webViewLink, Optional.empty());
  }

  /**
   * Whether this is a folder.
   *
   * @return {@code true} for {@link #FOLDER_MIME_TYPE}
   */
  public boolean isFolder() {
    return FOLDER_MIME_TYPE.equals(mimeType);
  }

  /**
   * Whether this file lives only inside Google Workspace (a Doc, Sheet, Slides deck, Drawing, Form,
   * folder, shortcut...): it has no bytes of its own, so {@link GoogleDrive#download} refuses it
   * and {@link GoogleDrive#export} turns the exportable ones into a chosen format.
   *
   * @return {@code true} for {@code application/vnd.google-apps.*} types
   */
  public boolean isGoogleWorkspaceFile() {
    return mimeType.startsWith(GOOGLE_APPS_PREFIX);
  }
}
