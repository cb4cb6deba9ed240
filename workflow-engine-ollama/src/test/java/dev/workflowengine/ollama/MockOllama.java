package dev.workflowengine.ollama;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Answers as Ollama does: NDJSON with {@code Content-Type: application/x-ndjson} and chunked
 * transfer encoding, every line flushed as its own chunk, the lines byte for byte from the fixtures
 * in {@code src/test/resources/ollama}.
 */
final class MockOllama {

  static final String NDJSON = "application/x-ndjson";

  private MockOllama() {}

  /** The lines of a fixture, each with its newline, as Ollama wrote them. */
  static List<String> fixtureLines(String name) {
    return fixture(name).lines().map(line -> line + "\n").toList();
  }

  static String fixture(String name) {
    try (InputStream in = MockOllama.class.getResourceAsStream("/ollama/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 200 streaming the fixture's lines, one chunk per line. */
  static MockResponse stream(String fixture) {
    return streamLines(fixtureLines(fixture));
  }

  static MockResponse streamLines(List<String> lines) {
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
        .addHeader("Content-Type", NDJSON)
        .addHeader("Transfer-Encoding", "chunked")
        .build();
  }

  /** A 200 with a JSON body, as Ollama answers a non-streaming request. */
  static MockResponse json(String fixture) {
    return json(200, fixture(fixture));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /** Ollama's error answer: {@code {"error": "..."}} with a status. */
  static MockResponse error(int status, String message) {
    return json(status, "{\"error\":\"" + message + "\"}");
  }

  /**
   * Streams the given lines, then keeps the connection open without a byte more until the client
   * closes it, and counts {@code closed} down when it sees the close.
   */
  static MockResponse stallAfter(List<String> lines, CountDownLatch closed) {
    return streaming(
        (sink, source) -> {
          for (String line : lines) {
            writeChunk(sink, line);
          }
          awaitClientClose(source, closed);
        });
  }

  /** A streaming answer written by hand, for tests that control timing or break the connection. */
  static MockResponse streaming(Script script) {
    SocketHandler handler =
        socket -> {
          BufferedSink sink = Okio.buffer(socket.getSink());
          BufferedSource source = Okio.buffer(socket.getSource());
          try {
            script.run(sink, source);
          } catch (IOException | InterruptedException e) {
            // The client went away first: what the test is about, not a failure of the server.
          } finally {
            socket.cancel();
          }
        };
    return new MockResponse.Builder()
        .removeHeader("Content-Length")
        .addHeader("Content-Type", NDJSON)
        .addHeader("Transfer-Encoding", "chunked")
        .socketHandler(handler)
        .build();
  }

  /** What a hand-written answer does with the connection. */
  interface Script {
    void run(BufferedSink sink, BufferedSource source) throws IOException, InterruptedException;
  }

  static void writeChunk(BufferedSink sink, String line) throws IOException {
    byte[] bytes = line.getBytes(UTF_8);
    sink.writeHexadecimalUnsignedLong(bytes.length)
        .writeUtf8("\r\n")
        .write(bytes)
        .writeUtf8("\r\n");
    sink.flush();
  }

  static void endChunks(BufferedSink sink) throws IOException {
    sink.writeUtf8("0\r\n\r\n");
    sink.flush();
  }

  /** Blocks until the client closes the connection (end of stream or reset), then counts down. */
  static void awaitClientClose(BufferedSource source, CountDownLatch closed) {
    try {
      while (!source.exhausted()) {
        source.skip(source.getBuffer().size());
      }
    } catch (IOException e) {
      // A reset is a close too.
    }
    closed.countDown();
  }

  static JsonNode body(RecordedRequest request) throws IOException {
    return OllamaJson.MAPPER.readTree(request.getBody().utf8());
  }
}
