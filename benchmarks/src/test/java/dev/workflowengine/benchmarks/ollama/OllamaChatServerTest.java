package dev.workflowengine.benchmarks.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OllamaChatServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT_BODY =
      "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final List<String> STATISTICS =
      List.of(
          "total_duration",
          "load_duration",
          "prompt_eval_count",
          "prompt_eval_duration",
          "eval_count",
          "eval_duration");

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 64})
  void writesTheHeadOllamaWritesThenOneChunkPerLine(int linesPerWrite) throws IOException {
    try (OllamaChatServer server = OllamaChatServer.start(5, linesPerWrite);
        Socket socket = connect(server)) {
      send(socket, chatRequest(server, ""));
      Response response = Response.read(socket.getInputStream());

      assertThat(response.statusLine).isEqualTo("HTTP/1.1 200 OK");
      assertThat(response.headers).hasSize(3);
      assertThat(response.headers.get(0)).isEqualTo("Content-Type: application/x-ndjson");
      assertThat(response.headers.get(1))
          .matches(
              "Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
      assertThat(response.headers.get(2)).isEqualTo("Transfer-Encoding: chunked");
      assertThat(response.chunks).hasSize(6);
      assertThat(response.chunks.get(0))
          .isEqualTo(
              "{\"model\":\"llama3.2\",\"created_at\":\"2024-07-22T20:33:28.254104789Z\","
                  + "\"message\":{\"role\":\"assistant\",\"content\":\"The\"},\"done\":false}\n");
      assertThat(response.chunks.get(5))
          .isEqualTo(
              "{\"model\":\"llama3.2\",\"created_at\":\"2024-07-22T20:33:28.367691219Z\","
                  + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                  + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":244043219,"
                  + "\"load_duration\":12345678,\"prompt_eval_count\":26,"
                  + "\"prompt_eval_duration\":130456789,\"eval_count\":5,"
                  + "\"eval_duration\":100006185}\n");
      assertThat(response.length).isEqualTo(server.responseLength());
    }
  }

  @ParameterizedTest
  @ValueSource(
      ints = {OllamaChatServer.OLLAMA_LINES_PER_WRITE, 7, OllamaChatServer.DEFAULT_LINES_PER_WRITE})
  void streams2000DeltasAndAFinalLineWithTheStatistics(int linesPerWrite) throws IOException {
    try (OllamaChatServer server =
            OllamaChatServer.start(OllamaChatServer.DEFAULT_CHUNKS, linesPerWrite);
        Socket socket = connect(server)) {
      send(socket, chatRequest(server, ""));
      Response response = Response.read(socket.getInputStream());

      assertThat(response.chunks).hasSize(2_001);
      StringBuilder content = new StringBuilder();
      for (int i = 0; i < 2_000; i++) {
        String chunk = response.chunks.get(i);
        assertThat(chunk).endsWith("\n");
        assertThat(chunk.indexOf('\n')).isEqualTo(chunk.length() - 1);
        JsonNode line = JSON.readTree(chunk);
        assertThat(line.get("model").asText()).isEqualTo("llama3.2");
        assertThat(line.get("created_at").asText())
            .matches("2024-07-22T20:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z");
        assertThat(line.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(line.get("message").get("content").asText()).isNotEmpty();
        assertThat(line.get("done").asBoolean()).isFalse();
        assertThat(line.has("done_reason")).isFalse();
        content.append(line.get("message").get("content").asText());
      }
      assertThat(content.toString()).isEqualTo(server.answer().content());
      assertThat(content.toString()).contains("café", "\"", "\n\n");

      JsonNode last = JSON.readTree(response.chunks.get(2_000));
      assertThat(last.get("done").asBoolean()).isTrue();
      assertThat(last.get("done_reason").asText()).isEqualTo("stop");
      assertThat(last.get("message").get("content").asText()).isEmpty();
      for (String statistic : STATISTICS) {
        assertThat(last.get(statistic).isIntegralNumber()).as(statistic).isTrue();
        assertThat(last.get(statistic).asLong()).as(statistic).isPositive();
      }
      assertThat(last.get("eval_count").asLong()).isEqualTo(2_000);
    }
  }

  @Test
  void keepsTheConnectionAliveAndReadsChunkedRequestBodies() throws IOException {
    try (OllamaChatServer server = OllamaChatServer.start(3);
        Socket socket = connect(server)) {
      send(socket, chatRequest(server, ""));
      assertThat(Response.read(socket.getInputStream()).chunks).hasSize(4);

      String chunkedBody =
          Integer.toHexString(CHAT_BODY.length()) + "\r\n" + CHAT_BODY + "\r\n0\r\n\r\n";
      send(
          socket,
          "POST /api/chat HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody);
      assertThat(Response.read(socket.getInputStream()).chunks).hasSize(4);

      assertThat(server.connectionsAccepted()).isEqualTo(1);
      assertThat(server.chatRequests()).isEqualTo(2);
      server.checkHealthy();
    }
  }

  @Test
  void closesAfterAnAnswerWhenAskedTo() throws IOException {
    try (OllamaChatServer server = OllamaChatServer.start(3);
        Socket socket = connect(server)) {
      send(socket, chatRequest(server, "Connection: close\r\n"));
      assertThat(Response.read(socket.getInputStream()).chunks).hasSize(4);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void answersOtherPathsWithGinsNotFound() throws IOException {
    try (OllamaChatServer server = OllamaChatServer.start(3);
        Socket socket = connect(server)) {
      send(socket, "GET /api/tags HTTP/1.1\r\nHost: x\r\n\r\n");
      String response = readAscii(socket.getInputStream(), 127);
      assertThat(response)
          .matches(
              "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nDate: [^\r]{29}\r\n"
                  + "Content-Length: 18\r\n\r\n404 page not found");
      send(socket, chatRequest(server, ""));
      assertThat(Response.read(socket.getInputStream()).chunks).hasSize(4);
      assertThat(server.chatRequests()).isEqualTo(1);
    }
  }

  @Test
  void refusesLessThanOneLinePerWrite() {
    assertThatThrownBy(() -> OllamaChatServer.start(5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linesPerWrite");
  }

  @ParameterizedTest
  @ValueSource(
      ints = {OllamaChatServer.OLLAMA_LINES_PER_WRITE, OllamaChatServer.DEFAULT_LINES_PER_WRITE})
  void allocatesNextToNothingPerAnswer(int linesPerWrite) throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (OllamaChatServer server =
            OllamaChatServer.start(OllamaChatServer.DEFAULT_CHUNKS, linesPerWrite);
        RawSocketReader reader = new RawSocketReader(server, "hi")) {
      for (int i = 0; i < 20; i++) {
        reader.readAnswer();
      }
      long threadId = server.connectionThreads().get(0).getId();
      long before = threads.getThreadAllocatedBytes(threadId);
      int answers = 200;
      for (int i = 0; i < answers; i++) {
        reader.readAnswer();
      }
      long perAnswer = (threads.getThreadAllocatedBytes(threadId) - before) / answers;
      // A client allocates tens of bytes per chunk, tens of kilobytes per answer; a new Date
      // value once a second is all the server may add.
      assertThat(perAnswer).isLessThan(64);
    }
  }

  private static Socket connect(OllamaChatServer server) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String chatRequest(OllamaChatServer server, String extraHeaders) {
    return "POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1:"
        + server.port()
        + "\r\nContent-Type: application/json\r\n"
        + extraHeaders
        + "Content-Length: "
        + CHAT_BODY.length()
        + "\r\n\r\n"
        + CHAT_BODY;
  }

  private static void send(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String readAscii(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    assertThat(bytes).hasSize(length);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** A chunked response decoded strictly: every byte must be where HTTP/1.1 puts it. */
  private static final class Response {
    String statusLine;
    final List<String> headers = new ArrayList<>();
    final List<String> chunks = new ArrayList<>();
    int length;

    static Response read(InputStream in) throws IOException {
      Response response = new Response();
      CountingReader reader = new CountingReader(in);
      response.statusLine = reader.line();
      for (String header = reader.line(); !header.isEmpty(); header = reader.line()) {
        response.headers.add(header);
      }
      while (true) {
        String sizeLine = reader.line();
        assertThat(sizeLine).matches("[0-9a-f]+");
        int size = Integer.parseInt(sizeLine, 16);
        if (size == 0) {
          assertThat(reader.line()).isEmpty();
          break;
        }
        response.chunks.add(new String(reader.bytes(size), StandardCharsets.UTF_8));
        assertThat(reader.line()).isEmpty();
      }
      response.length = reader.count;
      return response;
    }
  }

  private static final class CountingReader {
    final InputStream in;
    int count;

    CountingReader(InputStream in) {
      this.in = in;
    }

    String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int previous = -1;
      while (true) {
        int b = read();
        if (b == '\n') {
          assertThat(previous).as("CR before LF").isEqualTo('\r');
          byte[] bytes = line.toByteArray();
          return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
        }
        line.write(b);
        previous = b;
      }
    }

    byte[] bytes(int size) throws IOException {
      byte[] bytes = in.readNBytes(size);
      if (bytes.length < size) {
        throw new EOFException();
      }
      count += size;
      return bytes;
    }

    private int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      count++;
      return b;
    }
  }
}
