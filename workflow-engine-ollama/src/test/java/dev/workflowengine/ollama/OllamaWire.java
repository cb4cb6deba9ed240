package dev.workflowengine.ollama;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketHandler;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;

/**
 * Serves transcripts from {@code src/test/resources/transcripts} as Ollama writes them: NDJSON with
 * {@code Content-Type: application/x-ndjson}, chunked, one chunk per line, bytes as in the file;
 * non-streaming answers as {@code application/json; charset=utf-8}.
 */
public final class OllamaWire {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OllamaWire() {}

  /** The text of a transcript file. */
  public static String transcript(String name) {
    try (InputStream in = OllamaWire.class.getResourceAsStream("/transcripts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no transcript " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A streaming 200 whose chunks are the transcript's lines. */
  public static MockResponse ndjson(String name) {
    return ndjsonLines(transcript(name).lines().map(line -> line + "\n").toList());
  }

  /** A streaming 200 whose chunks are the given lines, each with its newline. */
  public static MockResponse ndjsonLines(List<String> lines) {
    Buffer framed = new Buffer();
    for (String line : lines) {
      byte[] bytes = line.getBytes(UTF_8);
      framed.writeHexadecimalUnsignedLong(bytes.length).writeUtf8("\r\n");
      framed.write(bytes).writeUtf8("\r\n");
    }
    framed.writeUtf8("0\r\n");
    return new MockResponse.Builder()
        .body(framed)
        .removeHeader("Content-Length")
        .addHeader("Content-Type", "application/x-ndjson")
        .addHeader("Transfer-Encoding", "chunked")
        .build();
  }

  /**
   * A streaming 200 that sends the transcript's first {@code lines} lines and then nothing more,
   * keeping the connection open until the client closes it, when {@code closed} counts down.
   */
  public static MockResponse stallAfter(String name, int lines, CountDownLatch closed) {
    List<String> sent = transcript(name).lines().limit(lines).map(line -> line + "\n").toList();
    SocketHandler handler =
        socket -> {
          BufferedSink sink = Okio.buffer(socket.getSink());
          BufferedSource source = Okio.buffer(socket.getSource());
          try {
            for (String line : sent) {
              byte[] bytes = line.getBytes(UTF_8);
              sink.writeHexadecimalUnsignedLong(bytes.length).writeUtf8("\r\n");
              sink.write(bytes).writeUtf8("\r\n").flush();
            }
            while (!source.exhausted()) {
              source.skip(source.getBuffer().size());
            }
          } catch (IOException e) {
            // The client reset the connection: a close too.
          } finally {
            closed.countDown();
            socket.cancel();
          }
        };
    return new MockResponse.Builder()
        .removeHeader("Content-Length")
        .addHeader("Content-Type", "application/x-ndjson")
        .addHeader("Transfer-Encoding", "chunked")
        .socketHandler(handler)
        .build();
  }

  /** A non-streaming 200 with the transcript as its body. */
  public static MockResponse json(String name) {
    return json(200, transcript(name).strip());
  }

  /** An answer with a status and a JSON body. */
  public static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /** Ollama's 404 for a model it does not have. */
  public static MockResponse modelNotFound(String model) {
    return json(404, "{\"error\":\"model '" + model + "' not found\"}");
  }

  /** The request body as JSON. */
  public static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
