package dev.workflowengine.google.drive;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a Drive file as text for {@link DriveTools}, holding at most four bytes per character
 * wanted (the most UTF-8 needs) in memory: a text file is fetched as one range of that many bytes,
 * a Google Doc, Sheet or Slides deck is exported to text and all but that many bytes dropped.
 */
final class TextReader {

  private final GoogleDrive drive;
  private final int maxCharacters;
  private final long maxBytes;

  TextReader(GoogleDrive drive, int maxCharacters) {
    this.drive = drive;
    this.maxCharacters = maxCharacters;
    this.maxBytes = 4L * maxCharacters;
  }

  String read(DriveFile file) {
    Prefix prefix = new Prefix(maxBytes);
    if (file.isGoogleWorkspaceFile()) {
      String format = ExportFormats.textFormat(file.mimeType()).orElseThrow(() -> notText(file));
      drive.transfers().export(file, format, prefix);
    } else if (TextTypes.isText(file.mimeType())) {
      drive.transfers().download(file, maxBytes - 1, prefix);
    } else {
      throw notText(file);
    }
    String text = prefix.text();
    boolean cut =
        prefix.overflowed
            || text.length() > maxCharacters
            || file.size().filter(size -> size > maxBytes).isPresent();
    if (!cut) {
      return text;
    }
    int end = Math.min(maxCharacters, text.length());
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end)
        + "\n\n[Truncated: this is the first "
        + end
        + " characters of "
        + file.name()
        + file.size().map(size -> " (" + size + " bytes)").orElse("")
        + ".]";
  }

  private static IllegalArgumentException notText(DriveFile file) {
    return new IllegalArgumentException(
        "Drive file '"
            + file.id()
            + "' ("
            + file.name()
            + ") is "
            + file.mimeType()
            + ", which has no text to read; google.drive.download_file reads text files, Google"
            + " Docs, Sheets and Slides");
  }

  /** The first bytes written to it, up to a limit; the rest are counted out and dropped. */
  private static final class Prefix extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long limit;
    private boolean overflowed;

    Prefix(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      int room = (int) Math.min(limit - kept.size(), length);
      kept.write(bytes, offset, room);
      overflowed |= room < length;
    }

    /** The bytes as UTF-8, a broken last character replaced, without a byte order mark. */
    String text() {
      String text = kept.toString(StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }
}
