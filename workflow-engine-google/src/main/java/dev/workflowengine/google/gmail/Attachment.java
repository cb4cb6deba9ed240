package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A file attached to an {@link OutgoingEmail}. The bytes are copied in and out, so an attachment
 * cannot change after it is made.
 *
 * <pre>{@code
 * Attachment report = new Attachment("Bericht März.pdf", "application/pdf", pdfBytes);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param filename the name the recipient sees; any Unicode, without control characters or path
 *     separators, at most 255 characters
 * @param mimeType the content type, such as {@code application/pdf}
 * @param content the file's bytes
 */
public record Attachment(String filename, String mimeType, byte[] content) {

  private static final int MAX_FILENAME = 255;

  /** RFC 2045 §5.1: type "/" subtype, both tokens (no spaces, no tspecials). */
  private static final Pattern MIME_TYPE = Pattern.compile("[!#$&^_.+\\-\\w]+/[!#$&^_.+\\-\\w]+");

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if a value is null
   * @throws IllegalArgumentException if the file name is blank, too long or holds a control
   *     character or path separator, or the MIME type is not {@code type/subtype}
   */
  public Attachment {
    requireNonNull(filename, "filename");
    requireNonNull(mimeType, "mimeType");
    requireNonNull(content, "content");
    if (filename.isBlank() || filename.length() > MAX_FILENAME) {
      throw new IllegalArgumentException(
          "attachment filename must be 1 to 255 characters but was '" + filename + "'");
    }
    HeaderValues.requireNoControlCharacters("attachment filename", filename);
    if (filename.indexOf('/') >= 0 || filename.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(
          "attachment filename must be a name without '/' or '\\' but was '" + filename + "'");
    }
    if (!MIME_TYPE.matcher(mimeType).matches()) {
      throw new IllegalArgumentException(
          "attachment mimeType must be type/subtype such as application/pdf but was '"
              + mimeType
              + "'");
    }
    content = content.clone();
  }

  /**
   * The file's bytes.
   *
   * @return a copy of the bytes
   */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** Equal when name, type and bytes are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Attachment that
        && filename.equals(that.filename)
        && mimeType.equals(that.mimeType)
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * filename.hashCode() + mimeType.hashCode()) + Arrays.hashCode(content);
  }

  /** Names the file and its size, never its bytes. */
  @Override
  public String toString() {
    return "Attachment[" + filename + ", " + mimeType + ", " + content.length + " bytes]";
  }

  /** The bytes without a copy, for the MIME writer. */
  byte[] bytes() {
    return content;
  }
}
