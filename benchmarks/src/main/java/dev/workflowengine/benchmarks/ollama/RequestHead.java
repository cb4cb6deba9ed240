package dev.workflowengine.benchmarks.ollama;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 requests off one connection without allocating per request: the server runs in the
 * benchmark's JVM, and JMH's {@code -prof gc} counts every thread's allocations, so the server must
 * add (next to) nothing to a client's bytes per answer. It buffers the socket itself (a {@code
 * BufferedInputStream} takes a lock per byte). One instance per connection, reused for each request
 * on it; not thread-safe.
 *
 * <p>It understands what the benchmarked clients send: a request line, headers, and a body framed
 * by {@code Content-Length} or {@code Transfer-Encoding: chunked}; {@code Connection: close}; and
 * {@code Expect: 100-continue}. Other headers (the JDK client's {@code Upgrade: h2c} among them)
 * are ignored, as Ollama's Go server ignores them.
 */
final class RequestHead {

  private static final byte[] CHAT = ascii("POST /api/chat ");
  private static final byte[] CONTENT_LENGTH = ascii("content-length:");
  private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding:");
  private static final byte[] CONNECTION = ascii("connection:");
  private static final byte[] EXPECT = ascii("expect:");
  private static final byte[] CHUNKED = ascii("chunked");
  private static final byte[] CLOSE = ascii("close");
  private static final byte[] CONTINUE = ascii("100-continue");
  private static final int MAX_LINE = 16 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[8 * 1024];
  private int position;
  private int limit;
  private final byte[] line = new byte[MAX_LINE];
  private int length;

  boolean chat;
  boolean close;
  boolean expectContinue;
  private boolean chunked;
  private long contentLength;

  RequestHead(InputStream in) {
    this.in = in;
  }

  /**
   * Reads the request line and headers of the next request.
   *
   * @return false if the peer closed the connection before a new request
   */
  boolean read() throws IOException {
    if (!readLine(true)) {
      return false;
    }
    chat = startsWithExactly(CHAT);
    close = false;
    expectContinue = false;
    chunked = false;
    contentLength = 0;
    while (readLine(false) && length > 0) {
      if (startsWith(CONTENT_LENGTH, 0)) {
        contentLength = parseDecimal(CONTENT_LENGTH.length);
      } else if (startsWith(TRANSFER_ENCODING, 0)) {
        chunked = contains(CHUNKED, TRANSFER_ENCODING.length);
      } else if (startsWith(CONNECTION, 0)) {
        close = contains(CLOSE, CONNECTION.length);
      } else if (startsWith(EXPECT, 0)) {
        expectContinue = contains(CONTINUE, EXPECT.length);
      }
    }
    return true;
  }

  /** Reads and drops the body of the request whose head was read last. */
  void skipBody() throws IOException {
    if (!chunked) {
      skip(contentLength);
      return;
    }
    while (true) {
      readLine(false);
      long size = parseHex();
      if (size == 0) {
        // Trailers, if any, up to the empty line.
        while (readLine(false) && length > 0) {
          // dropped
        }
        return;
      }
      skip(size);
      readLine(false);
    }
  }

  private boolean readLine(boolean eofAllowed) throws IOException {
    length = 0;
    while (true) {
      int b = next();
      if (b < 0) {
        if (eofAllowed && length == 0) {
          return false;
        }
        throw new EOFException("connection closed inside a request");
      }
      if (b == '\n') {
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        return true;
      }
      if (length == MAX_LINE) {
        throw new IOException("request line or header longer than " + MAX_LINE + " bytes");
      }
      line[length++] = (byte) b;
    }
  }

  private int next() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private void skip(long count) throws IOException {
    long left = count;
    while (left > 0) {
      if (position == limit && !fill()) {
        throw new EOFException("connection closed inside a request body");
      }
      int skipped = (int) Math.min(left, limit - position);
      position += skipped;
      left -= skipped;
    }
  }

  /** Whether the line starts with {@code prefix}, case included (methods are case-sensitive). */
  private boolean startsWithExactly(byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the line starts with {@code lowerCase} at {@code from}, ignoring ASCII case. */
  private boolean startsWith(byte[] lowerCase, int from) {
    if (length - from < lowerCase.length) {
      return false;
    }
    for (int i = 0; i < lowerCase.length; i++) {
      if (toLower(line[from + i]) != lowerCase[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean contains(byte[] lowerCase, int from) {
    for (int i = from; i <= length - lowerCase.length; i++) {
      if (startsWith(lowerCase, i)) {
        return true;
      }
    }
    return false;
  }

  private long parseDecimal(int from) throws IOException {
    long value = 0;
    boolean digits = false;
    for (int i = from; i < length; i++) {
      byte b = line[i];
      if (b >= '0' && b <= '9') {
        value = value * 10 + (b - '0');
        digits = true;
      } else if (b != ' ' && b != '\t') {
        throw new IOException("bad Content-Length");
      }
    }
    if (!digits) {
      throw new IOException("empty Content-Length");
    }
    return value;
  }

  private long parseHex() throws IOException {
    long value = 0;
    int i = 0;
    for (; i < length; i++) {
      int digit = Character.digit(line[i], 16);
      if (digit < 0) {
        break; // a chunk extension or whitespace follows
      }
      value = value * 16 + digit;
    }
    if (i == 0) {
      throw new IOException("bad chunk size");
    }
    return value;
  }

  private static byte toLower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
