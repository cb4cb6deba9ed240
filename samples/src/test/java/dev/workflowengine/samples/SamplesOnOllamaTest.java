package dev.workflowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.core.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The samples choose a real Ollama when one answers with the model, and say which they chose. */
class SamplesOnOllamaTest {

  private static final String ANSWER = "Reviewed by a local model.";

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final FakeOllama ollama = new FakeOllama();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(ollama);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anOllamaWithTheModelRunsTheSamplesAndTheFirstLineSaysSo() {
    try (SampleModels models = SampleModels.detect(baseUrl(), Optional.empty(), out)) {
      models.announce(out);
      RunResult result = DocumentReviewSample.run(out, models);

      assertThat(models.real()).isTrue();
      assertThat(result.state().getString("summary")).isEqualTo(ANSWER);
    }
    assertThat(text())
        .startsWith("Models: Ollama 0.12.3 at " + baseUrl() + ", profile default = llama3.2:3b");
    assertThat(ollama.chats)
        .hasSize(3) // two analysis rounds and the summary
        .allSatisfy(body -> assertThat(body).contains("\"model\":\"llama3.2:3b\""));
  }

  @Test
  void theLiveEventsSampleStreamsTheModelsTokensAsEvents() {
    try (SampleModels models = SampleModels.detect(baseUrl(), Optional.of("qwen3:8b"), out)) {
      ExecutionRecord record = LiveEventsSample.run(out, models);

      assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    }
    assertThat(text()).contains("tokens: " + ANSWER + " [30 tokens]"); // prompt 26 + answer 4
    assertThat(ollama.chats).singleElement().asString().contains("\"stream\":true");
  }

  @Test
  void aMissingModelIsPulledWithAProgressBarFirst() {
    try (SampleModels models = SampleModels.detect(baseUrl(), Optional.of("mistral:7b"), out)) {
      models.announce(out);

      assertThat(models.real()).isTrue();
    }
    assertThat(text())
        .startsWith(
            "Models: Ollama 0.12.3 at "
                + baseUrl()
                + " has no mistral:7b yet; pulling it first (OLLAMA_MODEL picks another):\n")
        .contains("   mistral:7b: pulling manifest\n")
        .contains("\r   pulling ff82381e2bea [===============               ]  50% of 4,113 MB")
        .contains("\r   pulling ff82381e2bea [==============================] 100% of 4,113 MB\n")
        .contains("   mistral:7b: success\n")
        .contains("Models: Ollama 0.12.3 at " + baseUrl() + ", profile default = mistral:7b");
    assertThat(ollama.pulls).containsExactly("mistral:7b");
  }

  @Test
  void aModelThatCannotBePulledLeavesTheSamplesScriptedAndSaysWhy() {
    try (SampleModels models = SampleModels.detect(baseUrl(), Optional.of("no-such:1b"), out)) {
      models.announce(out);

      assertThat(models.real()).isFalse();
    }
    assertThat(text())
        .contains(
            "Models: scripted (workflow-engine-testing). Ollama 0.12.3 at "
                + baseUrl()
                + " answered")
        .contains("could not pull no-such:1b (")
        .contains("file does not exist")
        .contains("set OLLAMA_MODEL to one of [llama3.2:3b, qwen3:8b]");
  }

  @Test
  void noOllamaLeavesTheSamplesScripted() throws IOException {
    String nobody;
    try (ServerSocket socket = new ServerSocket(0)) {
      nobody = "http://127.0.0.1:" + socket.getLocalPort();
    }
    try (SampleModels models = SampleModels.detect(nobody, Optional.empty(), out)) {
      models.announce(out);

      assertThat(models.real()).isFalse();
    }
    assertThat(text())
        .startsWith("Models: scripted (workflow-engine-testing); no Ollama answered at " + nobody);
  }

  private String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  private String text() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Answers as Ollama 0.12.3 with two models; every chat gets the same answer. */
  private static final class FakeOllama extends Dispatcher {
    final List<String> chats = new CopyOnWriteArrayList<>();
    final List<String> pulls = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      switch (path) {
        case "/api/version":
          return json("{\"version\":\"0.12.3\"}");
        case "/api/tags":
          return json("{\"models\":[" + model("llama3.2:3b") + "," + model("qwen3:8b") + "]}");
        case "/api/pull":
          String model = modelOf(request.getBody().utf8());
          pulls.add(model);
          return pullProgress(model);
        case "/api/chat":
          String body = request.getBody().utf8();
          chats.add(body);
          return body.contains("\"stream\":true") ? streamed(body) : json(answer(body));
        default:
          return new MockResponse.Builder().code(404).body("404 page not found").build();
      }
    }

    /** Ollama's pull lines; a model it does not know ends in an error line, status still 200. */
    private static MockResponse pullProgress(String model) {
      String lines =
          model.startsWith("no-such")
              ? "{\"status\":\"pulling manifest\"}\n"
                  + "{\"error\":\"pull model manifest: file does not exist\"}\n"
              : "{\"status\":\"pulling manifest\"}\n"
                  + layer(0)
                  + layer(2_056_537_856L)
                  + layer(4_113_075_712L)
                  + "{\"status\":\"verifying sha256 digest\"}\n"
                  + "{\"status\":\"writing manifest\"}\n"
                  + "{\"status\":\"success\"}\n";
      return new MockResponse.Builder()
          .addHeader("Content-Type", "application/x-ndjson")
          .chunkedBody(lines, 128)
          .build();
    }

    private static String layer(long completed) {
      return "{\"status\":\"pulling ff82381e2bea\",\"digest\":\"sha256:ff82381e2bea77d91c1b824c7afb83f6fb73e9f7de9dda631bcdbca564aa5435\","
          + "\"total\":4113075712,\"completed\":"
          + completed
          + "}\n";
    }

    private static MockResponse json(String body) {
      return new MockResponse.Builder()
          .addHeader("Content-Type", "application/json; charset=utf-8")
          .body(body)
          .build();
    }

    private static MockResponse streamed(String request) {
      StringBuilder lines = new StringBuilder();
      for (String word : ANSWER.split("(?<= )")) {
        lines
            .append("{\"model\":\"")
            .append(modelOf(request))
            .append("\",\"created_at\":\"2025-05-04T17:40:01.123456Z\",")
            .append("\"message\":{\"role\":\"assistant\",\"content\":\"")
            .append(word)
            .append("\"},\"done\":false}\n");
      }
      lines.append(finalLine(request, "\"\"")).append('\n');
      return new MockResponse.Builder()
          .addHeader("Content-Type", "application/x-ndjson")
          .chunkedBody(lines.toString(), 64)
          .build();
    }

    private static String answer(String request) {
      return finalLine(request, "\"" + ANSWER + "\"");
    }

    private static String finalLine(String request, String content) {
      return "{\"model\":\""
          + modelOf(request)
          + "\",\"created_at\":\"2025-05-04T17:40:02.123456Z\","
          + "\"message\":{\"role\":\"assistant\",\"content\":"
          + content
          + "},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":812345678,"
          + "\"load_duration\":12345678,\"prompt_eval_count\":26,\"prompt_eval_duration\":"
          + "130000000,\"eval_count\":4,\"eval_duration\":259000000}";
    }

    private static String modelOf(String request) {
      int start = request.indexOf("\"model\":\"") + 9;
      return request.substring(start, request.indexOf('"', start));
    }

    private static String model(String name) {
      return "{\"name\":\""
          + name
          + "\",\"model\":\""
          + name
          + "\",\"modified_at\":\"2025-05-04T17:37:44.706015396-07:00\",\"size\":2019393189,"
          + "\"digest\":\"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72\","
          + "\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"llama\","
          + "\"families\":[\"llama\"],\"parameter_size\":\"3.2B\",\"quantization_level\":"
          + "\"Q4_K_M\"}}";
    }
  }
}
