package dev.workflowengine.google.drive;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The formats Google Workspace files export to, for messages and for reading them as text. */
final class ExportFormats {

  static final String DOCUMENT = DriveFile.GOOGLE_APPS_PREFIX + "document";
  static final String SPREADSHEET = DriveFile.GOOGLE_APPS_PREFIX + "spreadsheet";
  static final String PRESENTATION = DriveFile.GOOGLE_APPS_PREFIX + "presentation";
  static final String DRAWING = DriveFile.GOOGLE_APPS_PREFIX + "drawing";

  /** Some formats Drive exports each kind to, the text one first where there is one. */
  private static final Map<String, List<String>> FORMATS =
      Map.of(
          DOCUMENT,
          List.of(
              "text/plain",
              "text/markdown",
              "application/pdf",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          SPREADSHEET,
          List.of(
              "text/csv",
              "application/pdf",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          PRESENTATION,
          List.of(
              "text/plain",
              "application/pdf",
              "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
          DRAWING,
          List.of("application/pdf", "image/png", "image/svg+xml"));

  private ExportFormats() {}

  /** Formats a file of this type exports to; empty when it has no content (folders, forms...). */
  static List<String> exportFormats(String mimeType) {
    return FORMATS.getOrDefault(mimeType, List.of());
  }

  /** The text format a Doc, Sheet or Slides deck reads best as; Sheets export their first sheet. */
  static Optional<String> textFormat(String mimeType) {
    return exportFormats(mimeType).stream().filter(type -> type.startsWith("text/")).findFirst();
  }

  /** The refusal to export a file that has bytes of its own. */
  static IllegalArgumentException notExportable(DriveFile file) {
    return new IllegalArgumentException(
        "Drive file '"
            + file.id()
            + "' ("
            + file.name()
            + ") is "
            + file.mimeType()
            + ", not a Google Workspace file, so it cannot be exported; download it with"
            + " GoogleDrive.download(fileId, out)");
  }
}
