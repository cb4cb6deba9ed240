package dev.workflowengine.ollama;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Splits a response body into NDJSON lines without creating a string per line: each line is copied
 * from okio's buffer into one reusable array that the JSON parser reads directly. Blank lines are
 * skipped; a last line without a newline counts. Not thread-safe.
 */
final class LineReader {

  /**
   * Longer than any line Ollama writes (a final generate chunk with a 128k-token context is about a
   * megabyte); stops a misbehaving server from filling memory with an endless line.
   */
  static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

  private final BufferedSource source;
  private final int maxLineBytes;
  private byte[] line = new byte[8 * 1024];
  private int length;
  private long number;

  LineReader(BufferedSource source) {
    this(source, MAX_LINE_BYTES);
  }

  LineReader(BufferedSource source, int maxLineBytes) {
    this.source = source;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Advances to the next non-blank line.
   *
   * @return {@code false} at the end of the body
   * @throws LineTooLongException when no newline comes within the limit
   */
  boolean next() throws IOException {
    while (true) {
      long newline = source.indexOf((byte) '\n', 0, maxLineBytes);
      Buffer buffer = source.getBuffer();
      long lineBytes;
      if (newline >= 0) {
        lineBytes = newline;
      } else if (buffer.size() >= maxLineBytes) {
        throw new LineTooLongException(number + 1, maxLineBytes);
      } else if (buffer.size() == 0) {
        return false;
      } else {
        lineBytes = buffer.size();
      }
      copy(buffer, (int) lineBytes);
      if (newline >= 0) {
        buffer.skip(1);
      }
      number++;
      if (!isBlank()) {
        return true;
      }
    }
  }

  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  /** The 1-based number of the current line, counting blank ones. */
  long number() {
    return number;
  }

  /** The start of the current line, for error messages. */
  String preview(int maxChars) {
    String text = new String(line, 0, Math.min(length, maxChars * 4), StandardCharsets.UTF_8);
    return text.length() > maxChars ? text.substring(0, maxChars) + "..." : text;
  }

  private void copy(Buffer buffer, int count) throws IOException {
    if (line.length < count) {
      line = new byte[Math.max(count, line.length * 2)];
    }
    int copied = 0;
    while (copied < count) {
      copied += buffer.read(line, copied, count - copied);
    }
    length = count > 0 && line[count - 1] == '\r' ? count - 1 : count;
  }

  private boolean isBlank() {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A line exceeded {@link #MAX_LINE_BYTES}. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(long lineNumber, int maxLineBytes) {
      super("line " + lineNumber + " is longer than " + maxLineBytes + " bytes without a newline");
    }
  }
}
