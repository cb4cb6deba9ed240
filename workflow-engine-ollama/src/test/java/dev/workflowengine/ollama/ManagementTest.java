package dev.workflowengine.ollama;

import static dev.workflowengine.ollama.MockOllama.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every management endpoint: method, path and body sent; answer read. */
class ManagementTest extends OllamaServerTest {

  private static final String DIGEST =
      "sha256:dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdff";

  @Test
  void listReadsTheLocalModels() throws Exception {
    server.enqueue(MockOllama.json("tags.json"));

    List<ModelSummary> models = client.list();

    assertThat(models)
        .extracting(ModelSummary::name)
        .containsExactly("llama3.2:latest", "all-minilm:latest");
    ModelSummary llama = models.get(0);
    assertThat(llama.size()).isEqualTo(2019393189L);
    assertThat(llama.modifiedAt()).contains(Instant.parse("2025-05-05T00:37:44.706015396Z"));
    assertThat(llama.details())
        .isEqualTo(new ModelDetails("", "gguf", "llama", List.of("llama"), "3.2B", "Q4_K_M"));
    assertRequest(takeRequest(), "GET", "/api/tags", null);
  }

  @Test
  void showDescribesAModel() throws Exception {
    server.enqueue(MockOllama.json("show.json"));

    ShowResponse info = client.show("llama3.2");

    assertThat(info.capabilities()).containsExactly("completion", "tools");
    assertThat(info.template()).startsWith("{{ if .System }}<|start_header_id|>system");
    assertThat(info.parameters()).contains("stop").contains("<|eot_id|>");
    assertThat(info.modelInfo())
        .containsEntry("general.architecture", "llama")
        .containsEntry("llama.context_length", 131072)
        .containsEntry("tokenizer.ggml.tokens", null);
    assertThat(info.details().parameterSize()).isEqualTo("3.2B");
    assertThat(info.license()).startsWith("LLAMA 3.2");
    assertThat(info.system()).isEmpty();
    assertRequest(takeRequest(), "POST", "/api/show", "{\"model\":\"llama3.2\"}");
  }

  @Test
  void showVerboseAsksForTheLargeFields() throws Exception {
    server.enqueue(MockOllama.json("show.json"));

    client.show("llama3.2", true);

    assertRequest(takeRequest(), "POST", "/api/show", "{\"model\":\"llama3.2\",\"verbose\":true}");
  }

  @Test
  void showOfAnUnknownModelSaysHowToPullIt() {
    server.enqueue(MockOllama.error(404, "model 'mistral' not found"));

    assertThatThrownBy(() -> client.show("mistral"))
        .isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("ollama pull mistral");
  }

  @Test
  void psReadsTheRunningModels() throws Exception {
    server.enqueue(MockOllama.json("ps.json"));

    List<RunningModel> running = client.ps();

    assertThat(running)
        .singleElement()
        .satisfies(
            model -> {
              assertThat(model.name()).isEqualTo("llama3.2:latest");
              assertThat(model.sizeVram()).isEqualTo(3654089728L);
              assertThat(model.contextLength()).isEqualTo(OptionalInt.of(4096));
              assertThat(model.expiresAt()).contains(Instant.parse("2025-05-05T17:42:18.233434Z"));
            });
    assertRequest(takeRequest(), "GET", "/api/ps", null);
  }

  @Test
  void versionReadsTheVersion() throws Exception {
    server.enqueue(MockOllama.json("version.json"));

    assertThat(client.version()).isEqualTo("0.12.6");
    assertRequest(takeRequest(), "GET", "/api/version", null);
  }

  @Test
  void copyAndDeleteSendTheirBodies() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    client.copy("llama3.2", "llama3.2-backup");
    client.delete("llama3.2-backup");

    assertRequest(
        takeRequest(),
        "POST",
        "/api/copy",
        "{\"source\":\"llama3.2\",\"destination\":\"llama3.2-backup\"}");
    assertRequest(takeRequest(), "DELETE", "/api/delete", "{\"model\":\"llama3.2-backup\"}");
  }

  @Test
  void deletingAMissingModelIsModelNotFound() {
    server.enqueue(MockOllama.error(404, "model 'ghost' not found"));

    assertThatThrownBy(() -> client.delete("ghost"))
        .isInstanceOf(ModelNotFoundException.class)
        .extracting(e -> ((ModelNotFoundException) e).model())
        .isEqualTo("ghost");
  }

  @Test
  void blobExistsAsksWithHead() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(404).build());

    assertThat(client.blobExists(DIGEST)).isTrue();
    assertThat(client.blobExists(DIGEST)).isFalse();
    assertRequest(takeRequest(), "HEAD", "/api/blobs/" + DIGEST, null);
    assertThatThrownBy(() -> client.blobExists("sha256:nothex"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void uploadBlobSendsTheBytesUnderTheirDigest(@TempDir Path dir) throws Exception {
    byte[] content = "GGUF pretend model".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("model.gguf"), content);
    String expected =
        "sha256:"
            + java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    server.enqueue(new MockResponse.Builder().code(201).build());
    server.enqueue(new MockResponse.Builder().code(201).build());

    assertThat(client.uploadBlob(file)).isEqualTo(expected);
    assertThat(client.uploadBlob(content)).isEqualTo(expected);

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = takeRequest();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getUrl().encodedPath()).isEqualTo("/api/blobs/" + expected);
      assertThat(request.getBody().toByteArray()).isEqualTo(content);
    }
  }

  @Test
  void pullReportsProgressIncludingTheEarlyLinesWithoutCounts() throws Exception {
    server.enqueue(MockOllama.stream("pull-progress.ndjson"));

    List<Progress> progress = new ArrayList<>();
    try (OllamaStream<Progress> pull = client.pull("llama3.2")) {
      pull.forEach(progress::add);
    }

    assertThat(progress).hasSize(10);
    assertThat(progress.get(0))
        .isEqualTo(
            new Progress(
                "pulling manifest",
                java.util.Optional.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
    assertThat(progress.get(1).total()).isEqualTo(OptionalLong.of(2019377376L));
    assertThat(progress.get(1).completed()).isEmpty();
    assertThat(progress.get(1).fraction()).isEmpty();
    assertThat(progress.get(3).fraction().getAsDouble()).isBetween(0.49, 0.51);
    assertThat(progress.get(1).digest()).contains(DIGEST);
    assertThat(progress.get(9).isSuccess()).isTrue();
    assertRequest(takeRequest(), "POST", "/api/pull", "{\"model\":\"llama3.2\",\"stream\":true}");
  }

  @Test
  void pullToTheEndReturnsTheFinalStatus() throws Exception {
    server.enqueue(MockOllama.stream("pull-progress.ndjson"));

    assertThat(client.pull("llama3.2", true).last().status()).isEqualTo("success");
    assertRequest(
        takeRequest(),
        "POST",
        "/api/pull",
        "{\"model\":\"llama3.2\",\"insecure\":true,\"stream\":true}");
  }

  @Test
  void aPullThatFailsMidwayReportsOllamasError() {
    server.enqueue(
        MockOllama.streamLines(
            List.of(
                "{\"status\":\"pulling manifest\"}\n",
                "{\"error\":\"pull model manifest: file does not exist\"}\n")));

    assertThatThrownBy(() -> client.pull("no-such-model").last())
        .isInstanceOf(OllamaStreamException.class)
        .hasMessageContaining("pull model manifest: file does not exist");
  }

  @Test
  void pushReportsProgress() throws Exception {
    server.enqueue(MockOllama.stream("push-progress.ndjson"));

    assertThat(client.push("me/mario:latest").last().isSuccess()).isTrue();
    assertRequest(
        takeRequest(), "POST", "/api/push", "{\"model\":\"me/mario:latest\",\"stream\":true}");
  }

  @Test
  void createSendsEveryFieldSetAndReportsProgress() throws Exception {
    server.enqueue(MockOllama.stream("create-progress.ndjson"));
    CreateRequest request =
        CreateRequest.builder("mario")
            .from("llama3.2")
            .system("You are Mario from Super Mario Bros.")
            .parameter("temperature", 0.8)
            .parameters(Options.builder().numCtx(4096).build())
            .message(ChatMessage.user("Who are you?"))
            .message(ChatMessage.assistant("It's-a me, Mario!"))
            .license("MIT")
            .quantize("q4_K_M")
            .build();

    List<String> statuses = new ArrayList<>();
    try (OllamaStream<Progress> create = client.create(request)) {
      create.forEach(p -> statuses.add(p.status()));
    }

    assertThat(statuses).startsWith("reading model metadata").endsWith("success");
    assertRequest(
        takeRequest(),
        "POST",
        "/api/create",
        "{\"model\":\"mario\",\"from\":\"llama3.2\",\"license\":[\"MIT\"],"
            + "\"system\":\"You are Mario from Super Mario Bros.\","
            + "\"parameters\":{\"temperature\":0.8,\"num_ctx\":4096},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Who are you?\"},"
            + "{\"role\":\"assistant\",\"content\":\"It's-a me, Mario!\"}],"
            + "\"quantize\":\"q4_K_M\",\"stream\":true}");
  }

  @Test
  void createFromUploadedFilesNamesThemByDigest() throws Exception {
    server.enqueue(MockOllama.stream("create-progress.ndjson"));

    client.create(CreateRequest.builder("my-gguf").file("model.gguf", DIGEST).build()).last();

    assertThat(body(takeRequest()).get("files").toString())
        .isEqualTo("{\"model.gguf\":\"" + DIGEST + "\"}");
  }

  @Test
  void healthReportsVersionAndModels() {
    server.enqueue(MockOllama.json("version.json"));
    server.enqueue(MockOllama.json("tags.json"));

    OllamaHealth health = client.health();

    assertThat(health.reachable()).isTrue();
    assertThat(health.healthy()).isTrue();
    assertThat(health.version()).contains("0.12.6");
    assertThat(health.modelCount()).isEqualTo(2);
    assertThat(health.models()).containsExactly("llama3.2:latest", "all-minilm:latest");
  }

  @Test
  void healthOfAnUnreachableServerSaysSoWithoutThrowing() throws IOException {
    MockWebServer gone = new MockWebServer();
    gone.start();
    String url = gone.url("/").toString();
    gone.close();
    client(b -> b.baseUrl(url));

    OllamaHealth health = client.health();

    assertThat(health.reachable()).isFalse();
    assertThat(health.healthy()).isFalse();
    assertThat(health.problem()).hasValueSatisfying(p -> assertThat(p).contains("ollama serve"));
    assertThat(health.modelCount()).isZero();
  }

  @Test
  void healthOfAFailingServerIsReachableWithAProblemAndIsNotRetried() {
    server.enqueue(MockOllama.error(503, "server busy"));

    OllamaHealth health = client.health();

    assertThat(health.reachable()).isTrue();
    assertThat(health.healthy()).isFalse();
    assertThat(health.problem()).hasValueSatisfying(p -> assertThat(p).contains("HTTP 503"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static void assertRequest(
      RecordedRequest request, String method, String path, String body) {
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getUrl().encodedPath()).isEqualTo(path);
    if (body != null) {
      assertThat(request.getBody().utf8()).isEqualTo(body);
    }
  }
}
