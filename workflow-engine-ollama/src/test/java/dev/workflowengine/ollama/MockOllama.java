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
 * transfer encoding, every line flushed as its own chunk, the lines byte for byte from the files;
 * non-streaming answers as {@code application/json; charset=utf-8}. The client tests serve the
 * fixtures in {@code src/test/resources/ollama}, the adapter tests the transcripts in {@code
 * src/test/resources/transcripts}; public for the adapter tests in {@code ollama.langchain4j}.
 */
public final class MockOllama {

  static final String NDJSON = "application/x-ndjson";

  private MockOllama() {}

  /** The text of a fixture, from {@code src/test/resources/ollama}. */
  static String fixture(String name) {
    return resource("/ollama/", name);
  }

  /** The lines of a fixture, each with its newline, as Ollama wrote them. */
  static List<String> fixtureLines(String name) {
    return lines(fixture(name));
  }

  /**
   * The text of a transcript, from {@code src/test/resources/transcripts}.
   *
   * @param name the file's name
   * @return its text
   */
  public static String transcript(String name) {
    return resource("/transcripts/", name);
  }

  /**
   * The lines of a transcript, each with its newline, as Ollama wrote them.
   *
   * @param name the file's name
   * @return its lines
   */
  public static List<String> transcriptLines(String name) {
    return lines(transcript(name));
  }

  private static String resource(String folder, String name) {
    try (InputStream in = MockOllama.class.getResourceAsStream(folder + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no file " + name + " in " + folder);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String text) {
    return text.lines().map(line -> line + "\n").toList();
  }

  /** A 200 streaming the fixture's lines, one chunk per line. */
  static MockResponse stream(String fixture) {
    return streamLines(fixtureLines(fixture));
  }

  /**
   * A 200 streaming the transcript's lines, one chunk per line.
   *
   * @param name the transcript, an {@code .ndjson} file
   * @return the answer
   */
  public static MockResponse streamTranscript(String name) {
    return streamLines(transcriptLines(name));
  }

  /**
   * A 200 streaming the given lines, one chunk per line.
   *
   * @param lines the lines, each with its newline
   * @return the answer
   */
  public static MockResponse streamLines(List<String> lines) {
    Buffer framed = new Buffer();
    for (String line : lines) {
      Buffer chunk = chunk(line);
      framed.write(chunk, chunk.size());
    }
    framed.writeUtf8("0\r\n");
    return new MockResponse.Builder()
        .body(framed)
        .removeHeader("Content-Length")
        .addHeader("Content-Type", NDJSON)
        .addHeader("Transfer-Encoding", "chunked")
        .build();
  }

  /** A 200 with the fixture as its JSON body, as Ollama answers a non-streaming request. */
  static MockResponse json(String fixture) {
    return json(200, fixture(fixture).strip());
  }

  /**
   * A 200 with the transcript as its JSON body, as Ollama answers a non-streaming request.
   *
   * @param name the transcript, a {@code .json} file
   * @return the answer
   */
  public static MockResponse jsonTranscript(String name) {
    return json(200, transcript(name).strip());
  }

  /**
   * An answer with a status and a JSON body.
   *
   * @param status the HTTP status
   * @param body the body, sent as it is
   * @return the answer
   */
  public static MockResponse json(int status, String body) {
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
   * Ollama's 404 for a model it does not have.
   *
   * @param model the model
   * @return the answer
   */
  public static MockResponse modelNotFound(String model) {
    return error(404, "model '" + model + "' not found");
  }

  /**
   * Streams the given lines, then keeps the connection open without a byte more until the client
   * closes it, and counts {@code closed} down when it sees the close (or fails to write to it).
   *
   * @param lines the lines to send first, each with its newline
   * @param closed counted down once the client has closed the connection
   * @return the answer
   */
  public static MockResponse stallAfter(List<String> lines, CountDownLatch closed) {
    return streaming(
        (sink, source) -> {
          try {
            for (String line : lines) {
              writeChunk(sink, line);
            }
            awaitClientClose(source);
          } finally {
            closed.countDown();
          }
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

  /** Writes the line as one chunk and flushes it. */
  static void writeChunk(BufferedSink sink, String line) throws IOException {
    Buffer chunk = chunk(line);
    sink.write(chunk, chunk.size());
    sink.flush();
  }

  static void endChunks(BufferedSink sink) throws IOException {
    sink.writeUtf8("0\r\n\r\n");
    sink.flush();
  }

  /** One chunk of chunked transfer encoding: the size in hex, CRLF, the line's bytes, CRLF. */
  private static Buffer chunk(String line) {
    byte[] bytes = line.getBytes(UTF_8);
    return new Buffer()
        .writeHexadecimalUnsignedLong(bytes.length)
        .writeUtf8("\r\n")
        .write(bytes)
        .writeUtf8("\r\n");
  }

  /** Blocks until the client closes the connection (end of stream or reset). */
  private static void awaitClientClose(BufferedSource source) {
    try {
      while (!source.exhausted()) {
        source.skip(source.getBuffer().size());
      }
    } catch (IOException e) {
      // A reset is a close too.
    }
  }

  /**
   * The request's body as JSON.
   *
   * @param request the request the server received
   * @return its body
   */
  public static JsonNode body(RecordedRequest request) {
    try {
      return OllamaJson.MAPPER.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
