package dev.workflowengine.benchmarks.ollama;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The server's floor: one kept-alive socket that writes a fixed chat request and reads the
 * response's bytes into a reused buffer, without decoding chunks or parsing JSON. It knows the
 * response's length in advance (the server's answer is fixed and its {@code Date} has a fixed
 * length) and checks that the response ends with the terminating chunk. If a client's time per
 * answer came close to this, the server, not the client, would be what is measured.
 *
 * <p>Used by one thread at a time.
 */
final class RawSocketReader implements AutoCloseable {

  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STATUS_OK = "HTTP/1.1 200 ".getBytes(StandardCharsets.US_ASCII);
  private static final int TIMEOUT_MILLIS = 30_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] request;
  private final byte[] buffer = new byte[64 * 1024];
  private final int responseLength;
  private final int firstWriteLength;

  RawSocketReader(OllamaChatServer server, String prompt) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    byte[] body =
        ("{\"model\":\""
                + ChatAnswer.MODEL
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt
                + "\"}],\"stream\":true}")
            .getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1:"
            + server.port()
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    responseLength = server.responseLength();
    firstWriteLength = server.firstWriteLength();
  }

  /**
   * Sends the request and reads the whole response.
   *
   * @return the number of bytes read
   */
  long readAnswer() throws IOException {
    out.write(request);
    return readUntil(0, responseLength);
  }

  /**
   * Sends the request and reads until the head and the first line's chunk are in.
   *
   * @return the number of bytes read so far, to pass to {@link #finish(int)}
   */
  int readFirstChunk() throws IOException {
    out.write(request);
    return readUntil(0, firstWriteLength);
  }

  /**
   * Reads the rest of a response whose first chunk was read.
   *
   * @param read what {@link #readFirstChunk()} returned
   * @return the length of the response
   */
  long finish(int read) throws IOException {
    return readUntil(read, responseLength);
  }

  private int readUntil(int alreadyRead, int until) throws IOException {
    int total = alreadyRead;
    int tailStart = responseLength - LAST_CHUNK.length;
    while (total < until) {
      int count = in.read(buffer, 0, Math.min(buffer.length, responseLength - total));
      if (count < 0) {
        throw new EOFException("the server closed the connection after " + total + " bytes");
      }
      if (total == 0 && !startsWith(STATUS_OK, count)) {
        throw new IOException(
            "not a 200 response: " + new String(buffer, 0, count, StandardCharsets.US_ASCII));
      }
      // Only the bytes of this read that fall on the terminating chunk are compared.
      for (int position = Math.max(total, tailStart); position < total + count; position++) {
        if (buffer[position - total] != LAST_CHUNK[position - tailStart]) {
          throw new IOException("the response does not end with the terminating chunk");
        }
      }
      total += count;
    }
    return total;
  }

  private boolean startsWith(byte[] prefix, int count) {
    if (count < prefix.length) {
      return false; // a status line split over reads never happens on loopback; fail loudly if so
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buffer[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
